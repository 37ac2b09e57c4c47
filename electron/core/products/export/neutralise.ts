/**
 * Spreadsheet apps run a cell that starts with = + - @ (or a tab or CR before them) as a
 * formula: a product title like `=HYPERLINK(...)` would become a live link or worse (CSV
 * injection). A leading apostrophe makes such a cell text; a cell that already starts with one
 * gets a second, so the importer can strip exactly one and give back the original text.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

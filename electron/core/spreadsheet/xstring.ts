// Text that XML cannot carry, the way OOXML carries it (ST_Xstring, ECMA-376 22.9.2.19): a
// character as `_xHHHH_`, and a literal `_xHHHH_` in the text with its underscore escaped as
// `_x005F_`. Excel writes and reads this; ExcelJS passes the raw text through, so a title with a
// NUL or a CR would otherwise make an unreadable workbook, or lose the CR (XML reads CRLF as LF).

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold (and CR, which it folds)
const UNSAFE = /[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;
const hex4 = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** Text → what a workbook cell holds. */
export function encodeXstring(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, (c) => `_x${hex4(c)}_`) : text;
}

/** A workbook cell's text → the text it stands for. */
export function decodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

/** Limits that keep a broken or hostile file from taking the app down with it. */
export const LIMITS = {
  /** One cell. A longer one is almost always an unclosed quote swallowing the rest of the file. */
  maxCellChars: 64 * 1024,
  /** One row, while it is still being read. */
  maxRowChars: 1024 * 1024,
  maxRows: 500_000,
  maxColumns: 500,
  /** XLSX: total size of the unzipped parts, and the largest believable packing ratio. */
  maxUnzippedBytes: 300 * 1024 * 1024,
  maxZipRatio: 250,
  maxZipEntries: 10_000,
} as const;

/** One row of a sheet: its spreadsheet row number (1-based, as Excel shows it) and its cells. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A parsed sheet: the header and each data row with its spreadsheet row number. */
export interface Table {
  header: string[];
  rows: TableRow[];
}

export interface Progress {
  /** Called between chunks; the import yields to the event loop there too. */
  step(phase: 'parse' | 'check' | 'write', done: number, total: number, unit?: 'bytes' | 'rows'): Promise<void>;
}

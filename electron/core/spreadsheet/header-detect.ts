import { headerKey, headerKeyWithoutUnit } from './header-key';
import type { TableRow } from './limits';

/** How many non-empty rows from the top are considered for the header. */
export const HEADER_SCAN_ROWS = 30;

/** One row that could be the header, with how many of its cells are known header names. */
export interface HeaderCandidate {
  /** The spreadsheet row number. */
  line: number;
  /** Cells that match the vocabulary. */
  score: number;
  cells: string[];
}

/**
 * The header names a caller knows (a preset's column names, in any spelling): compared by
 * `headerKey`, with and without a bracketed unit. Build it once per preset list.
 */
export class HeaderVocabulary {
  private readonly keys = new Set<string>();

  constructor(names: Iterable<string>) {
    for (const n of names) {
      const k = headerKey(n);
      if (k) this.keys.add(k);
    }
  }

  /** Plain data, to cross to a worker thread. */
  toJSON(): string[] {
    return [...this.keys];
  }

  static fromKeys(keys: string[]): HeaderVocabulary {
    const v = new HeaderVocabulary([]);
    for (const k of keys) v.keys.add(k);
    return v;
  }

  knows(cell: string): boolean {
    const t = cell.trim();
    if (t === '' || t.length > 100) return false;
    return this.keys.has(headerKey(t)) || this.keys.has(headerKeyWithoutUnit(t));
  }
}

/**
 * Which of the first rows is the header: the one with the most cells the vocabulary knows (title
 * and period lines above it, 淘宝助理's `version 1.00` and English key lines, TikTok's period row
 * score low). On a tie the higher row wins, and with nothing known at all the first non-empty
 * row is the header, as before. Returns the chosen row's index in `rows` and every candidate.
 */
export function detectHeaderRow(rows: TableRow[], vocabulary: HeaderVocabulary): { index: number; candidates: HeaderCandidate[] } {
  const top = rows.slice(0, HEADER_SCAN_ROWS);
  const candidates = top.map((r) => ({ line: r.line, score: r.cells.reduce((n, c) => n + (vocabulary.knows(c) ? 1 : 0), 0), cells: r.cells }));
  let index = 0;
  for (let i = 1; i < candidates.length; i += 1) if (candidates[i]!.score > candidates[index]!.score) index = i;
  return { index, candidates };
}

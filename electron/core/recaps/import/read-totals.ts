import { TOTAL_KEYS, type RecapTotals, type TotalKey } from '../../../contract';
import type { TableRow } from '../../spreadsheet';
import { CellReader, type Parse } from './cells';
import { InstantReader, dayOf, type TimeContext } from './time';
import { isEmpty, parseCount, parseDuration, parseMoney, parseText } from './values';

const PARSERS: Record<TotalKey, Parse<number>> = {
  gmv: parseMoney,
  refund: parseMoney,
  avgWatchMs: parseDuration,
  durationMs: parseDuration,
  orders: parseCount,
  units: parseCount,
  buyers: parseCount,
  views: parseCount,
  viewers: parseCount,
  peakOnline: parseCount,
  avgOnline: parseCount,
  newFollowers: parseCount,
  comments: parseCount,
  likes: parseCount,
  shares: parseCount,
  impressions: parseCount,
  productImpressions: parseCount,
  productClicks: parseCount,
};

export function emptyTotals(): RecapTotals {
  return Object.fromEntries(TOTAL_KEYS.map((k) => [k, null])) as RecapTotals;
}

export type TotalsChoice =
  | { kind: 'one'; line: number; totals: RecapTotals }
  | { kind: 'pick'; choices: { row: number; label: string }[] }
  | { kind: 'none' };

/**
 * Show totals: one row of the platform's overview. A file listing several shows (a daily
 * overview) gives the row whose date or start is the show's day, or the row asked for; else the
 * user picks one. A figure that cannot be read is left empty with a warning.
 */
export class TotalsReader {
  readonly rows: TableRow[] = [];
  readonly cells: CellReader;

  constructor(header: string[], mapping: readonly (string | null)[]) {
    this.cells = new CellReader(header, mapping);
  }

  push(batch: TableRow[]): void {
    for (const row of batch) if (!this.cells.isTotalRow(row, ['room', 'date', 'startTime'])) this.rows.push(row);
  }

  choose(time: TimeContext, asked?: number): TotalsChoice {
    const pick = (row: TableRow): TotalsChoice => {
      const totals = this.read(row);
      return totals ? { kind: 'one', line: row.line, totals } : { kind: 'none' };
    };
    if (asked !== undefined) {
      const row = this.rows.find((r) => r.line === asked);
      if (!row) return { kind: 'pick', choices: this.choices() };
      return pick(row);
    }
    if (this.rows.length === 0) return { kind: 'none' };
    if (this.rows.length === 1) return pick(this.rows[0]!);
    const day = dayOf(time.anchor, time.zone);
    const sameDay = this.rows.filter((r) => this.dayOfRow(r, time) === day);
    if (sameDay.length === 1) return pick(sameDay[0]!);
    return { kind: 'pick', choices: this.choices() };
  }

  private dayOfRow(row: TableRow, time: TimeContext): string | null {
    for (const field of ['startTime', 'date']) {
      const text = this.cells.raw(row, field).trim();
      if (!text) continue;
      const date = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
      if (date) return `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
      try {
        const at = new InstantReader(time).read(text);
        if (at !== null) return dayOf(at, time.zone);
      } catch {
        // not a date: try the next column
      }
    }
    return null;
  }

  private choices(): { row: number; label: string }[] {
    return this.rows.slice(0, 200).map((r) => {
      const named = ['room', 'date', 'startTime'].map((f) => parseText(this.cells.raw(r, f))).filter(Boolean);
      const label = (named.length ? named : r.cells.filter((c) => c.trim()).slice(0, 3)).join(' · ').slice(0, 120);
      return { row: r.line, label };
    });
  }

  private read(row: TableRow): RecapTotals | null {
    const totals = emptyTotals();
    let any = false;
    for (const key of TOTAL_KEYS) {
      if (!this.cells.has(key)) continue;
      const value = this.cells.optional(row, key, PARSERS[key]);
      totals[key] = value;
      if (value !== null) any = true;
    }
    if (!any) {
      const empty = TOTAL_KEYS.filter((k) => this.cells.has(k)).every((k) => isEmpty(this.cells.raw(row, k)));
      this.cells.refuse(row, undefined, empty ? 'The row has no figures' : 'None of the row\'s figures could be read');
      return null;
    }
    return totals;
  }
}

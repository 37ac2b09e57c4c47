import type { Curve } from '../../../contract';
import type { TableRow } from '../../spreadsheet';
import { CellReader } from './cells';
import { InstantReader, type TimeContext } from './time';
import { parseCount, parseDuration, parseMoney } from './values';

/**
 * The viewer curve: a time (clock time, or time since the start) and the online count per row;
 * entries, exits and GMV where the file has them. Kept column by column (a per-second curve of
 * a four-hour show is 14,400 points), sorted by time, one point per instant.
 */
export class CurveReader {
  readonly cells: CellReader;
  private readonly time: InstantReader;
  private readonly points: { t: number; online: number; entries: number | null; exits: number | null; gmv: number | null }[] = [];

  constructor(
    header: string[],
    mapping: readonly (string | null)[],
    private readonly ctx: TimeContext,
  ) {
    this.cells = new CellReader(header, mapping);
    this.time = new InstantReader(ctx);
  }

  get count(): number {
    return this.points.length;
  }

  push(batch: TableRow[]): void {
    const c = this.cells;
    const useClock = c.has('time');
    for (const row of batch) {
      const t = useClock ? c.required(row, 'time', (text) => this.time.read(text)) : c.required(row, 'elapsed', parseDuration);
      if (t === null) continue;
      const online = c.required(row, 'online', parseCount);
      if (online === null) continue;
      this.points.push({
        t: useClock ? t : this.ctx.anchor + t,
        online,
        entries: c.optional(row, 'entries', parseCount),
        exits: c.optional(row, 'exits', parseCount),
        gmv: c.optional(row, 'gmv', parseMoney),
      });
    }
  }

  curve(): Curve {
    const sorted = this.points.slice().sort((a, b) => a.t - b.t);
    // One point per instant: a repeated time keeps its last row.
    const pts = sorted.filter((p, i) => i === sorted.length - 1 || sorted[i + 1]!.t !== p.t);
    const series = <K extends 'entries' | 'exits' | 'gmv'>(k: K) => (this.cells.has(k) ? pts.map((p) => p[k]) : null);
    const steps = pts.slice(1).map((p, i) => p.t - pts[i]!.t).sort((a, b) => a - b);
    return {
      t: pts.map((p) => p.t),
      online: pts.map((p) => p.online),
      entries: series('entries'),
      exits: series('exits'),
      gmv: series('gmv'),
      resolutionMs: steps.length ? steps[Math.floor(steps.length / 2)]! : 0,
    };
  }
}

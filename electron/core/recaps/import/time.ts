import { ValueError, isEmpty } from './values';

// Times in platform files: "2024/11/20 20:01", "2024-11-20 20:01:05", ISO with a zone, epoch
// seconds or ms, or only a time of day ("20:01", as per-minute curves print it). Wall times are
// read in the show's time zone ('' = this machine's); a time of day takes its date from the show.

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// One formatter per zone: making one costs about 70 µs, and a per-second curve reads 14,400 times.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallOf(ms: number, zone: string): Wall {
  if (!zone) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
  }
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const parts = f.formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The instant that reads `w` in `zone`. */
export function instantOf(w: Wall, zone: string): number {
  if (!zone) return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second).getTime();
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetAt = (ms: number) => {
    const p = wallOf(ms, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
  };
  const guess = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(guess);
}

export interface TimeContext {
  zone: string;
  /** When the show started (its run, else its plan): a time of day is taken on or after its day. */
  anchor: number;
}

/** Parsers keep a little state: a time of day after midnight follows the previous point onto the next day. */
export class InstantReader {
  private lastTimeOfDay: number | null = null;
  /** The show day's wall date, and the instant of each wall time read so far (by hh:mm:ss). */
  private readonly day: Wall;
  /** The show day's midnight, when the zone's offset does not change that day (no DST switch): then a time of day is plain arithmetic. */
  private readonly midnight: number | null;

  constructor(private readonly ctx: TimeContext) {
    this.day = wallOf(ctx.anchor, ctx.zone);
    const midnight = instantOf({ ...this.day, hour: 0, minute: 0, second: 0 }, ctx.zone);
    const next = wallOf(midnight + 24 * 3_600_000, ctx.zone);
    this.midnight = next.hour === 0 && next.minute === 0 && next.second === 0 ? midnight : null;
  }

  read(text: string): number | null {
    if (isEmpty(text)) return null;
    const t = text.normalize('NFKC').trim();
    if (/^\d{13}$/.test(t)) return Number(t);
    if (/^\d{10}$/.test(t)) return Number(t) * 1000;
    if (/[tT].*([zZ]|[+-]\d\d:?\d\d)$/.test(t)) {
      const ms = Date.parse(t);
      if (Number.isFinite(ms)) return ms;
    }
    const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(t);
    if (full) {
      const [, y, mo, d, h, mi, s] = full;
      return instantOf({ year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi!, second: s ? +s : 0 }, this.ctx.zone);
    }
    const tod = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
    if (tod) return this.timeOfDay(+tod[1]!, +tod[2]!, tod[3] ? +tod[3] : 0, text);
    throw new ValueError(`"${text.trim()}" is not a time`);
  }

  private timeOfDay(hour: number, minute: number, second: number, text: string): number {
    if (hour > 23 || minute > 59 || second > 59) throw new ValueError(`"${text.trim()}" is not a time`);
    let at = this.midnight !== null ? this.midnight + (hour * 3600 + minute * 60 + second) * 1000 : instantOf({ ...this.day, hour, minute, second }, this.ctx.zone);
    // A show starting at 22:00 with points at 00:10: those are the next day. Any point more than
    // 12 hours before the start is too; after that, times only move forward.
    if (at < this.ctx.anchor - 12 * 3_600_000) at += 24 * 3_600_000;
    if (this.lastTimeOfDay !== null) while (at < this.lastTimeOfDay - 12 * 3_600_000) at += 24 * 3_600_000;
    this.lastTimeOfDay = at;
    return at;
  }
}

/** The local calendar day of an instant in a zone, "2026-11-20". */
export function dayOf(ms: number, zone: string): string {
  const w = wallOf(ms, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

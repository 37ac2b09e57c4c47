// Clock texts of the cockpit and the prompter (pure; unit-tested in Node).

/** 1:02:03 or 12:03 (no hours under an hour). Negative durations show their size. */
export function clockText(ms: number | null): string {
  if (ms === null) return '--:--';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** +1:05 over / −0:30 under (U+2212 minus, so the width does not jump). */
export function deltaText(ms: number | null): string {
  if (ms === null) return '';
  if (Math.abs(ms) < 1000) return '±0:00';
  return `${ms > 0 ? '+' : '\u2212'}${clockText(ms)}`;
}

/** Remaining time of a countdown rounded up (a cue with 0.4 s left still shows 0:01). */
export function remainingText(ms: number | null): string {
  if (ms === null) return '--:--';
  if (ms <= 0) return clockText(ms);
  return clockText(Math.ceil(ms / 1000) * 1000);
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${key}|${timeZone}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(key.startsWith('day') ? 'en-CA' : 'en-GB', { ...opts, timeZone: timeZone || undefined });
    formatters.set(id, f);
  }
  return f;
}

/** Time of day in a zone, HH:MM:SS ('' zone = this machine's). */
export function timeOfDay(at: number | null, timeZone = ''): string {
  if (at === null) return '--:--';
  return formatter('time', timeZone, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}

/** HH:MM, with the date (MM-DD HH:MM) when it is not the same day as `now`. */
export function endText(at: number | null, now: number, timeZone = ''): string {
  if (at === null) return '--:--';
  const time = formatter('hm', timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const day = (ms: number) => formatter('day', timeZone, { month: '2-digit', day: '2-digit' }).format(ms);
  return day(at) === day(now) ? time : `${day(at)} ${time}`;
}

/**
 * Wall-clock time in a show's time zone, with the platform's Intl only. A show planned in
 * Asia/Shanghai keeps 20:00 as its start when opened on a laptop set to another zone.
 * '' means this machine's zone.
 */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

export function zonedParts(ms: number, zone: string): WallTime {
  if (!zone) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The instant that reads `wall` in `zone` (the first one, across a DST change). */
export function zonedInstant(wall: WallTime, zone: string): number {
  if (!zone) return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute).getTime();
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsetAt = (ms: number) => {
    const p = zonedParts(ms, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000;
  };
  let guess = asUtc - offsetAt(asUtc);
  guess = asUtc - offsetAt(guess); // once more: the offset may differ on the other side of a DST change
  return guess;
}

/** This browser's IANA zone. */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

import type { MetricKey } from './recap-model';
import { formatClock } from './schedule';

// How recap figures read, the same on the page and in every exported file. Money arrives in 分.

export type MetricUnit = 'money' | 'rate' | 'duration' | 'signedDuration' | 'count';

export const METRIC_UNITS: Record<MetricKey, MetricUnit> = {
  gmv: 'money',
  orders: 'count',
  units: 'count',
  buyers: 'count',
  views: 'count',
  viewers: 'count',
  peakOnline: 'count',
  aov: 'money',
  gpm: 'money',
  uvValue: 'money',
  viewToOrder: 'rate',
  clickToOrder: 'rate',
  refundRate: 'rate',
  goalAchieved: 'rate',
  ordersGoalAchieved: 'rate',
  planAdherence: 'rate',
  timeOverPlanMs: 'signedDuration',
  durationMs: 'duration',
  gmvPerMinute: 'money',
  commission: 'money',
  grossMargin: 'money',
  avgOnline: 'count',
  avgWatchMs: 'duration',
  newFollowers: 'count',
  refund: 'money',
};

/** Lower is better for these: a change up is shown as bad. */
export const LOWER_IS_BETTER = new Set<MetricKey>(['refundRate', 'refund', 'timeOverPlanMs']);
/** Neither: a longer show is not a better one (time over plan says whether it kept to plan). */
export const NEUTRAL = new Set<MetricKey>(['durationMs']);

/** ¥12,345.67 */
export function moneyFull(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  return `${sign}¥${(Math.abs(minor) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** ¥1.23万 / ¥12.3k: short, for charts and cards. */
export function moneyShort(minor: number, lang: 'zh-CN' | 'en'): string {
  const yuan = minor / 100;
  const abs = Math.abs(yuan);
  const sign = yuan < 0 ? '-' : '';
  const trim = (n: number, d: number) => String(Number(n.toFixed(d)));
  if (lang === 'zh-CN') {
    if (abs >= 1e8) return `${sign}¥${trim(abs / 1e8, 2)}亿`;
    if (abs >= 1e4) return `${sign}¥${trim(abs / 1e4, 2)}万`;
  } else {
    if (abs >= 1e6) return `${sign}¥${trim(abs / 1e6, 2)}M`;
    if (abs >= 1e4) return `${sign}¥${trim(abs / 1e3, 1)}k`;
  }
  return `${sign}¥${trim(abs, abs >= 100 ? 0 : 2)}`;
}

export function percentText(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function countText(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function durationText(ms: number, signed = false): string {
  const text = formatClock(ms);
  return signed && ms > 0 ? `+${text}` : text;
}

/** A metric as text; '—' when it cannot be computed. */
export function metricText(key: MetricKey, value: number | null, lang: 'zh-CN' | 'en', short = false): string {
  if (value === null) return '—';
  switch (METRIC_UNITS[key]) {
    case 'money':
      return short ? moneyShort(value, lang) : moneyFull(value);
    case 'rate':
      return percentText(value);
    case 'duration':
      return durationText(value);
    case 'signedDuration':
      return durationText(value, true);
    case 'count':
      return countText(value);
  }
}

/** The change from a previous value: +12.5% for most, a difference for rates and durations. */
export function changeText(key: MetricKey, now: number | null, before: number | null): { text: string; better: boolean | null } | null {
  if (now === null || before === null) return null;
  const unit = METRIC_UNITS[key];
  const up = now > before;
  const judged = now === before || NEUTRAL.has(key) ? null : LOWER_IS_BETTER.has(key) ? !up : up;
  // A change that reads as zero once rounded is no change.
  const say = (text: string) => ({ text, better: /^[+-]?0(\.0)?( pt|%)?$|^[+-]?0:00$/.test(text) ? null : judged });
  if (unit === 'rate') return say(`${up ? '+' : ''}${((now - before) * 100).toFixed(1)} pt`);
  if (unit === 'duration' || unit === 'signedDuration') return say(durationText(now - before, true));
  if (before === 0) return now === 0 ? { text: '0%', better: null } : null;
  const pct = ((now - before) / Math.abs(before)) * 100;
  return say(`${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`);
}

// Making an Intl.DateTimeFormat costs about 70 µs; a recap formats tens of thousands of times
// (curve, log, timeline), so each zone's formatter is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    if (seconds) opts.second = '2-digit';
    if (zone) opts.timeZone = zone;
    formatters.set(key, (f = new Intl.DateTimeFormat('sv-SE', opts)));
  }
  return f;
}

/** "2026-11-20 20:00" (or with seconds) in the show's zone ('' = this machine's). */
export function dateTimeText(at: number, zone: string, seconds = false): string {
  return formatter(zone, seconds).format(at);
}

/** "20:05" in the show's zone. */
export function clockText(at: number, zone: string): string {
  return formatter(zone, false).format(at).slice(11, 16);
}


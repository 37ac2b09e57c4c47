// Platform export cells → numbers, as the consoles print them: "¥1,234.50", "1.2万", "12.70%",
// "2小时3分17秒", "00:05:12", "1m28s". Each parser returns null for an empty cell ("", "-", "--")
// and throws ValueError (its message is the refused row's reason) for text it cannot read.

export class ValueError extends Error {}

/** A header's unit, when it names one: "直播时长(小时)", "成交金额（万元）", "GMV (USD)". */
export interface Unit {
  /** Money: multiply the number by this many yuan (万元 = 10,000); 分 columns are 0.01. */
  money?: number;
  /** Durations without their own unit: ms per unit. */
  durationMs?: number;
}

export function unitOf(header: string): Unit {
  const h = header.normalize('NFKC').toLowerCase();
  const bracket = /[(（]([^)）]*)[)）]/.exec(h)?.[1] ?? '';
  const unit: Unit = {};
  if (/万元|万/.test(bracket)) unit.money = 10_000;
  else if (/^分$/.test(bracket)) unit.money = 0.01;
  if (/小时|hours?|^h$|hr/.test(bracket) || /\(h\)/.test(h)) unit.durationMs = 3_600_000;
  else if (/分钟|min/.test(bracket)) unit.durationMs = 60_000;
  else if (/秒|sec|^s$/.test(bracket)) unit.durationMs = 1000;
  return unit;
}

const EMPTY = /^(|-|--|—|n\/a|na|null|none|\/)$/i;

/** Full-width digits and signs folded, spaces and thousands separators out. */
function clean(text: string): string {
  return text.normalize('NFKC').replace(/[\s,，]/g, '').replace(/^'/, '');
}

export function isEmpty(text: string): boolean {
  return EMPTY.test(text.normalize('NFKC').trim());
}

const SCALE: Record<string, number> = { 万: 1e4, w: 1e4, 亿: 1e8, 千: 1e3, k: 1e3, m: 1e6 };

/**
 * "1,234", "1.2万", "3.5亿", "12k", "¥1,234.50", "US$12.5", "25元" → the number (a float).
 * A range "99-199" reads as its lower end (a product sold at several prices).
 */
export function parseNumber(text: string): number | null {
  if (isEmpty(text)) return null;
  let t = clean(text).toLowerCase();
  t = t.replace(/^(cny|rmb|usd|us\$|idr|rp|hk\$|nt\$|\$|¥|￥|€|£)/, '').replace(/(元|圆|块|人|次|件|单|笔|个|usd|cny)$/, '');
  const range = /^(\d+(?:\.\d+)?)[-~～至](\d+(?:\.\d+)?)$/.exec(t);
  if (range) t = range[1]!;
  const m = /^([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)(万|w|亿|千|k|m)?$/.exec(t);
  if (!m) throw new ValueError(`"${text.trim()}" is not a number`);
  const n = Number(m[1]) * (m[2] ? SCALE[m[2]]! : 1);
  if (!Number.isFinite(n)) throw new ValueError(`"${text.trim()}" is not a number`);
  return n;
}

/** A count (orders, viewers): "1.2万" → 12000; a count is never negative. */
export function parseCount(text: string): number | null {
  const n = parseNumber(text);
  if (n === null) return null;
  if (n < 0) throw new ValueError(`"${text.trim()}" is negative`);
  return Math.round(n);
}

/** Money → 分: "¥1,234.50" → 123450, "1.2万" → 1200000 (12,000 yuan). `unit.money` from the header. */
export function parseMoney(text: string, unit: Unit = {}): number | null {
  const n = parseNumber(text);
  if (n === null) return null;
  if (n < 0) throw new ValueError(`"${text.trim()}" is negative`);
  // Yuan to 分 with the float noise rounded off (1234.5 × 100 = 123450.00000000001).
  return Math.round(n * (unit.money ?? 1) * 100);
}

/**
 * A rate as a fraction: "12.70%" → 0.127, "0.127" → 0.127. Without a % sign a number above 1 is
 * read as a percentage ("12.7" → 0.127): no conversion rate or share is above 100 %.
 */
export function parseRate(text: string): number | null {
  if (isEmpty(text)) return null;
  const t = clean(text);
  const pct = /^([+-]?\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) return round6(Number(pct[1]) / 100);
  const n = parseNumber(text);
  if (n === null) return null;
  if (n < 0) throw new ValueError(`"${text.trim()}" is negative`);
  return round6(n > 1 ? n / 100 : n);
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

const DURATION_UNITS: [RegExp, number][] = [
  [/^(小时|时|h|hr|hrs|hour|hours)$/, 3_600_000],
  [/^(分钟|分|m|min|mins|minute|minutes)$/, 60_000],
  [/^(秒钟|秒|s|sec|secs|second|seconds)$/, 1000],
];

/**
 * A duration → ms: "2小时3分17秒", "1m28s", "1h 2m", "00:05:12" (h:mm:ss), "05:12" (m:ss),
 * "1.5小时". A bare number takes the header's unit, seconds by default.
 */
export function parseDuration(text: string, unit: Unit = {}): number | null {
  if (isEmpty(text)) return null;
  const t = clean(text).toLowerCase();
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(t);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    return Math.round(c === null ? (a * 60 + b) * 1000 : (a * 3600 + b * 60 + c) * 1000);
  }
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * (unit.durationMs ?? 1000));
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)([a-z\u4e00-\u9fff]+)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t) throw new ValueError(`"${text.trim()}" is not a duration`);
  let ms = 0;
  for (const [, value, name] of parts) {
    const per = DURATION_UNITS.find(([re]) => re.test(name!))?.[1];
    if (per === undefined) throw new ValueError(`"${text.trim()}" is not a duration`);
    ms += Number(value) * per;
  }
  return Math.round(ms);
}

/** Plain text: trimmed, a spreadsheet's protective apostrophe removed. */
export function parseText(text: string): string {
  const t = text.trim();
  return t.startsWith("'") && t.length > 1 ? t.slice(1) : t;
}

/** An id column: Excel turns long ids into "3.56789E+18"; say so rather than match the wrong product. */
export function parseId(text: string): string {
  const t = parseText(text).replace(/\.0+$/, '');
  if (/^\d(\.\d+)?e\+\d+$/i.test(t)) throw new ValueError(`"${t}" is a long number Excel rounded; export the ids as text`);
  return t;
}

import { PRODUCT_ROLES, type ProductRole } from '../../../contract';

// Cell text → typed values. Each parser returns the value or throws a CellError whose message
// becomes the refused row's reason, in words a person fixing the sheet understands.

export class CellError extends Error {}

/**
 * Undo the apostrophe that spreadsheets (and our exporter, against formula injection) put in
 * front of a cell: before a formula character, another apostrophe, or a number kept as text
 * (Shopify's barcode '3212483). Other leading apostrophes are the user's own text.
 */
export function unmark(cell: string): string {
  if (cell.length > 1 && cell[0] === "'") {
    const rest = cell.slice(1);
    if (/^[=+\-@\t\r']/.test(rest) || /^\d+$/.test(rest)) return rest;
  }
  return cell;
}

const digitsCache = new Map<string, number>();
/** Minor-unit digits of a currency: 2 for CNY and USD, 0 for JPY and KRW. */
export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

// A PLAIN cell is /^\d{1,8}(\.\d{1,2})?$/: at most 99,999,999.99, always within Money.

/** A plain cell in hundredths, read digit by digit; -1 if the cell is not plain. */
function plainMinor(text: string): number {
  const n = text.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 8) return -1;
  if (i === n) return whole * 100;
  if (text.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return -1; // '.', then 1 or 2 digits
  let frac = 0;
  for (let j = i + 1; j < n; j += 1) {
    const d = text.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    frac = frac * 10 + d;
  }
  return whole * 100 + (n - i - 1 === 1 ? frac * 10 : frac);
}

/** "19.99", "¥1,299.00", "25元" → minor units, exactly (no floating point on the way). */
export function parseMoney(text: string, currency: string): number {
  // Most cells are plain "19.99": answer those without the clean-up passes below.
  const plain = plainMinor(text);
  if (plain >= 0 && minorDigits(currency) === 2) return plain;
  const t = text
    .replace(/[¥￥$€£₩元圆块,，\s]/g, '')
    .replace(/^(cny|rmb|usd|eur|jpy|hkd)/i, '');
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(t);
  if (!m) {
    if (/^-/.test(t)) throw new CellError(`"${text}" is negative; prices must be 0 or more`);
    throw new CellError(`"${text}" is not a price`);
  }
  const digits = minorDigits(currency);
  let frac = (m[2] ?? '').replace(/0+$/, '');
  // XLSX numbers come through as doubles (19.990000000000002): round what is float noise.
  if (frac.length > digits && frac.length >= 10) frac = String(Math.round(Number(`0.${frac}`) * 10 ** digits)).padStart(digits, '0');
  if (frac.length > digits) throw new CellError(`"${text}" has more than ${digits} decimals`);
  const minor = Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (minor > 100_000_000_00) throw new CellError(`"${text}" is larger than any price we take`);
  return minor;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whole numbers, "1,200" and "12.0" included. Negative stock (oversold) is the caller's call. */
export function parseInteger(text: string): number {
  if (text.length <= 12 && isDigits(text)) return Number(text); // the common case: plain digits
  const t = text.replace(/[,，\s]/g, '').replace(/(件|个|份|pcs?)$/i, '');
  const m = /^(-?\d{1,12})(?:\.0*)?$/.exec(t);
  if (!m) throw new CellError(`"${text}" is not a whole number`);
  return Number(m[1]);
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '已归档', '归档', '下架', 'archived', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '未归档', '上架', 'active', 'f', '']);
export function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  throw new CellError(`"${text}" is not yes/no (true/false, 是/否)`);
}

const ROLE_NAMES: Record<string, ProductRole> = {
  引流款: 'traffic',
  引流: 'traffic',
  福利款: 'perk',
  福利: 'perk',
  利润款: 'profit',
  利润: 'profit',
  主推款: 'hero',
  主推: 'hero',
  爆款: 'hero',
  常规款: 'regular',
  常规: 'regular',
};
export function parseRole(text: string): ProductRole {
  const t = text.trim().toLowerCase();
  if ((PRODUCT_ROLES as readonly string[]).includes(t)) return t as ProductRole;
  const zh = ROLE_NAMES[text.trim()];
  if (zh) return zh;
  throw new CellError(`"${text}" is not a product role (引流款/福利款/利润款/主推款/常规, or ${PRODUCT_ROLES.join('/')})`);
}

/** One item per line; a single-line cell may separate items with commas, 、 or semicolons. */
export function parseList(text: string, inline = /[,，;；、|]/): string[] {
  const parts = text.includes('\n') ? text.split(/\r?\n/) : text.split(inline);
  const out: string[] = [];
  for (const part of parts) {
    const s = part.trim();
    if (s !== '') out.push(s);
  }
  return out;
}

/** A list cell of our own export (see listCell): a JSON array, or one item per line — never split on commas. */
export function parseOurList(text: string): string[] {
  if (text.startsWith('[')) {
    try {
      const v = JSON.parse(text) as unknown;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    } catch {
      // not JSON: an item that starts with "["
    }
  }
  return parseList(text, /\n/);
}

export function parseFaq(text: string): { q: string; a: string }[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CellError('FAQ must be a JSON list like [{"q":"…","a":"…"}]');
  }
  if (!Array.isArray(value)) throw new CellError('FAQ must be a JSON list like [{"q":"…","a":"…"}]');
  return value as { q: string; a: string }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** Shopify's Body (HTML) → plain text for notes: block tags become line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Digits with up to `places` decimals → an integer scaled by 10^places, exactly; null if not such a number. */
function scaled(text: string, places: number): number | null {
  const m = /^(\d{1,9})(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > places) return null;
  return Number(m[1]) * 10 ** places + Number(frac.padEnd(places, '0') || '0');
}

/**
 * A commission rate → basis points. "20%", "20.5 %" and, under a header that says (%) (收入比率(%)),
 * "20" are percentages; a bare number below 1 is a fraction (an Excel cell formatted as 20 % holds
 * 0.2). XLSX float noise (20.499999999) is rounded to the basis point.
 */
export function parseRate(text: string, percentHeader: boolean): number {
  let t = text.replace(/[\s,，]/g, '');
  const percent = /[%％]$/.test(t);
  if (percent) t = t.slice(0, -1);
  let bp: number | null;
  if (percent || percentHeader) bp = scaled(t, 2);
  else {
    const n = Number(t);
    bp = /^\d*\.?\d+$/.test(t) && Number.isFinite(n) ? (n < 1 ? Math.round(n * 10_000) : scaled(t, 2)) : null;
  }
  if (bp === null && /^\d+\.\d{3,}$/.test(t)) bp = Math.round(Number(t) * (percent || percentHeader || Number(t) >= 1 ? 100 : 10_000));
  if (bp === null) throw new CellError(`"${text}" is not a commission rate (20%, 20 or 0.2)`);
  if (bp > 10_000) throw new CellError(`"${text}" is more than 100%`);
  return bp;
}

/**
 * A coupon's face value: "10", "¥10", or the way 淘宝联盟 writes it, "满99元减10元" (the amount taken
 * off). "无" or "-" is no coupon (null).
 */
export function parseCoupon(text: string, currency: string): number | null {
  const t = text.trim();
  if (/^(无|没有|none|-|—)$/i.test(t)) return null;
  const off = /减\s*([\d.,]+)\s*元?/.exec(t) ?? /([\d.,]+)\s*元\s*(?:无门槛|券)/.exec(t);
  return parseMoney(off ? off[1]! : t, currency);
}

/** Monthly sales as platforms write them: "1234", "1,234", "1.2万", "10万+", "5000+", "3w". */
export function parseSales(text: string): number {
  const t = text.replace(/[\s,，+＋件笔单]/g, '');
  const m = /^(\d+(?:\.\d+)?)(万|w|W|k|K)?$/.exec(t);
  if (!m) throw new CellError(`"${text}" is not a sales count (1234, 1.2万, 10万+)`);
  const unit = m[2] === '万' || m[2] === 'w' || m[2] === 'W' ? 10_000 : m[2] ? 1000 : 1;
  const n = Math.round(Number(m[1]) * unit);
  if (!Number.isSafeInteger(n)) throw new CellError(`"${text}" is not a sales count`);
  return n;
}

/** Our export's platform ids: a JSON object like {"douyin":"3720001","taobao":"6523"}. */
export function parsePlatformIds(text: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CellError('platform ids must be JSON like {"douyin":"3720001"}');
  return value as Record<string, string>;
}

/**
 * 淘宝助理's 新图片 cell → the picture files it names, in order: entries "name:1:0:|;" (name, a
 * flag, the position, then a separator), e.g. "a1b2c3:1:0:|;d4e5f6:1:1:|;".
 */
export function parsePictures(text: string): string[] {
  const out: { name: string; position: number }[] = [];
  for (const part of text.split(';')) {
    const m = /^\s*([^:|;\s]+)(?::(\d+))?(?::(\d+))?/.exec(part);
    if (m) out.push({ name: m[1]!.toLowerCase(), position: m[3] === undefined ? out.length : Number(m[3]) });
  }
  return out.sort((a, b) => a.position - b.position).map((p) => p.name);
}

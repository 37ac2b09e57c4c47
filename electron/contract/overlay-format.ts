// How overlay values become text: prices, discounts, countdowns and the built-in labels in
// both languages. Pure functions without zod, shared by the overlay pages (browser sources) and
// the native-source mapping (OBS text sources), so both say exactly the same thing.

export type OverlayLocale = 'zh-CN' | 'en';

const ROLE_LABELS = {
  'zh-CN': { traffic: '引流款', perk: '福利款', profit: '利润款', hero: '主推款', regular: '' },
  en: { traffic: 'Door buster', perk: 'Perk deal', profit: 'Best value', hero: 'Hero pick', regular: '' },
} as const;

export interface OverlayLabels {
  livePrice: string;
  listPrice: string;
  scanToBuy: string;
  soldOut: string;
  ended: string;
  flash: string;
  giveaway: string;
  announcement: string;
  ticker: string;
  stockLeft(n: number): string;
  limit(n: number): string;
  /** The price once the coupon is used: 券后 ¥79. */
  afterCoupon(price: string): string;
  role(role: string): string;
}

export const LABELS: Record<OverlayLocale, OverlayLabels> = {
  'zh-CN': {
    livePrice: '直播价',
    listPrice: '日常价',
    scanToBuy: '扫码抢购',
    soldOut: '已抢光',
    ended: '已结束',
    flash: '限时秒杀',
    giveaway: '福袋倒计时',
    announcement: '福利公告',
    ticker: '直播间公告',
    stockLeft: (n) => `仅剩 ${n} 件`,
    limit: (n) => `每人限购 ${n} 件`,
    afterCoupon: (price) => `券后 ${price}`,
    role: (r) => (ROLE_LABELS['zh-CN'] as Record<string, string>)[r] ?? '',
  },
  en: {
    livePrice: 'Live price',
    listPrice: 'Was',
    scanToBuy: 'Scan to buy',
    soldOut: 'Sold out',
    ended: 'Ended',
    flash: 'Flash sale',
    giveaway: 'Giveaway',
    announcement: 'Announcement',
    ticker: 'Live now',
    stockLeft: (n) => `Only ${n} left`,
    limit: (n) => `Limit ${n} per buyer`,
    afterCoupon: (price) => `${price} after coupon`,
    role: (r) => (ROLE_LABELS.en as Record<string, string>)[r] ?? '',
  },
};

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$', TWD: 'NT$', KRW: '₩', SGD: 'S$' };
const NO_MINOR = new Set(['JPY', 'KRW']);

export interface MoneyParts {
  symbol: string;
  /** Whole units with thousands separators: "1,299". */
  whole: string;
  /** ".9", ".99" or "" (trailing zeros dropped, as price tags do). */
  fraction: string;
}

/** Split an amount in minor units (分 / cents) for display: the fraction can be drawn smaller. */
export function moneyParts(minor: number, currency = 'CNY'): MoneyParts {
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  if (NO_MINOR.has(currency)) return { symbol, whole: group(Math.round(minor / 100)), fraction: '' };
  const whole = Math.floor(minor / 100);
  const cents = Math.round(minor - whole * 100);
  const fraction = cents === 0 ? '' : `.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
  return { symbol, whole: group(whole), fraction };
}

export function moneyText(minor: number, currency = 'CNY'): string {
  const p = moneyParts(minor, currency);
  return `${p.symbol}${p.whole}${p.fraction}`;
}

function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * 5折 / -50%, or '' when there is no real discount. One decimal in 折, as shops write it.
 * Rounded towards the smaller discount, so an overlay never claims more than the real one.
 */
export function discountText(listPrice: number | null, livePrice: number | null, locale: OverlayLocale): string {
  if (listPrice === null || livePrice === null || listPrice <= 0 || livePrice >= listPrice) return '';
  const ratio = livePrice / listPrice;
  if (locale === 'zh-CN') {
    const zhe = Math.min(9.9, Math.ceil(ratio * 100 - 1e-9) / 10);
    return `${zhe.toFixed(1).replace(/\.0$/, '')}折`;
  }
  return `-${Math.max(1, Math.floor((1 - ratio) * 100 + 1e-9))}%`;
}

export type CountdownPhase = 'running' | 'ended' | 'soldOut';

export interface CountdownView {
  phase: CountdownPhase;
  remainingMs: number;
  /** "04:59", "1:04:59"; whole seconds rounded up, so "00:00" shows exactly at the end. */
  clock: string;
  /** Share of the time left, 1 → 0. */
  fraction: number;
}

/** What a countdown shows at server time `now`. */
export function countdownView(c: { startsAt: number; endsAt: number; soldOut: boolean }, now: number): CountdownView {
  const remainingMs = Math.max(0, c.endsAt - now);
  const total = Math.max(1, c.endsAt - c.startsAt);
  const phase: CountdownPhase = c.soldOut ? 'soldOut' : remainingMs === 0 ? 'ended' : 'running';
  return { phase, remainingMs, clock: clockText(remainingMs), fraction: Math.min(1, remainingMs / total) };
}

export function clockText(remainingMs: number): string {
  const s = Math.ceil(Math.max(0, remainingMs) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** Text of a product card's stock line, or '' when stock is not tracked. */
export function stockText(stock: number | null, soldOut: boolean, labels: OverlayLabels): string {
  if (soldOut || stock === 0) return labels.soldOut;
  return stock === null ? '' : labels.stockLeft(stock);
}

export const isSoldOut = (c: { stock: number | null; soldOut: boolean }) => c.soldOut || c.stock === 0;

/** The price after coupon worth showing: known, and below the live price (else there is no coupon to speak of). */
export function couponPrice(c: { priceAfterCoupon?: number | null; livePrice: number | null }): number | null {
  const p = c.priceAfterCoupon ?? null;
  return p !== null && (c.livePrice === null || p < c.livePrice) ? p : null;
}

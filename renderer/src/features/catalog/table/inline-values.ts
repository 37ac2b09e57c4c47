import type { TFunction } from 'i18next';
import { ProductUpdateInput } from '../../../../../electron/contract';
import { issueMessage, type Issue } from '../../../lib/errors';
import { fromMinor, toMinor } from '../../../lib/money';

/**
 * Inline edits of live price and stock: the typed text → the value the contract takes, checked by
 * the contract's own schema so the cell says exactly what the drawer or the server would.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** `''` → null, `¥1,299.00` / `1 299` → 1299, anything else → NaN. */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s,，¥￥$€£]/g, '');
  if (cleaned === '') return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function check<T>(patch: Record<string, unknown>, value: T, t: TFunction): Checked<T> {
  const result = ProductUpdateInput.safeParse({ id: 'inline', ...patch });
  if (result.success) return { ok: true, value };
  return { ok: false, message: issueMessage(result.error.issues[0] as unknown as Issue, t) };
}

export function checkLivePrice(text: string, currency: string, t: TFunction): Checked<number> {
  const major = parseNumber(text);
  if (major === null) return { ok: false, message: t('errors.issue.required') };
  if (Number.isNaN(major)) return { ok: false, message: t('errors.issue.number') };
  const minor = toMinor(major, currency)!;
  return check({ livePrice: minor }, minor, t);
}

export function checkStock(text: string, t: TFunction): Checked<number | null> {
  const n = parseNumber(text);
  if (n === null) return { ok: true, value: null }; // empty: stock not tracked
  if (Number.isNaN(n)) return { ok: false, message: t('errors.issue.integer') };
  return check({ stock: n }, n, t);
}

/** A commission typed as a percentage ("20", "20.5%") → basis points; empty = none. */
export function checkCommission(text: string, t: TFunction): Checked<number | null> {
  const n = parseNumber(text.replace(/[%％]$/, ''));
  if (n === null) return { ok: true, value: null };
  if (Number.isNaN(n)) return { ok: false, message: t('catalog.affiliate.badRate') };
  const bp = Math.round(n * 100);
  if (Math.abs(bp - n * 100) > 1e-6) return { ok: false, message: t('catalog.affiliate.badRate') };
  const r = check({ commissionRate: bp }, bp, t);
  return r.ok ? r : { ok: false, message: t('catalog.affiliate.badRate') };
}

/** The text an input starts with: `199.9`, not `¥199.90`, so it can be typed over. */
export function priceText(minor: number, currency: string): string {
  return String(fromMinor(minor, currency) ?? '');
}

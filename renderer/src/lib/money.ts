/**
 * Money crosses the contract as integer minor units (19900 = ¥199.00). The UI edits major
 * units as decimals and converts at the edge; the number of decimals comes from the currency
 * (JPY has none, CNY and USD two).
 */
const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Not a currency Intl knows: assume cents.
  }
  digitsCache.set(currency, digits);
  return digits;
}

/** Major-unit decimal from the form → minor units; null stays null. Rounds float noise (19.99 * 100). */
export function toMinor(major: number | null | undefined, currency: string): number | null {
  if (major === null || major === undefined || Number.isNaN(major)) return null;
  return Math.round(major * 10 ** currencyDigits(currency));
}

export function fromMinor(minor: number | null | undefined, currency: string): number | null {
  if (minor === null || minor === undefined) return null;
  return minor / 10 ** currencyDigits(currency);
}

/** `¥199.00` / `$12.50`, grouped and symbolised for the UI language. */
export function formatMoney(minor: number, currency: string, lang: string): string {
  const major = fromMinor(minor, currency) ?? 0;
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(major);
  } catch {
    return `${major.toFixed(currencyDigits(currency))} ${currency}`;
  }
}

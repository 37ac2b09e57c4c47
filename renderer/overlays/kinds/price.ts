import { moneyParts } from '../../../electron/contract/overlay-format';
import { h, setText } from '../dom';

/**
 * A price drawn as parts: small currency sign, big whole units, smaller fraction. With a width
 * budget, the size shrinks for long amounts ("$1,299.99") so a price never runs into its
 * neighbours; short ones ("¥99") keep the full size.
 */
export function createPrice(className: string, fit?: { maxPx: number; widthPx: number }) {
  const symbol = h('span', 'price-sym');
  const whole = h('span', 'price-whole');
  const fraction = h('span', 'price-frac');
  const el = h('span', `price ${className}`, symbol, whole, fraction);
  return {
    el,
    set(minor: number | null, currency: string): void {
      el.hidden = minor === null;
      if (minor === null) return;
      const p = moneyParts(minor, currency);
      setText(symbol, p.symbol, false);
      setText(whole, p.whole, false);
      setText(fraction, p.fraction);
      if (fit) {
        // Bold digits are about 0.58 em wide; sign and fraction are drawn at 0.45 of the size.
        const ems = 0.58 * (p.whole.length + 0.45 * (p.fraction.length + p.symbol.length));
        const size = Math.floor(Math.min(fit.maxPx, fit.widthPx / Math.max(ems, 0.1)));
        el.style.setProperty('--price-size', `${size}px`);
      }
    },
  };
}

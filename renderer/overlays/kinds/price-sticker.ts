import { couponPrice, discountText, moneyText } from '../../../electron/contract/overlay-format';
import type { PriceStickerContent } from '../../../electron/contract/overlays';
import { h, setText } from '../dom';
import { createPrice } from './price';
import type { KindView } from './types';

/** 价格贴: a compact live price with the mechanism (满199减30) and the discount. */
export function priceSticker(): KindView<PriceStickerContent> {
  const label = h('div', 'ps-label');
  const live = createPrice('ps-live', { maxPx: 104, widthPx: 236 });
  const list = createPrice('ps-list');
  const discount = h('div', 'ps-discount');
  const title = h('div', 'ps-title');
  const mechanism = h('div', 'ps-mech');
  const coupon = h('div', 'ps-coupon');
  const face = h('div', 'ps-face', label, live.el, list.el);
  const el = h('div', 'ps', title, face, discount, mechanism, coupon);
  return {
    el,
    render(c, { labels, locale }) {
      setText(label, c.label || labels.livePrice);
      live.set(c.livePrice, c.currency);
      list.set(c.listPrice !== null && c.livePrice !== null && c.listPrice > c.livePrice ? c.listPrice : null, c.currency);
      setText(discount, c.discountText || discountText(c.listPrice, c.livePrice, locale));
      setText(title, c.title);
      setText(mechanism, c.mechanism);
      const after = couponPrice(c);
      setText(coupon, after === null ? '' : labels.afterCoupon(moneyText(after, c.currency)));
    },
  };
}

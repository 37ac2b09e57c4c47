import { couponPrice, discountText, isSoldOut, moneyText, stockText } from '../../../electron/contract/overlay-format';
import type { ProductCardContent } from '../../../electron/contract/overlays';
import { h, setImage, setText, toggle } from '../dom';
import { drawQr } from '../qr-canvas';
import { createPrice } from './price';
import type { KindView } from './types';

/** 商品卡: image, title, live price large, list price struck, discount, the cue's perk, stock, limit, QR, role badge. */
export function productCard(): KindView<ProductCardContent> {
  const img = h('img', 'pc-img');
  img.alt = '';
  // The same photo, blurred, fills the box around a photo that is not its shape.
  const backdrop = h('img', 'pc-backdrop');
  backdrop.alt = '';
  const badge = h('span', 'pc-badge');
  const discount = h('span', 'pc-discount');
  const stamp = h('div', 'pc-stamp');
  const media = h('div', 'pc-media', backdrop, img, badge, discount, stamp);

  const title = h('div', 'pc-title');
  const points = h('div', 'pc-points');
  const liveLabel = h('span', 'pc-live-label');
  const live = createPrice('pc-live', { maxPx: 92, widthPx: 290 });
  const list = createPrice('pc-list');
  const priceRow = h('div', 'pc-price-row', liveLabel, h('div', 'pc-price-line', live.el, list.el));
  const stock = h('span', 'pc-stock');
  const limit = h('span', 'pc-limit');
  const coupon = h('span', 'pc-coupon');
  const meta = h('div', 'pc-meta', coupon, stock, limit);
  const perk = h('div', 'pc-perk');
  const head = h('div', 'pc-head', title, points);
  const deal = h('div', 'pc-deal', priceRow, perk, meta);

  const qrCanvas = h('canvas', 'pc-qr-code');
  const qrLabel = h('span', 'pc-qr-label');
  const qr = h('div', 'pc-qr', qrCanvas, qrLabel);
  const el = h('div', 'pc', media, head, deal, qr);

  return {
    el,
    render(c, { labels, locale }) {
      const soldOut = isSoldOut(c);
      toggle(el, 'is-soldout', soldOut);
      setImage(img, c.image);
      setImage(backdrop, c.image);
      toggle(media, 'no-image', c.image === null);
      setText(badge, c.badge || labels.role(c.role));
      setText(discount, c.discountText || discountText(c.listPrice, c.livePrice, locale));
      setText(stamp, soldOut ? labels.soldOut : '');
      setText(title, c.shortTitle || c.title);
      if (points.dataset.key !== c.sellingPoints.join('\n')) {
        points.dataset.key = c.sellingPoints.join('\n');
        points.replaceChildren(...c.sellingPoints.map((p) => h('span', 'pc-point', p)));
      }
      points.hidden = c.sellingPoints.length === 0;
      setText(liveLabel, labels.livePrice);
      live.set(c.livePrice, c.currency);
      list.set(c.listPrice !== null && c.livePrice !== null && c.listPrice > c.livePrice ? c.listPrice : null, c.currency);
      setText(perk, c.perk);
      setText(stock, stockText(c.stock, soldOut, labels));
      toggle(stock, 'is-low', !soldOut && c.stock !== null && c.stock <= 20);
      setText(limit, c.limitPerBuyer === null ? '' : labels.limit(c.limitPerBuyer));
      const after = couponPrice(c);
      setText(coupon, after === null ? '' : labels.afterCoupon(moneyText(after, c.currency)));
      meta.hidden = stock.hidden && limit.hidden && coupon.hidden;
      drawQr(qrCanvas, c.qr);
      setText(qrLabel, labels.scanToBuy);
      qr.hidden = c.qr === null;
    },
  };
}

import type { Host, PriceStickerContent, Product, ProductCardContent } from '../../contract';

// Catalog rows → overlay content. The service lays any content the caller sent on top.

/** The price after coupon: the product's 券后价, else the live price less the coupon, else none. */
export function afterCoupon(p: Product): number | null {
  if (p.priceAfterCoupon !== null) return p.priceAfterCoupon;
  return p.couponAmount !== null && p.couponAmount > 0 ? Math.max(0, p.livePrice - p.couponAmount) : null;
}

export function cardFromProduct(p: Product): Partial<ProductCardContent> {
  return {
    productId: p.id,
    title: p.title,
    shortTitle: p.shortTitle,
    image: p.images[0] ?? null,
    currency: p.currency,
    listPrice: p.listPrice > p.livePrice ? p.listPrice : null,
    livePrice: p.livePrice,
    priceAfterCoupon: afterCoupon(p),
    stock: p.stock,
    soldOut: p.stock === 0,
    limitPerBuyer: p.limitPerBuyer,
    role: p.role,
    sellingPoints: p.sellingPoints.slice(0, 3).map((s) => s.slice(0, 40)),
    link: p.link,
  };
}

export function stickerFromProduct(p: Product): Partial<PriceStickerContent> {
  return {
    productId: p.id,
    title: (p.shortTitle || p.title).slice(0, 60),
    currency: p.currency,
    listPrice: p.listPrice > p.livePrice ? p.listPrice : null,
    livePrice: p.livePrice,
    priceAfterCoupon: afterCoupon(p),
  };
}

export function lowerThirdFromHost(h: Host): { hostId: string; avatar: string | null; name: string; title: string } {
  return { hostId: h.id, avatar: h.avatar, name: h.name, title: h.title };
}

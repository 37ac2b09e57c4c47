import { z } from 'zod';
import { PLATFORMS } from './catalog';
import { Id, Instant, Line, MediaHash, Money, Sku, Text, withoutDefaults } from './common';
import { skuKey } from './text';

/** 引流款 traffic, 福利款 perk, 利润款 profit, 主推款 hero, 常规 regular. */
export const PRODUCT_ROLES = ['traffic', 'perk', 'profit', 'hero', 'regular'] as const;
export const ProductRole = z.enum(PRODUCT_ROLES);
export type ProductRole = z.infer<typeof ProductRole>;

export const Currency = z.string().regex(/^[A-Z]{3}$/);

export const Faq = z.object({ q: Line(500).min(1), a: Line(2000) });

/** One option of a variant, e.g. { name: '颜色', value: '红' } (Shopify has up to three). */
export const VariantOption = z.object({ name: Line(40), value: Line(100).min(1) });

/** A size/colour SKU under a product, with its own prices and stock. */
export const ProductVariant = z.object({
  sku: Sku(64),
  title: Line(200).default(''),
  options: z.array(VariantOption).max(3).default([]),
  listPrice: Money,
  livePrice: Money,
  stock: z.number().int().min(0).nullable().default(null),
  barcode: Line(64).default(''),
});
export type ProductVariant = z.infer<typeof ProductVariant>;

/** Variant SKUs are unique within a product (and, checked by the core, across the catalog). */
const Variants = z
  .array(ProductVariant)
  .max(200)
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((v, i) => {
      const key = skuKey(v.sku);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'sku'], message: `Variant SKU ${v.sku} is repeated (also variant ${first + 1})` });
      } else seen.set(key, i);
    });
  });

export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** The product's id on each platform ({"douyin": "3720001", "taobao": "6523…"}): what recap imports match on. */
export const PlatformIds = z.partialRecord(Platform, Line(64).min(1));
export type PlatformIds = z.infer<typeof PlatformIds>;

/** A commission rate in basis points: 20 % = 2000, 100 % = 10000. */
export const BasisPoints = z.number().int().min(0).max(10_000);

/** Fields a user can write. Every field is validated the same way at every door. */
export const ProductFields = z.object({
  sku: Sku(64),
  title: Line(200).min(1),
  shortTitle: Line(40).default(''),
  brand: Line(100).default(''),
  category: Line(100).default(''),
  tags: z.array(Line(40).min(1)).max(30).default([]),
  listPrice: Money,
  livePrice: Money,
  floorPrice: Money.nullable().default(null),
  currency: Currency.default('CNY'),
  stock: z.number().int().min(0).nullable().default(null),
  limitPerBuyer: z.number().int().min(1).nullable().default(null),
  role: ProductRole.default('regular'),
  sellingPoints: z.array(Line(200).min(1)).max(20).default([]),
  talkingPoints: Text(5000).default(''),
  faq: z.array(Faq).max(30).default([]),
  link: z
    .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)])
    .default(''),
  images: z.array(MediaHash).max(20).default([]),
  notes: Text(5000).default(''),
  archived: z.boolean().default(false),
  barcode: Line(64).default(''),
  variants: Variants.default([]),
  /** Affiliate commission (佣金率) in basis points; null when unknown. */
  commissionRate: BasisPoints.nullable().default(null),
  /** The coupon's face value (优惠券面额) and the price once it is used (券后价), minor units. */
  couponAmount: Money.nullable().default(null),
  priceAfterCoupon: Money.nullable().default(null),
  /** The shop or supplier (店铺名称). */
  shopName: Line(100).default(''),
  platformIds: PlatformIds.default({}),
  /** What the product costs us (成本价), minor units, for margin; optional. */
  costPrice: Money.nullable().default(null),
  /** Monthly sales as the source reported them (月销量); for reference only. */
  monthlySales: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
});
export type ProductFields = z.infer<typeof ProductFields>;
export type ProductDraft = z.input<typeof ProductFields>;

export const Product = ProductFields.extend({
  id: Id,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Product = z.infer<typeof Product>;

export const ProductCreateInput = ProductFields;
/** A patch: any subset of the fields, plus the id. Defaults must not fill a patch. */
export const ProductUpdateInput = z
  .object(withoutDefaults(ProductFields.shape))
  .partial()
  .extend({ id: Id });
export type ProductUpdateInput = z.infer<typeof ProductUpdateInput>;

export const PRODUCT_SORT_KEYS = ['updatedAt', 'title', 'livePrice', 'stock', 'sku'] as const;
export const ProductSortKey = z.enum(PRODUCT_SORT_KEYS);
export type ProductSortKey = z.infer<typeof ProductSortKey>;

/**
 * Search, filter, sort and page. All optional, so older callers keep working. With `q` the
 * results come in relevance order (exact SKU, then title prefix, then title, then other fields)
 * unless `sort` is given. `archived: true` lists only archived products; `includeArchived`
 * lists both.
 */
export const ProductListInput = z.object({
  q: z.string().max(200).optional(),
  includeArchived: z.boolean().optional(),
  archived: z.boolean().optional(),
  role: ProductRole.optional(),
  tag: Line(40).optional(),
  brand: Line(100).optional(),
  /** Only this shop's products (店铺名称, compared case-blind). */
  shop: Line(100).optional(),
  inStock: z.boolean().optional(),
  sort: ProductSortKey.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
});
export type ProductListInput = z.infer<typeof ProductListInput>;
export const ProductList = z.object({ items: z.array(Product), total: z.number().int() });

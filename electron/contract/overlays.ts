import { z } from 'zod';
import { Empty, Id, Instant, Line, MediaHash, Money, withoutDefaults } from './common';
import type { MethodDef } from './methods';
import { BANNER_STYLES, COUNTDOWN_STYLES, OVERLAY_KINDS, OVERLAY_LAYOUTS } from './overlay-kinds';
import { OverlayTheme, OverlayThemeSetInput, THEME_SOURCES } from './overlay-theme';
import { Currency, ProductRole } from './products';

export * from './overlay-kinds';
export * from './overlay-theme';

/** A QR code as modules: `size`×`size`, row-major bits packed MSB first, base64. Drawn on a canvas. */
export const QrMatrix = z.object({ size: z.number().int().min(21).max(177), bits: z.string().max(6000) });
export type QrMatrix = z.infer<typeof QrMatrix>;

const HttpLink = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)]);

// Content of each kind as the overlay pages receive it. Empty text means "use the built-in
// label in the theme's language" (直播价 / Live price...).

export const ProductCardContent = z.object({
  productId: Id.nullable().default(null),
  title: Line(200).default(''),
  shortTitle: Line(60).default(''),
  image: MediaHash.nullable().default(null),
  currency: Currency.default('CNY'),
  listPrice: Money.nullable().default(null),
  livePrice: Money.nullable().default(null),
  /** 券后价: shown as "券后 ¥79" when below the live price (filled from the product's coupon). */
  priceAfterCoupon: Money.nullable().default(null),
  /** '' = computed from list and live price (5折 / -50%). */
  discountText: Line(20).default(''),
  stock: z.number().int().min(0).nullable().default(null),
  soldOut: z.boolean().default(false),
  limitPerBuyer: z.number().int().min(1).nullable().default(null),
  role: ProductRole.default('regular'),
  /** '' = the role's label (引流款, 福利款...). */
  badge: Line(20).default(''),
  sellingPoints: z.array(Line(40).min(1)).max(3).default([]),
  /** The cue's perk (赠品 / 福利), shown under the price. */
  perk: Line(60).default(''),
  link: HttpLink.default(''),
  /** Derived by the server from `link`. */
  qr: QrMatrix.nullable().default(null),
});
export type ProductCardContent = z.infer<typeof ProductCardContent>;

export const PriceStickerContent = z.object({
  productId: Id.nullable().default(null),
  title: Line(60).default(''),
  currency: Currency.default('CNY'),
  listPrice: Money.nullable().default(null),
  livePrice: Money.nullable().default(null),
  /** '' = 直播价 / Live price. */
  label: Line(20).default(''),
  /** 券后价: shown as "券后 ¥79" when below the live price. */
  priceAfterCoupon: Money.nullable().default(null),
  /** Mechanism text such as 满199减30 or 第二件半价. */
  mechanism: Line(40).default(''),
  discountText: Line(20).default(''),
});
export type PriceStickerContent = z.infer<typeof PriceStickerContent>;

export const LowerThirdContent = z.object({
  hostId: Id.nullable().default(null),
  /** The host's photo (filled from `hostId`); without one the theme's logo is shown. */
  avatar: MediaHash.nullable().default(null),
  name: Line(60).default(''),
  title: Line(80).default(''),
  /** Free text; shown instead of name and title when those are empty. */
  text: Line(200).default(''),
});
export type LowerThirdContent = z.infer<typeof LowerThirdContent>;

export const CountdownContent = z.object({
  style: z.enum(COUNTDOWN_STYLES).default('flash'),
  /** '' = 限时秒杀 / Flash sale (or 福袋倒计时 / Giveaway). */
  label: Line(40).default(''),
  /** Server time the countdown started and ends (epoch ms): pages count from these, so no drift. */
  startsAt: Instant,
  endsAt: Instant,
  soldOut: z.boolean().default(false),
  endedText: Line(40).default(''),
  soldOutText: Line(40).default(''),
});
export type CountdownContent = z.infer<typeof CountdownContent>;

export const BannerContent = z.object({
  style: z.enum(BANNER_STYLES).default('welfare'),
  /** '' = 福利公告 / Announcement. */
  title: Line(20).default(''),
  text: Line(300).default(''),
});
export type BannerContent = z.infer<typeof BannerContent>;

export const TickerContent = z.object({
  label: Line(20).default(''),
  items: z.array(Line(200).min(1)).max(20).default([]),
  /** Scroll speed in canvas pixels per second. */
  speed: z.number().int().min(20).max(800).default(140),
});
export type TickerContent = z.infer<typeof TickerContent>;

export const OVERLAY_CONTENT = {
  'product-card': ProductCardContent,
  'price-sticker': PriceStickerContent,
  'lower-third': LowerThirdContent,
  countdown: CountdownContent,
  banner: BannerContent,
  ticker: TickerContent,
} as const;
export type OverlayContentMap = { [K in keyof typeof OVERLAY_CONTENT]: z.infer<(typeof OVERLAY_CONTENT)[K]> };

const layer = <C extends z.ZodType>(content: C) =>
  z.object({
    visible: z.boolean(),
    layout: z.string(),
    /** null until first shown, and after `overlays.clear`. A hidden layer keeps its content. */
    content: content.nullable(),
    changedAt: Instant.nullable(),
  });

export const OverlayLayers = z.object({
  'product-card': layer(ProductCardContent),
  'price-sticker': layer(PriceStickerContent),
  'lower-third': layer(LowerThirdContent),
  countdown: layer(CountdownContent),
  banner: layer(BannerContent),
  ticker: layer(TickerContent),
});

/** The whole overlay picture, pushed on every change. `now` is the server clock when sent. */
export const OverlayState = z.object({
  revision: z.number().int(),
  now: Instant,
  /** The theme on air: the active show's own theme, else the global one. */
  theme: OverlayTheme,
  /** The show being produced (`overlays.activeShow.set`); its own theme, if it has one, is on air. */
  activeShowId: Id.nullable(),
  themeSource: z.enum(THEME_SOURCES),
  layers: OverlayLayers,
});
export type OverlayState = z.infer<typeof OverlayState>;
export type OverlayLayer<K extends keyof OverlayContentMap> = Omit<OverlayState['layers'][K], 'content'> & {
  content: OverlayContentMap[K] | null;
};

/** A patch of some fields; omitted fields keep their current value. */
const patchOf = <S extends z.ZodRawShape>(schema: z.ZodObject<S>) => z.object(withoutDefaults(schema.shape)).partial().strict();

const showVariant = <K extends (typeof OVERLAY_KINDS)[number], C extends z.ZodType, X extends z.ZodRawShape>(
  kind: K,
  content: C,
  extra: X,
) =>
  z
    .object({
      kind: z.literal(kind),
      content: content.optional(),
      layout: z.enum(OVERLAY_LAYOUTS[kind]).optional(),
      ...extra,
    })
    .strict();

export const OverlayShowInput = z.discriminatedUnion('kind', [
  showVariant('product-card', patchOf(ProductCardContent.omit({ qr: true, productId: true })), { productId: Id.optional() }),
  showVariant('price-sticker', patchOf(PriceStickerContent.omit({ productId: true })), { productId: Id.optional() }),
  showVariant('lower-third', patchOf(LowerThirdContent), {}),
  showVariant(
    'countdown',
    patchOf(CountdownContent).extend({ durationMs: z.number().int().min(1000).max(24 * 3600_000).optional() }),
    {},
  ),
  showVariant('banner', patchOf(BannerContent), {}),
  showVariant('ticker', patchOf(TickerContent), {}),
]);
export type OverlayShowInput = z.infer<typeof OverlayShowInput>;

export const OverlayThemeGetInput = z.object({ showId: Id.optional() }).strict();
export const OverlayShowRef = z.object({ showId: Id }).strict();
export const OverlayActiveShowInput = z.object({ showId: Id.nullable() }).strict();

export const OverlayKindInput = z.object({ kind: z.enum(OVERLAY_KINDS) }).strict();

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Spread into the contract's `methods`. */
export const overlayMethods = {
  'overlays.get': def({
    input: Empty,
    output: OverlayState,
    write: false,
    summary: 'The whole overlay state (every layer, the theme, the server clock).',
    http: { method: 'GET', path: '/overlays' },
  }),
  'overlays.show': def({
    input: OverlayShowInput,
    output: OverlayState,
    write: true,
    gate: 'free',
    summary:
      'Show or update one overlay (`product-card`, `price-sticker`, `lower-third`, `countdown`, `banner`, `ticker`): `content` in the body merges onto the current content; `productId` fills a card or sticker from the catalog.',
    http: { method: 'POST', path: '/overlays/{kind}/show' },
  }),
  'overlays.hide': def({
    input: OverlayKindInput,
    output: OverlayState,
    write: true,
    gate: 'free',
    summary: 'Hide one overlay (it animates out; its content is kept for the next show).',
    http: { method: 'POST', path: '/overlays/{kind}/hide' },
  }),
  'overlays.clear': def({
    input: Empty,
    output: OverlayState,
    write: true,
    gate: 'free',
    summary: 'Hide every overlay and forget their content.',
    http: { method: 'POST', path: '/overlays/clear' },
  }),
  'overlays.theme.get': def({
    input: OverlayThemeGetInput,
    output: OverlayTheme,
    write: false,
    summary:
      'The overlay theme: colours, fonts, logo, layouts and placement per canvas. With `showId`, the theme that show uses (its own, else the global one).',
    http: { method: 'GET', path: '/overlays/theme' },
  }),
  'overlays.theme.set': def({
    input: OverlayThemeSetInput,
    output: OverlayTheme,
    write: true,
    summary:
      'Change part of the overlay theme (nested objects merge); saved, and pushed to every overlay page. With `showId`, changes that show\'s own theme (first copied from the global one).',
    http: { method: 'PATCH', path: '/overlays/theme' },
  }),
  'overlays.theme.reset': def({
    input: OverlayShowRef,
    output: OverlayTheme,
    write: true,
    summary: 'Forget a show\'s own theme: the show uses the global theme again. Answers the theme it now uses.',
    http: { method: 'DELETE', path: '/overlays/theme/shows/{showId}' },
  }),
  'overlays.activeShow.set': def({
    input: OverlayActiveShowInput,
    output: OverlayState,
    write: true,
    summary: 'Set the show being produced (`null` for none): the overlays use its own theme, if it has one, else the global theme.',
    http: { method: 'PUT', path: '/overlays/active-show' },
  }),
} as const satisfies Record<string, MethodDef>;

/** The read-only overlay channel (`/overlays/ws`) sends only this; it accepts nothing. */
export type OverlayChannelMessage = { type: 'state'; state: OverlayState };

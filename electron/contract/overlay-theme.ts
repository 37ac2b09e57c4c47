import { z } from 'zod';
import { Id, MediaHash } from './common';
import { OVERLAY_CANVASES, OVERLAY_KINDS, OVERLAY_LAYOUTS, type OverlayKind } from './overlay-kinds';

export const OVERLAY_LOCALES = ['zh-CN', 'en'] as const;
export const ANCHORS = ['top-left', 'top', 'top-right', 'left', 'center', 'right', 'bottom-left', 'bottom', 'bottom-right'] as const;

/** `#rrggbb` or `#rrggbbaa`: nothing else can reach a CSS custom property. */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/, 'a colour like #ff2442');
/** Family names, quotes, commas, spaces and hyphens only: a font stack, never arbitrary CSS. */
export const FontStack = z
  .string()
  .trim()
  .min(1)
  .max(400)
  .regex(/^[\p{L}\p{N} "',\-_.]+$/u, 'font family names separated by commas');

export const OverlayColors = z.object({
  /** Main accent (red): live price, badges, headers. */
  accent: HexColor,
  /** Second accent (orange), the other end of gradients. */
  accent2: HexColor,
  /** Highlight (yellow): mechanism ribbons, "福利" tags. */
  highlight: HexColor,
  /** Card and panel background. */
  panel: HexColor,
  /** Text on panels. */
  ink: HexColor,
  /** Secondary text on panels (struck list price, labels). */
  inkMuted: HexColor,
  /** Text on accent backgrounds. */
  onAccent: HexColor,
});

export const Placement = z.object({
  anchor: z.enum(ANCHORS),
  /** Offset in canvas pixels from the anchored edge (towards the middle). */
  x: z.number().int().min(-4000).max(4000),
  y: z.number().int().min(-4000).max(4000),
  scale: z.number().min(0.25).max(3),
});
export type Placement = z.infer<typeof Placement>;

const perKind = <T extends z.ZodType>(value: (kind: OverlayKind) => T) =>
  z.object(Object.fromEntries(OVERLAY_KINDS.map((k) => [k, value(k)])) as { [K in OverlayKind]: T });

export const OverlayLayouts = z.object({
  'product-card': z.enum(OVERLAY_LAYOUTS['product-card']),
  'price-sticker': z.enum(OVERLAY_LAYOUTS['price-sticker']),
  'lower-third': z.enum(OVERLAY_LAYOUTS['lower-third']),
  countdown: z.enum(OVERLAY_LAYOUTS.countdown),
  banner: z.enum(OVERLAY_LAYOUTS.banner),
  ticker: z.enum(OVERLAY_LAYOUTS.ticker),
});

export const OverlayPlacements = perKind(() => Placement);

export const OverlayTheme = z.object({
  /** Language of the built-in labels (直播价 / Live price, 已抢光 / Sold out...). */
  locale: z.enum(OVERLAY_LOCALES),
  colors: OverlayColors,
  fontStack: FontStack,
  /** A logo from the media library, shown on the lower-third and the banner. */
  logo: MediaHash.nullable(),
  layouts: OverlayLayouts,
  placement: z.object({ '16x9': OverlayPlacements, '9x16': OverlayPlacements }),
});
export type OverlayTheme = z.infer<typeof OverlayTheme>;

/** CJK first (Debian ships Noto Sans CJK; macOS PingFang; Windows YaHei), then Latin fallbacks. */
export const DEFAULT_FONT_STACK =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "Helvetica Neue", Arial, sans-serif';

const at = (anchor: (typeof ANCHORS)[number], x: number, y: number, scale = 1): Placement => ({ anchor, x, y, scale });

export const DEFAULT_THEME: OverlayTheme = {
  locale: 'zh-CN',
  colors: {
    accent: '#ff2442',
    accent2: '#ff7a1a',
    highlight: '#ffd84d',
    panel: '#ffffff',
    ink: '#1c1c24',
    inkMuted: '#8a8a99',
    onAccent: '#ffffff',
  },
  fontStack: DEFAULT_FONT_STACK,
  logo: null,
  layouts: { 'product-card': 'classic', 'price-sticker': 'burst', 'lower-third': 'bar', countdown: 'box', banner: 'bar', ticker: 'solid' },
  // Defaults keep the layers apart when all are on, and (9:16) clear of the platform's own UI:
  // its top bar (about 220 px) and the comments and shopping bag over the bottom third.
  placement: {
    '16x9': {
      'product-card': at('right', 64, 40),
      'price-sticker': at('top-right', 592, 200),
      'lower-third': at('bottom-left', 64, 140),
      countdown: at('top-left', 48, 56),
      banner: at('top', -40, 56),
      ticker: at('bottom', 0, 0),
    },
    '9x16': {
      'product-card': at('left', 40, -40, 0.85),
      'price-sticker': at('right', 48, 120),
      'lower-third': at('bottom-left', 40, 520),
      countdown: at('top-right', 40, 420),
      banner: at('top', 0, 270),
      ticker: at('top', 0, 160),
    },
  },
};

/** `overlays.theme.set`: any part of the theme; nested objects merge into the current theme. */
export const OverlayThemePatch = z
  .object({
    locale: z.enum(OVERLAY_LOCALES),
    colors: OverlayColors.partial().strict(),
    fontStack: FontStack,
    logo: MediaHash.nullable(),
    layouts: OverlayLayouts.partial().strict(),
    placement: z
      .object({
        '16x9': perKind(() => Placement.partial().strict()).partial().strict(),
        '9x16': perKind(() => Placement.partial().strict()).partial().strict(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type OverlayThemePatch = z.infer<typeof OverlayThemePatch>;

/**
 * `overlays.theme.set`: a patch for the global theme, or with `showId` for that show's own theme
 * (a show without one starts from a copy of the global theme; an empty patch just makes that copy).
 */
export const OverlayThemeSetInput = OverlayThemePatch.extend({ showId: Id.optional() }).strict();
export type OverlayThemeSetInput = z.infer<typeof OverlayThemeSetInput>;

/** Where the theme on air comes from: the active show's own theme, or the global one. */
export const THEME_SOURCES = ['global', 'show'] as const;

/** Deep-merge a patch into a theme (objects merge, everything else replaces). */
export function mergeTheme(theme: OverlayTheme, patch: OverlayThemePatch): OverlayTheme {
  const placement = { ...theme.placement };
  for (const canvas of OVERLAY_CANVASES) {
    const p = patch.placement?.[canvas];
    if (!p) continue;
    const next = { ...placement[canvas] };
    for (const kind of OVERLAY_KINDS) if (p[kind]) next[kind] = { ...next[kind], ...p[kind] };
    placement[canvas] = next;
  }
  return {
    locale: patch.locale ?? theme.locale,
    colors: { ...theme.colors, ...patch.colors },
    fontStack: patch.fontStack ?? theme.fontStack,
    logo: patch.logo === undefined ? theme.logo : patch.logo,
    layouts: { ...theme.layouts, ...patch.layouts },
    placement,
  };
}

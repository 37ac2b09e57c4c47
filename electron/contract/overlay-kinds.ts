// Overlay kinds and their layouts. Plain constants (no zod) so the overlay pages can import
// them without pulling the validation library into a browser source.

/** One name per kind, used in URLs (`/overlays/<kind>.html`, `/api/v1/overlays/<kind>/show`) and state. */
export const OVERLAY_KINDS = ['product-card', 'price-sticker', 'lower-third', 'countdown', 'banner', 'ticker'] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

/** The two canvases OBS runs for live commerce (horizontal, and vertical for Douyin/Taobao/Kuaishou). */
export const OVERLAY_CANVASES = ['16x9', '9x16'] as const;
export type OverlayCanvas = (typeof OVERLAY_CANVASES)[number];
export const CANVAS_SIZE: Record<OverlayCanvas, { width: number; height: number }> = {
  '16x9': { width: 1920, height: 1080 },
  '9x16': { width: 1080, height: 1920 },
};

/** Several looks per kind; the theme picks the default, a show call may pick another. */
export const OVERLAY_LAYOUTS = {
  'product-card': ['classic', 'strip'],
  'price-sticker': ['burst', 'tag'],
  'lower-third': ['bar', 'pill'],
  countdown: ['box', 'pill'],
  banner: ['bar', 'card'],
  ticker: ['solid', 'glass'],
} as const satisfies Record<OverlayKind, readonly string[]>;

export function isOverlayKind(value: unknown): value is OverlayKind {
  return typeof value === 'string' && (OVERLAY_KINDS as readonly string[]).includes(value);
}

export const COUNTDOWN_STYLES = ['flash', 'giveaway'] as const;
export const BANNER_STYLES = ['welfare', 'info'] as const;

/** The media route, the only place overlay pages load images from. */
export function mediaUrl(hash: string | null | undefined): string | null {
  return typeof hash === 'string' && /^[a-f0-9]{64}$/.test(hash) ? `/media/${hash}` : null;
}

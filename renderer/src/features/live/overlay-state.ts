import { OVERLAY_CANVASES, OVERLAY_KINDS, type OverlayCanvas, type OverlayKind, type OverlayState } from '../../../../electron/contract';

// Pure helpers of the live control room (no React), unit-tested in Node.

/**
 * The newer of the cached snapshot and an incoming one, or undefined to keep the cache as it
 * is (react-query skips an update that returns undefined). Pushes and call answers race; the
 * revision decides, so a late answer never rolls the picture back.
 */
export function newerState(old: OverlayState | undefined, next: OverlayState): OverlayState | undefined {
  return !old || next.revision > old.revision ? next : undefined;
}

/** Kinds on air now, in the contract's order. */
export function visibleKinds(state: OverlayState | undefined): OverlayKind[] {
  return state ? OVERLAY_KINDS.filter((k) => state.layers[k].visible) : [];
}

export const PREVIEW_BACKDROPS = ['checker', 'dark', 'studio'] as const;
export type PreviewBackdrop = (typeof PREVIEW_BACKDROPS)[number];

/**
 * Address of an overlay page (the very page OBS loads). A browser gets the UI from our server,
 * so a relative address works; the desktop window loads the UI from app://, so it needs the
 * local server's origin, which the preload exposes.
 */
export function overlayPageUrl(
  page: OverlayKind | 'all',
  opts: { canvas?: OverlayCanvas; bg?: PreviewBackdrop; channel?: 'program' | 'preview' } = {},
  origin?: string,
): string {
  const base = origin ?? (typeof window !== 'undefined' ? window.cuecart?.serverOrigin : undefined) ?? '';
  const q = new URLSearchParams();
  if (opts.canvas && opts.canvas !== '16x9') q.set('canvas', opts.canvas);
  if (opts.bg) q.set('bg', opts.bg);
  if (opts.channel === 'preview') q.set('channel', 'preview');
  const query = q.toString();
  return `${base.replace(/\/$/, '')}/overlays/${page}.html${query ? `?${query}` : ''}`;
}

/** A show's canvas ('9:16') as the overlays name it ('9x16'). */
export function canvasOfShow(canvas: string | undefined): OverlayCanvas | null {
  const name = canvas?.replace(':', 'x');
  return (OVERLAY_CANVASES as readonly string[]).includes(name ?? '') ? (name as OverlayCanvas) : null;
}

/** Minutes and seconds typed in the countdown form → ms. */
export function joinDuration(minutes: number | null, seconds: number | null): number {
  return ((minutes ?? 0) * 60 + (seconds ?? 0)) * 1000;
}

/** Ticker items typed one per line → the contract's list (blank lines dropped, at most 20). */
export function tickerItems(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 20);
}

const QUANTITY_TEXT = { 'zh-CN': (n: number) => `限量${n}件`, en: (n: number) => `${n} only` } as const;

/**
 * A countdown's label with the quantity on offer ("限时秒杀 · 限量50件"): the overlay has no
 * quantity field, so it rides in the label, in the overlay's language. `fallback` is the label
 * the page would show for an empty one.
 */
export function countdownLabel(label: string, quantity: number | null, locale: 'zh-CN' | 'en', fallback: string): string {
  const text = label.trim();
  if (!quantity) return text;
  const suffix = ` · ${QUANTITY_TEXT[locale](quantity)}`;
  return `${(text || fallback).slice(0, 40 - suffix.length)}${suffix}`;
}

/** The label and quantity back out of a countdown label made by `countdownLabel`. */
export function parseCountdownLabel(label: string): { label: string; quantity: number | null } {
  const m = / · (?:限量(\d+)件|(\d+) only)$/.exec(label);
  if (!m) return { label, quantity: null };
  return { label: label.slice(0, m.index), quantity: Number(m[1] ?? m[2]) };
}

import type { Browser, Page } from 'playwright-core';
import type { ServeProcess } from '../../helpers/serve';

export const CANVASES = ['16x9', '9x16'] as const;
export type Canvas = (typeof CANVASES)[number];
export const VIEWPORT: Record<Canvas, { width: number; height: number }> = {
  '16x9': { width: 1920, height: 1080 },
  '9x16': { width: 1080, height: 1920 },
};

export function overlayUrl(s: ServeProcess, page: string, canvas: Canvas, bg?: string): string {
  const q = new URLSearchParams({ canvas });
  if (bg) q.set('bg', bg);
  return `${s.url}overlays/${page}.html?${q}`;
}

/** A page at the canvas size that records console errors and failed requests. */
export async function openOverlayPage(browser: Browser, canvas: Canvas): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT[canvas] });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported below with their address (the browser's own /favicon.ico is fine).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { page, problems };
}

/** Until the state arrived, every layer finished entering, images decoded and fonts loaded. */
export async function waitSettled(page: Page, layers = 1): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const info = (window as unknown as { cuecartOverlay?: { revision: number } }).cuecartOverlay;
      if (!info || info.revision < 0) return false;
      const shown = [...document.querySelectorAll<HTMLElement>('.ov-layer:not(.is-out)')];
      return (
        shown.length >= n &&
        shown.every((l) => l.dataset.state === 'in') &&
        [...document.images].every((i) => i.hidden || (i.complete && i.naturalWidth > 0)) &&
        document.fonts.status === 'loaded'
      );
    },
    layers,
    { timeout: 10_000 },
  );
}

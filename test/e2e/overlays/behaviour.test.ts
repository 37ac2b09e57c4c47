import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/browser';
import { api, startServe, type ServeProcess } from '../../helpers/serve';
import { openOverlayPage, overlayUrl, waitSettled } from './page-helpers';

// How overlay pages behave in Chromium: text stays text, CSP holds, countdowns survive a reload,
// hidden layers animate out, and an idle page schedules nothing.

const XSS = '<img src=x onerror=alert(1)>';
let s: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  s = await startServe({ args: ['--demo'] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

const readClock = (page: import('playwright-core').Page) => page.locator('.cd-clock').textContent();
const seconds = (clock: string | null) => {
  const [m, sec] = (clock ?? '').split(':').map(Number);
  return m! * 60 + sec!;
};

describe('overlay pages in Chromium', () => {
  it('renders every text as text: a product named like HTML shows those characters', async () => {
    const images = (await api(s, 'GET', '/products?limit=1')).body.items[0].images as string[];
    const product = await api(s, 'POST', '/products', { sku: 'XSS-1', title: XSS, listPrice: 2000, livePrice: 1000, images });
    await api(s, 'POST', '/overlays/clear');
    await api(s, 'POST', '/overlays/product-card/show', { productId: product.body.id, content: { sellingPoints: ['<b>bold</b>'] } });
    await api(s, 'POST', '/overlays/lower-third/show', { content: { name: '<script>window.pwned=1</script>', title: XSS } });
    await api(s, 'POST', '/overlays/ticker/show', { content: { items: [XSS, '<iframe src=/>'] } });
    const { page, problems } = await openOverlayPage(browser, '16x9');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(overlayUrl(s, 'all', '16x9'));
    await waitSettled(page, 3);
    expect(await page.locator('.pc-title').textContent()).toBe(XSS);
    expect(await page.locator('.lt-name').textContent()).toBe('<script>window.pwned=1</script>');
    expect(await page.locator('.pc-point').first().textContent()).toBe('<b>bold</b>');
    const found = await page.evaluate(() => ({
      injected: document.querySelectorAll('#stage b, #stage script, #stage iframe').length,
      images: [...document.querySelectorAll('img')].filter((i) => !i.hidden).map((i) => new URL(i.src).pathname),
      pwned: (window as unknown as { pwned?: number }).pwned,
    }));
    expect(found.injected).toBe(0);
    expect(found.pwned).toBeUndefined();
    expect(found.images.length).toBeGreaterThan(0);
    for (const src of found.images) expect(src).toMatch(/^\/media\/[a-f0-9]{64}$/);
    expect(dialogs).toEqual([]);
    // The CSP holds even against script that gets into the page: no inline code runs.
    const inline = await page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.inlineRan = 1';
      document.body.append(el);
      return (window as unknown as { inlineRan?: number }).inlineRan;
    });
    expect(inline).toBeUndefined();
    expect(problems.filter((p) => !p.includes('Content Security Policy'))).toEqual([]);
    await page.close();
  });

  it('shows the right time left after a reload halfway through a countdown', async () => {
    const shown = await api(s, 'POST', '/overlays/countdown/show', { content: { durationMs: 6000, label: '秒杀' } });
    const endsAt = shown.body.layers.countdown.content.endsAt as number;
    const { page, problems } = await openOverlayPage(browser, '9x16');
    await page.goto(overlayUrl(s, 'countdown', '9x16'));
    await waitSettled(page);
    expect(seconds(await readClock(page))).toBeGreaterThanOrEqual(5);
    await page.waitForTimeout(Math.max(0, endsAt - 3000 - Date.now())); // halfway
    await page.reload();
    await waitSettled(page);
    const left = seconds(await readClock(page));
    const expected = Math.ceil((endsAt - Date.now()) / 1000);
    expect(Math.abs(left - expected)).toBeLessThanOrEqual(1);
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(3);
    const bar = await page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.cd-fill')!).transform).a);
    expect(bar).toBeGreaterThan(0.15);
    expect(bar).toBeLessThan(0.55);
    expect(await page.evaluate(() => (window as any).cuecartOverlay.frameLoopRunning)).toBe(true);
    // At the end it says so, and stops ticking.
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.cd')?.dataset.phase === 'ended', null, { timeout: 8000 });
    expect(await page.locator('.cd-status').textContent()).toBe('已结束');
    await page.waitForFunction(() => !(window as any).cuecartOverlay.frameLoopRunning);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('animates a hidden overlay out (class, fading opacity), then removes it', async () => {
    await api(s, 'POST', '/overlays/lower-third/show', { content: { name: 'Maya Chen', title: 'Shop host', hostId: null } });
    const { page } = await openOverlayPage(browser, '16x9');
    await page.goto(overlayUrl(s, 'lower-third', '16x9'));
    await waitSettled(page);
    // Install the watcher first and only then hide: otherwise, on a loaded machine, the hide can
    // reach the page before the watcher exists and the exit looks like a cut.
    await page.evaluate(() => {
      const layer = document.querySelector<HTMLElement>('.ov-layer')!;
      const seen = { outAt: 0, removedAt: 0, opacities: [] as number[] };
      const sample = () => {
        if (!layer.isConnected) return;
        seen.opacities.push(Number(getComputedStyle(layer).opacity));
        requestAnimationFrame(sample);
      };
      (window as unknown as { watching: Promise<typeof seen> }).watching = new Promise((resolve) => {
        new MutationObserver(() => {
          if (!seen.outAt && layer.classList.contains('is-out')) {
            seen.outAt = performance.now();
            requestAnimationFrame(sample);
          }
          if (!layer.isConnected) {
            seen.removedAt = performance.now();
            resolve(seen);
          }
        }).observe(document.getElementById('stage')!, { subtree: true, childList: true, attributes: true });
      });
    });
    await api(s, 'POST', '/overlays/lower-third/hide');
    const watching = page.evaluate(() => (window as unknown as { watching: Promise<{ outAt: number; removedAt: number; opacities: number[] }> }).watching);
    const seen = await watching;
    expect(seen.outAt).toBeGreaterThan(0);
    expect(seen.removedAt - seen.outAt).toBeGreaterThan(200); // it played an exit, not a cut
    expect(seen.opacities.some((o) => o > 0.05 && o < 0.95)).toBe(true);
    expect(await page.locator('.ov-layer').count()).toBe(0);
    await page.close();
  });

  it('idles: transparent, no interval timers, no frame loop without a running countdown', async () => {
    await api(s, 'POST', '/overlays/clear');
    const { page } = await openOverlayPage(browser, '16x9');
    await page.addInitScript(() => {
      const w = window as unknown as { intervals: number; setInterval: typeof setInterval };
      w.intervals = 0;
      const original = window.setInterval.bind(window);
      w.setInterval = ((...args: Parameters<typeof setInterval>) => {
        w.intervals++;
        return original(...args);
      }) as typeof setInterval;
    });
    await page.goto(overlayUrl(s, 'all', '16x9'));
    await page.waitForFunction(() => (window as any).cuecartOverlay?.revision >= 0);
    const idle = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      html: getComputedStyle(document.documentElement).backgroundColor,
      loop: (window as any).cuecartOverlay.frameLoopRunning,
    }));
    expect(idle).toEqual({ body: 'rgba(0, 0, 0, 0)', html: 'rgba(0, 0, 0, 0)', loop: false });
    await api(s, 'POST', '/overlays/countdown/show', { content: { durationMs: 60_000 } });
    await page.waitForFunction(() => (window as any).cuecartOverlay.frameLoopRunning);
    await api(s, 'POST', '/overlays/countdown/hide');
    await page.waitForFunction(() => !(window as any).cuecartOverlay.frameLoopRunning && !document.querySelector('.ov-layer'));
    expect(await page.evaluate(() => (window as any).intervals)).toBe(0);
    await page.close();
  });

  it('applies a theme change live', async () => {
    await api(s, 'POST', '/overlays/banner/show', { content: { text: 'Theme' } });
    const { page } = await openOverlayPage(browser, '16x9');
    await page.goto(overlayUrl(s, 'banner', '16x9'));
    await waitSettled(page);
    await api(s, 'PATCH', '/overlays/theme', { colors: { accent: '#0a84ff' }, placement: { '16x9': { banner: { anchor: 'bottom' } } } });
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() === '#0a84ff');
    expect(await page.locator('.ov-slot-banner').getAttribute('data-anchor')).toBe('bottom');
    await page.close();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/serve';
import { appUnderTest, openApp, screenshot } from './support';

// Seats of the cockpit in Chromium against the built `serve` (no OBS): two browsers stay in step,
// a stalled link says so at once, the host prompter follows with the viewer token, and a
// rehearsal drives only the app's preview, never the overlay pages OBS loads.

const app = appUnderTest();

async function arm(page: Page, title: string, rehearsal: boolean) {
  await page.waitForSelector('[data-testid=arm-panel]');
  await page.click('[data-testid=arm-show]');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: title }).click();
  await page.click(rehearsal ? '[data-testid=arm-rehearsal]' : '[data-testid=arm]');
  await page.waitForSelector('[data-testid=live-page][data-state=armed]');
}

/** In the page: the Date.now() at which the first pushed state with `cueId` on air arrived. */
function stateArrived(page: Page, cueId: string): Promise<number> {
  return page.evaluate((cueId) => (window as unknown as { liveArrivals: Record<string, number> }).liveArrivals[cueId] ?? NaN, cueId);
}

/** In the page: the Date.now() at which the NOW panel shows `cueId`. */
function whenCueShows(page: Page, cueId: string): Promise<number> {
  return page.evaluate(
    (cueId) =>
      new Promise<number>((resolve) => {
        const check = () => document.querySelector(`[data-testid=now-panel][data-cue="${cueId}"]`) !== null;
        if (check()) return resolve(Date.now());
        const mo = new MutationObserver(() => {
          if (!check()) return;
          mo.disconnect();
          resolve(Date.now());
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-cue'] });
      }),
    cueId,
  );
}

describe('cockpit seats', { timeout: 120_000 }, () => {
  it('keeps two browser seats in step: the Gos reach both within 100 ms of each other, and both show them', async () => {
    await api(app.serve, 'POST', '/demo');
    const a = await openApp(app.browser, app.serve, { locale: 'zh-CN', hash: '#/live' });
    const b = await openApp(app.browser, app.serve, { locale: 'en-US', hash: '#/live' });
    await arm(a.page, 'Glow Up Friday', false);
    await b.page.waitForSelector('[data-testid=live-page][data-state=armed]');
    const view = (await api(app.serve, 'GET', '/show')).body as { cues: { id: string }[] };
    const gaps: number[] = [];
    for (let i = 0; i < 7; i++) {
      const cueId = view.cues[i]!.id;
      const seenA = whenCueShows(a.page, cueId);
      const seenB = whenCueShows(b.page, cueId);
      // The seats take turns at the key: the one that pressed is busy with its own key press.
      await (i % 2 === 0 ? a : b).page.keyboard.press('Space');
      await Promise.all([seenA, seenB]); // both seats show the cue
      const [ta, tb] = await Promise.all([stateArrived(a.page, cueId), stateArrived(b.page, cueId)]);
      gaps.push(Math.abs(tb - ta));
      await a.page.waitForTimeout(550);
    }
    // Both seats hear the same push. On a 2-core test machine one Chromium renderer can be
    // descheduled for a few frames at any moment, so the typical gap is held to 100 ms and no gap
    // may reach 250 ms (a seat that polled, or a push sent to one seat after the other's answer,
    // fails both).
    const sorted = [...gaps].sort((x, y) => x - y);
    expect(sorted[Math.floor(sorted.length / 2)], `gaps ${gaps.join(', ')} ms`).toBeLessThan(100);
    expect(sorted.at(-1), `gaps ${gaps.join(', ')} ms`).toBeLessThan(250);
    const seats = (await api(app.serve, 'GET', '/show')).body.seats as { name: string }[];
    expect(seats.length).toBeGreaterThanOrEqual(2);
    await screenshot(b.page, 'cockpit-en-9x16.png');
    await a.context.close();
    await b.context.close();
  });

  it('says at once when the link to Cuecart has stalled, and recovers', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US', hash: '#/live' });
    await page.waitForSelector('[data-testid=live-page][data-state=running]');
    expect(await page.locator('[data-testid=stale]').count()).toBe(0);
    app.serve.child.kill('SIGSTOP'); // the process hangs: the socket stays open, nothing answers
    try {
      await page.waitForSelector('[data-testid=stale]', { timeout: 6_000 });
    } finally {
      app.serve.child.kill('SIGCONT');
    }
    await page.waitForSelector('[data-testid=stale]', { state: 'detached', timeout: 10_000 });
    await context.close();
  });

  it('shows the host prompter with the viewer token: product, price, message, next', async () => {
    const viewer = fs.readFileSync(path.join(app.serve.dataDir, 'viewer-token'), 'utf8').trim();
    await api(app.serve, 'POST', '/show/message', { text: 'Mention the free gift' });
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(new URL(`prompter?token=${viewer}`, app.serve.url).href);
    await page.waitForSelector('[data-testid=prompter-product]');
    const view = (await api(app.serve, 'GET', '/show')).body as { currentCueId: string; cues: { id: string; title: string }[] };
    expect(await page.getAttribute('[data-testid=prompter]', 'data-cue')).toBe(view.currentCueId);
    expect(await page.textContent('[data-testid=prompter-message]')).toBe('Mention the free gift');
    expect(await page.textContent('[data-testid=prompter-price]')).toMatch(/\$\d/);
    expect(page.url()).not.toContain('token='); // taken out of the address bar
    await screenshot(page, 'prompter-en.png');
    // The prompter's token reads, and cannot write.
    const refused = await page.evaluate(async (token) => (await fetch('/api/v1/show/go', { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).status, viewer);
    expect(refused).toBe(403);
    // A Go moves the prompter on.
    const next = view.cues[view.cues.findIndex((c) => c.id === view.currentCueId) + 1]!;
    await api(app.serve, 'POST', '/show/go', { expectedCueId: view.currentCueId });
    await page.waitForSelector(`[data-testid=prompter][data-cue="${next.id}"]`);
    await context.close();
  });

  it('rehearses in the app preview only: the overlay page OBS would load stays empty', async () => {
    await api(app.serve, 'POST', '/show/end', {});
    await api(app.serve, 'POST', '/overlays/clear', {});
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN', hash: '#/live' });
    await page.click('[data-testid=close-run]');
    await arm(page, '秋冬护肤好物专场', true); // the upcoming demo show (the past ones share the 小溪美妆夜 prefix)
    expect(await page.getAttribute('[data-testid=live-page]', 'data-rehearsal')).toBe('true');
    const obsPage = await context.newPage();
    await obsPage.goto(new URL('overlays/all.html', app.serve.url).href);
    await obsPage.waitForFunction(() => (window as unknown as { cuecartOverlay?: { connected: boolean } }).cuecartOverlay?.connected);
    await page.bringToFront();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Space');
      await page.waitForTimeout(600);
    }
    const preview = page.frameLocator('[data-testid=overlay-preview] iframe');
    await preview.locator('.ov-product-card:not(.is-out) .pc').waitFor();
    expect(await obsPage.locator('.ov-layer').count()).toBe(0);
    const overlays = (await api(app.serve, 'GET', '/overlays')).body as { layers: Record<string, { visible: boolean }> };
    expect(Object.values(overlays.layers).some((l) => l.visible)).toBe(false);
    await screenshot(page, 'cockpit-zh-CN-9x16-rehearsal.png');
    await context.close();
  });
});

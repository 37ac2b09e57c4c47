import type OBSWebSocket from 'obs-websocket-js/json';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyText } from '../../electron/contract/overlay-format';
import { launchChromium } from '../helpers/browser';
import { connectServeToObs, expectedPicture, obsShow, readPicture } from '../helpers/live-obs';
import { launchObs, type ObsInstance } from '../helpers/obs/launch';
import { rawClient } from '../helpers/obs/wait';
import { api, startServe, type ServeProcess } from '../helpers/serve';
import { openApp, screenshot } from './support';

// The cockpit in Debian's Chromium, driving real OBS through the built `serve` with the demo
// catalog: arm a 10-cue show and press Space through it. After every Go an independent client
// reads OBS (scene, sources, text) and the overlay page OBS would load shows the cue's product
// and price. Then the other keys: Backspace, M, 1–9, Shift+1, Esc.

let obs: ObsInstance;
let raw: OBSWebSocket;
let serve: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let overlay: Page;
let show: { showId: string; cueIds: string[]; productIds: string[] };
let products: { id: string; title: string; shortTitle: string }[];

beforeAll(async () => {
  [obs, serve, browser] = await Promise.all([launchObs(), startServe({ args: ['--demo'] }), launchChromium()]);
  raw = await rawClient(obs);
  await connectServeToObs(serve, obs);
  products = (await api(serve, 'GET', '/products?limit=10&sort=sku&order=asc')).body.items;
  show = await obsShow(
    serve,
    10,
    '十卡演示专场',
    products.map((p) => p.id),
  );
  // Cue 2 lists what the 场控 does in the platform console.
  const detail = (await api(serve, 'GET', `/shows/${show.showId}`)).body;
  detail.segments[0].cues[1].checklist = ['上架 2 号链接', '开讲解'];
  const saved = await api(serve, 'PUT', `/shows/${show.showId}/plan`, { id: show.showId, baseRevision: detail.revision, fields: pick(detail), segments: detail.segments });
  expect(saved.status).toBe(200);
  ({ context, page } = await openApp(browser, serve, { locale: 'zh-CN', hash: '#/live' }));
  overlay = await context.newPage();
  await overlay.goto(new URL('overlays/all.html', serve.url).href);
}, 120_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await raw?.disconnect().catch(() => {});
  await serve?.stop();
  await obs?.stop();
});

function pick(d: Record<string, unknown>) {
  const { title, platform, startAt, timeZone, plannedLengthMs, status, canvas, goalGmv, goalOrders, notes, hostIds } = d;
  return { title, platform, startAt, timeZone, plannedLengthMs, status, canvas, goalGmv, goalOrders, notes, hostIds };
}

/** The product card on the overlay page OBS loads (program channel). */
async function cardOnAir(): Promise<{ title: string; price: string }> {
  const card = overlay.locator('.ov-product-card:not(.is-out) .pc');
  await card.waitFor();
  return { title: (await card.locator('.pc-title').textContent()) ?? '', price: ((await card.locator('.pc-live').textContent()) ?? '').replace(/\s/g, '') };
}

describe('the cockpit runs a show from the keyboard', { timeout: 120_000 }, () => {
  it('arms from the Live page and Space fires each of 10 cues into OBS and the overlay page', async () => {
    await page.waitForSelector('[data-testid=arm-panel]');
    await page.click('[data-testid=arm-show]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '十卡演示专场' }).click();
    await page.click('[data-testid=arm]');
    await page.waitForSelector('[data-testid=live-page][data-state=armed]');
    expect(await page.getAttribute('[data-testid=next-panel]', 'data-cue')).toBe(show.cueIds[0]);

    for (let i = 0; i < 10; i++) {
      if (i === 0) await page.locator('[data-testid=cockpit-header]').click({ position: { x: 5, y: 5 } }); // no field has focus
      await page.keyboard.press('Space');
      await page.waitForSelector(`[data-testid=now-panel][data-cue="${show.cueIds[i]}"]`);
      // The Go was answered once OBS answered the batch: an independent client sees it now.
      await expect.poll(() => readPicture(raw), { timeout: 5_000 }).toEqual(expectedPicture(i));
      const product = products[i]!;
      await expect.poll(() => cardOnAir(), { timeout: 5_000 }).toEqual({ title: product.shortTitle || product.title, price: moneyText(9_900 + i, 'CNY') });
      if (i === 1) {
        await screenshot(page, 'cockpit-zh-CN-16x9.png');
        // Shift+2 ticks the second checklist item; it is on record.
        await page.keyboard.press('Shift+Digit2');
        await page.waitForSelector('input[data-testid=check-2]:checked', { state: 'attached' });
      }
      await page.waitForTimeout(550); // the double-Go guard (0.5 s) lets the next press through
    }
    expect(await page.textContent('[data-testid=next-title]')).toMatch(/没有待播|No cue left/);
    const view = (await api(serve, 'GET', '/show')).body;
    expect(view.cues.map((c: { status: string }) => c.status)).toEqual([...Array(9).fill('done'), 'current']);
    const rows = (await api(serve, 'GET', '/show/log')).body.rows as { kind: string; source: string; details: { trigger?: string; index?: number } }[];
    const gos = rows.filter((r) => r.kind === 'go');
    expect(gos).toHaveLength(10);
    expect(gos.every((r) => r.details.trigger === 'key' && r.source.startsWith('ws:'))).toBe(true);
    expect(rows.some((r) => r.kind === 'checklist' && r.details.index === 1)).toBe(true);
  });

  it('Backspace goes back, M and 1–9 drop markers, a double press is ignored, Esc hides the overlays', async () => {
    await page.keyboard.press('Backspace');
    await page.waitForSelector(`[data-testid=now-panel][data-cue="${show.cueIds[8]}"]`);
    await expect.poll(() => readPicture(raw), { timeout: 5_000 }).toEqual(expectedPicture(8));
    await page.keyboard.press('KeyM');
    await page.keyboard.press('Digit3');
    await page.waitForTimeout(550);
    // Two presses of Space a few milliseconds apart (a bounce): one Go, one ignored and logged.
    await page.evaluate(() => {
      for (let i = 0; i < 2; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { code: 'Space', key: ' ', bubbles: true }));
    });
    await page.waitForSelector(`[data-testid=now-panel][data-cue="${show.cueIds[9]}"]`);
    await page.keyboard.press('Escape');
    await overlay.locator('.ov-layer').first().waitFor({ state: 'detached' });
    await expect.poll(async () => (await api(serve, 'GET', '/show/log')).body.rows.filter((r: { kind: string }) => r.kind === 'go.ignored').length).toBe(1);
    const rows = (await api(serve, 'GET', '/show/log')).body.rows as { kind: string; details: { label?: string; quick?: number; mode?: string; op?: string } }[];
    expect(rows.filter((r) => r.kind === 'marker').map((r) => r.details.quick ?? null)).toEqual([null, 3]);
    expect(rows.find((r) => r.kind === 'marker' && r.details.quick === 3)?.details.label).toBe('发福袋');
    expect(rows.some((r) => r.kind === 'go' && r.details.mode === 'back')).toBe(true);
    expect(rows.some((r) => r.kind === 'overlay' && r.details.op === 'hide')).toBe(true);
  });

  it('is readable in English too, and its log panel shows the rows', async () => {
    await page.click('[data-testid=lang-switch]');
    await page.click('[data-testid=lang-option-en]');
    await page.click('.ant-tabs-tab:has-text("As-run log")');
    await page.waitForSelector('[data-testid=log-row][data-kind=go]');
    await screenshot(page, 'cockpit-en-16x9.png');
    expect(await page.locator('[data-testid=log-row]').count()).toBeGreaterThan(10);
  });

  it('offers plan edits saved during the show, and takes them in only when the producer says so', async () => {
    expect(await page.locator('[data-testid=reload-plan]').count()).toBe(0); // ten Gos changed nothing in the plan
    const detail = (await api(serve, 'GET', `/shows/${show.showId}`)).body;
    detail.segments[0].cues.push({ id: 'cue_added_live', kind: 'pitch', title: 'Added during the show', productId: products[0]!.id, durationMs: 60_000 });
    const saved = await api(serve, 'PUT', `/shows/${show.showId}/plan`, { id: show.showId, baseRevision: detail.revision, fields: pick(detail), segments: detail.segments });
    expect(saved.status).toBe(200);
    // Pushed to the cockpit: the run itself has not changed yet.
    await page.waitForSelector('[data-testid=reload-plan]');
    expect(await page.textContent('[data-testid=next-title]')).toMatch(/No cue left/);
    await screenshot(page, 'cockpit-plan-changed-en.png');
    await page.click('[data-testid=reload-plan]');
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.waitForSelector('[data-testid=next-panel][data-cue=cue_added_live]');
    await page.waitForSelector('[data-testid=reload-plan]', { state: 'detached' });
    expect(await page.textContent('[data-testid=next-title]')).toContain('Added during the show');
    // Nothing on air moved.
    expect(await readPicture(raw)).toEqual(expectedPicture(9));
    const rows = (await api(serve, 'GET', '/show/log')).body.rows as { kind: string; source: string; details: { added?: string[] } }[];
    expect(rows.at(-1)).toMatchObject({ kind: 'plan.reload', details: { added: ['cue_added_live'] } });
    expect(rows.at(-1)!.source).toMatch(/^ws:/);
  });

  it('in OBS studio mode, says when the standby cue\'s scene cannot go to Preview, and fills Preview once the scene is back', async () => {
    // Cue 1 on air, cue 2 (scene Main) in standby; then Main is renamed in OBS and studio mode comes on.
    // In front again (the overlay page was opened after it): a background tab runs no CSS
    // transitions, so its screenshot would show the GO button still greyed from the last test.
    await page.bringToFront();
    expect((await api(serve, 'POST', `/show/cues/${show.cueIds[0]}/go`, {})).status).toBe(200);
    await raw.call('SetSceneName', { sceneName: 'Main', newSceneName: 'Main (renamed)' });
    try {
      await raw.call('SetStudioModeEnabled', { studioModeEnabled: true });
      const tag = page.locator('[data-testid=obs-preview-failed]');
      await tag.waitFor();
      expect(await tag.textContent()).toContain('Standby scene not in Preview');
      const view = (await api(serve, 'GET', '/show')).body;
      expect(view.standbyCueId).toBe(show.cueIds[1]);
      expect(view.lastPreview).toMatchObject({ cueId: show.cueIds[1], outcomes: [{ action: 'preview Main', ok: false, code: 'not_found' }] });
      await tag.hover();
      await page.waitForSelector('.ant-tooltip:visible:has-text("OBS has no scene “Main”")');
      expect(await page.locator('[data-testid=obs-failures]').count()).toBe(0); // what is on air did not fail
      await screenshot(page, 'cockpit-preview-failed-en.png');
    } finally {
      await raw.call('SetSceneName', { sceneName: 'Main (renamed)', newSceneName: 'Main' });
    }
    // Main is back: Cuecart puts it in Preview by itself (program untouched) and the notice goes.
    const preview = async () => (await raw.call('GetCurrentPreviewScene')).currentPreviewSceneName;
    await page.waitForSelector('[data-testid=obs-preview-failed]', { state: 'detached' });
    await expect.poll(preview, { timeout: 5_000 }).toBe('Main');
    expect((await raw.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(expectedPicture(0).program);
    // The next Go puts cue 3's scene in Preview.
    await page.keyboard.press('Space');
    await expect.poll(preview, { timeout: 5_000 }).toBe(expectedPicture(2).program);
    await raw.call('SetStudioModeEnabled', { studioModeEnabled: false });
  });
});

import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { api, startServe, type ServeProcess } from '../helpers/serve';
import { openApp, screenshot } from './support';

// The Live page (overlay control room) in Chromium against the real `serve` with the demo
// workspace: cards drive the overlays through the contract, and the preview is the real
// overlay page in a frame, so every check below reads what OBS would show.
let s: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let frame: FrameLocator;

const card = (kind: string) => `[data-testid=overlay-card-${kind}]`;
const onAir = (kind: string) => `${card(kind)}[data-state=on]`;
const accentInPreview = () => frame.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--accent').trim());

/** Open an antd Select by its test id, optionally type to search, and click the option with this text. */
async function choose(testId: string, optionText: string, search?: string): Promise<void> {
  await page.click(`[data-testid=${testId}]`);
  if (search) await page.keyboard.type(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first();
  await option.click();
  await page.waitForSelector('.ant-select-dropdown:visible', { state: 'detached' }).catch(() => undefined);
}

/** No toast or hover highlight left over, so screenshots show the page itself. */
async function calm(): Promise<void> {
  await page.mouse.move(1439, 899);
  await page.waitForSelector('.ant-message-notice', { state: 'detached', timeout: 10_000 });
}

/** Every shown layer in the preview has finished entering, images and fonts are loaded. */
async function previewSettled(layers: number): Promise<void> {
  await frame.locator('body').evaluate(
    (_, n) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const shown = [...document.querySelectorAll<HTMLElement>('.ov-layer:not(.is-out)')];
          const done =
            shown.length === n &&
            document.querySelectorAll('.ov-layer.is-out').length === 0 &&
            shown.every((l) => l.dataset.state === 'in') &&
            [...document.images].every((i) => i.hidden || (i.complete && i.naturalWidth > 0)) &&
            document.fonts.status === 'loaded';
          if (done) resolve();
          else if (Date.now() - started > 10_000) reject(new Error(`preview not settled: ${shown.length} layers`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    layers,
  );
}

beforeAll(async () => {
  [s, browser] = await Promise.all([startServe({ args: ['--demo'] }), launchChromium()]);
  ({ context, page } = await openApp(browser, s, { locale: 'en-US', hash: '#/live' }));
  await page.waitForSelector('[data-testid=live-page]');
  frame = page.frameLocator('[data-testid=overlay-preview] iframe');
  await frame.locator('html[data-connected=true]').waitFor();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.stop();
});

describe('Live: overlay control room', () => {
  it('shows a product picked from the catalog; the preview frame shows its short title and live price', async () => {
    const product = (await api(s, 'GET', `/products?q=${encodeURIComponent('玻尿酸保湿面霜')}`)).body.items[0];
    expect(product.shortTitle).toBe('玻尿酸保湿面霜');
    await choose('product-card-product', product.shortTitle, '玻尿酸');
    await page.click('[data-testid=overlay-show-product-card]');
    await page.waitForSelector(onAir('product-card'));
    await page.waitForSelector('[data-testid=tally-product-card][data-state=on]');
    await frame.locator('.ov-product-card .pc-title', { hasText: product.shortTitle }).waitFor();
    expect(await frame.locator('.ov-product-card .pc-live').textContent()).toBe('¥199');
    expect(await page.textContent('[data-testid=overlay-summary-product-card]')).toContain('¥199');
    // The preview has the real canvas's aspect.
    const box = (await page.locator('[data-testid=overlay-preview] iframe').boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);

    // More layers through their cards, for a full picture.
    await choose('lower-third-host', '林小溪');
    await page.click('[data-testid=overlay-show-lower-third]');
    await page.click('[data-testid=overlay-show-countdown]'); // 5 min flash sale by default
    await page.fill('[data-testid=ticker-items]', '关注主播，抽免单福袋\n今晚 22:00 加播新品\n满 199 减 30，可叠加店铺券');
    await page.click('[data-testid=overlay-show-ticker]');
    for (const kind of ['lower-third', 'countdown', 'ticker']) await page.waitForSelector(onAir(kind));
    await frame.locator('.ov-lower-third .lt-name', { hasText: '林小溪' }).waitFor();
    await previewSettled(4);
    await calm();
    await screenshot(page, 'live-overlays-16x9.png');

    await page.click('[data-testid=canvas-switch] >> text=9:16');
    await page.waitForSelector('[data-testid=overlay-preview][data-canvas="9x16"]');
    frame = page.frameLocator('[data-testid=overlay-preview] iframe');
    await frame.locator('html[data-canvas="9x16"][data-connected=true]').waitFor();
    await previewSettled(4);
    const tall = (await page.locator('[data-testid=overlay-preview] iframe').boundingBox())!;
    expect(tall.width / tall.height).toBeCloseTo(9 / 16, 1);
    await calm();
    await screenshot(page, 'live-overlays-9x16.png');
    await page.click('[data-testid=canvas-switch] >> text=16:9');
    frame = page.frameLocator('[data-testid=overlay-preview] iframe');
    await frame.locator('html:not([data-canvas="9x16"])[data-connected=true]').waitFor();
  });

  it('hides a layer with an animation out, then removes it; Esc hides everything on air', async () => {
    await frame.locator('.ov-product-card:not(.is-out)').waitFor();
    await page.click('[data-testid=overlay-hide-product-card]');
    await frame.locator('.ov-product-card.is-out[data-state=leaving]').waitFor({ state: 'attached' });
    await frame.locator('.ov-product-card').waitFor({ state: 'detached' });
    await page.waitForSelector(`${card('product-card')}[data-state=off]`);
    // Its content is kept: the summary says what was last shown.
    expect(await page.textContent('[data-testid=overlay-summary-product-card]')).toContain('玻尿酸保湿面霜');

    await page.locator('[data-testid=page-title]').click(); // focus outside any field
    await page.keyboard.press('Escape');
    for (const kind of ['lower-third', 'countdown', 'ticker']) await page.waitForSelector(`${card(kind)}[data-state=off]`);
    await frame.locator('.ov-layer').first().waitFor({ state: 'detached' });
    const state = (await api(s, 'GET', '/overlays')).body;
    expect(Object.values(state.layers as Record<string, { visible: boolean }>).some((l) => l.visible)).toBe(false);
  });

  it('changes the accent colour in the theme editor; the preview follows at once', async () => {
    await page.click('[data-testid=overlay-show-product-card]');
    await frame.locator('.ov-product-card:not(.is-out)').waitFor();
    await page.click('[data-testid=open-theme]');
    await page.waitForSelector('[data-testid=theme-scope][data-scope=global]');
    await page.fill('[data-testid=theme-color-accent]', '#00a86b');
    await expect.poll(accentInPreview).toBe('#00a86b');
    expect((await api(s, 'GET', '/overlays/theme')).body.colors.accent).toBe('#00a86b');
    await previewSettled(1);
    await calm();
    await screenshot(page, 'live-theme-editor.png');
  });

  it('saves a theme for show A; switching the active show to B and back, the theme follows', async () => {
    const shows = (await api(s, 'GET', '/shows')).body as { id: string; title: string }[];
    const [a, b] = shows;
    await choose('active-show', a!.title);
    await page.waitForSelector('[data-testid=theme-source][data-source=global]');
    expect((await api(s, 'GET', '/overlays')).body.activeShowId).toBe(a!.id);

    await page.click('[data-testid=theme-save-show]');
    await page.waitForSelector('[data-testid=theme-scope][data-scope=show]');
    await page.fill('[data-testid=theme-color-accent]', '#3355ff');
    await expect.poll(accentInPreview).toBe('#3355ff');
    expect((await api(s, 'GET', `/overlays/theme?showId=${a!.id}`)).body.colors.accent).toBe('#3355ff');
    expect((await api(s, 'GET', '/overlays/theme')).body.colors.accent).toBe('#00a86b'); // global untouched

    await choose('active-show', b!.title);
    await page.waitForSelector('[data-testid=theme-source][data-source=global]');
    await expect.poll(accentInPreview).toBe('#00a86b');
    expect(await page.inputValue('[data-testid=theme-color-accent]')).toBe('#00a86b');

    await choose('active-show', a!.title);
    await page.waitForSelector('[data-testid=theme-source][data-source=show]');
    await expect.poll(accentInPreview).toBe('#3355ff');
    expect(await page.inputValue('[data-testid=theme-color-accent]')).toBe('#3355ff');
  });

  it('follows a layer shown from elsewhere (control API): tally on, form filled, Update works', async () => {
    await page.click('.ant-drawer-close');
    const product = (await api(s, 'GET', '/products?limit=1')).body.items[0];
    const before = (await api(s, 'POST', '/overlays/price-sticker/show', { productId: product.id, content: { mechanism: '满199减30' } })).body.revision;
    await page.waitForSelector(onAir('price-sticker'));
    await page.waitForSelector('[data-testid=tally-price-sticker][data-state=on]');
    expect(await page.inputValue('[data-testid=price-sticker-mechanism]')).toBe('满199减30');
    await page.fill('[data-testid=price-sticker-mechanism]', '第二件半价');
    await page.click('[data-testid=overlay-show-price-sticker]');
    await frame.locator('.ov-price-sticker', { hasText: '第二件半价' }).waitFor();
    const after = (await api(s, 'GET', '/overlays')).body;
    expect(after.revision).toBeGreaterThan(before);
    expect(after.layers['price-sticker'].content).toMatchObject({ productId: product.id, mechanism: '第二件半价' });
  });
});

import { describe, expect, it } from 'vitest';

import { appUnderTest, openApp, screenshot, sel } from './support';

const app = appUnderTest();

const navLabels = (page: import('playwright-core').Page) =>
  Promise.all(['catalog', 'hosts', 'shows', 'live', 'recaps', 'settings'].map((a) => page.textContent(sel.nav(a))));

describe('settings', () => {
  it('follows the browser language, then remembers the language chosen in Settings', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US', hash: '#/settings' });
    expect(await navLabels(page)).toEqual(['Catalog', 'Hosts', 'Shows', 'Live', 'Recaps', 'Settings']);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.click('[data-testid=settings-lang-zh-CN]');
    await page.waitForSelector(`${sel.nav('catalog')}:has-text("商品库")`);
    expect(await navLabels(page)).toEqual(['商品库', '主播', '直播计划', '直播控制', '复盘', '设置']);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.evaluate(() => localStorage.getItem('cuecart.lang'))).toBe('zh-CN');

    await page.reload();
    await page.waitForSelector('[data-testid=connection][data-state=open]');
    expect(await navLabels(page)).toEqual(['商品库', '主播', '直播计划', '直播控制', '复盘', '设置']);
    // antd's own texts follow too (ConfigProvider locale): the empty table reads in Chinese.
    await page.click(sel.nav('catalog'));
    await page.waitForSelector('[data-testid=catalog-empty]:has-text("加载演示数据")');

    // The header quick switch does the same.
    await page.click('[data-testid=lang-switch]');
    await page.click('[data-testid=lang-option-en]');
    await page.waitForSelector(`${sel.nav('catalog')}:has-text("Catalog")`);
    expect(await page.evaluate(() => localStorage.getItem('cuecart.lang'))).toBe('en');
    await context.close();
  });

  it('is dark by default, switches to light and remembers it', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN', hash: '#/settings' });
    const bodyBg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bodyBg()).toBe('rgb(11, 11, 13)');
    await page.click('[data-testid=settings-theme-light]');
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(244, 245, 247)');
    await page.reload();
    await page.waitForSelector('[data-testid=connection][data-state=open]');
    expect(await bodyBg()).toBe('rgb(244, 245, 247)');
    await page.waitForSelector('[data-testid=app-version]');
    await screenshot(page, 'settings-light.png');
    await page.click('[data-testid=settings-theme-dark]');
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(11, 11, 13)');
    await context.close();
  });

  it('shows app status and the control API, with the token hidden until asked', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN', hash: '#/settings' });
    await page.waitForSelector('[data-testid=app-version]');
    expect(await page.textContent('[data-testid=app-version]')).toMatch(/^\d+\.\d+\.\d+/);
    expect(await page.textContent('[data-testid=status-card]')).toContain(app.serve.dataDir);
    expect(await page.textContent('[data-testid=api-base]')).toBe(`${app.serve.url}api/v1`);
    expect(await page.textContent('body')).not.toContain(app.serve.token);
    await screenshot(page, 'settings.png');
    await page.click('[data-testid=token-toggle]');
    expect(await page.textContent('[data-testid=token-value]')).toBe(app.serve.token);
    await context.close();
  });

  it('turns the OBS studio-mode Preview of the standby cue off and on, and keeps the choice', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN', hash: '#/settings' });
    const toggle = page.locator('[data-testid=obs-preview-standby]');
    await toggle.waitFor();
    expect(await page.textContent('[data-testid=live-settings]')).toContain('工作室模式');
    expect(await toggle.getAttribute('aria-checked')).toBe('true'); // on by default
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=obs-preview-standby]')?.getAttribute('aria-checked') === 'false');
    const stored = await fetch(`${app.serve.url}api/v1/live/settings`, { headers: { Authorization: `Bearer ${app.serve.token}` } });
    expect((await stored.json()).obsPreviewStandby).toBe(false);
    await page.reload();
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=obs-preview-standby]')?.getAttribute('aria-checked') === 'true');
    await context.close();
  });

  it('asks for the access token when the browser has none, then connects', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.serve.url);
    await page.waitForSelector('[data-testid=token-screen]');
    await page.fill('[data-testid=token-input]', app.serve.token);
    await page.click('[data-testid=token-submit]');
    await page.waitForSelector('[data-testid=connection][data-state=open]');
    expect(await page.isVisible('[data-testid=token-screen]')).toBe(false);
    await context.close();
  });
});

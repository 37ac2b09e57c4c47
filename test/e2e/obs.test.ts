import type OBSWebSocket from 'obs-websocket-js/json';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { launchObs, type ObsInstance } from '../helpers/obs/launch';
import { rawClient } from '../helpers/obs/wait';
import { api, startServe, type ServeProcess } from '../helpers/serve';
import { openApp, screenshot, sel } from './support';

// The OBS screens in Chromium against REAL OBS (Debian's OBS 29 under Xvfb) and the real
// `serve`: one OBS, one page, steps in order (a 2-core box cannot afford one OBS per test).
let obs: ObsInstance;
let serve: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [obs, serve, browser] = await Promise.all([launchObs(), startServe(), launchChromium()]);
  ({ context, page } = await openApp(browser, serve, { locale: 'en-US', hash: '#/settings' }));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await serve?.stop();
  await obs?.stop();
});

const badge = '[data-testid=obs-badge]';
const badgeIn = (state: string) => `${badge}[data-state=${state}]`;
const fieldError = (testid: string) => `.ant-form-item:has([data-testid=${testid}]) .ant-form-item-explain-error`;
const sceneNames = () => page.$$eval('[data-testid=obs-scene]', (els) => els.map((e) => (e as HTMLElement).dataset.scene));
const programScene = () =>
  page.$$eval('[data-testid=obs-scene][data-program=true]', (els) => els.map((e) => (e as HTMLElement).dataset.scene));
/** No hover highlight, no toast left over from an earlier step: screenshots show the page. */
async function calm(): Promise<void> {
  await page.mouse.move(0, 899);
  await page.waitForSelector('.ant-message-notice', { state: 'detached', timeout: 10_000 });
}

/** Open a tree node and wait for antd's expand animation to finish (clicks mid-motion miss). */
async function expand(node: string): Promise<void> {
  const row = `.ant-tree-treenode:has(${node})`;
  await page.waitForSelector(row, { state: 'visible' });
  await page.click(`${row} .ant-tree-switcher`);
  await page.waitForSelector(`${row}[aria-expanded=true], ${row}.ant-tree-treenode-switcher-open`);
  await page.waitForSelector('.ant-tree-treenode-motion', { state: 'detached' });
}

describe('OBS in the UI, against real OBS', { timeout: 90_000 }, () => {
  it('starts disconnected, with the badge on every screen, and validates the address', async () => {
    await page.waitForSelector(badgeIn('disconnected'));
    expect(await page.textContent('[data-testid=obs-badge-text]')).toBe('OBS off');
    await page.waitForSelector('[data-testid=obs-state][data-state=disconnected]');

    await page.fill('[data-testid=obs-host]', 'my obs pc');
    await page.fill('[data-testid=obs-port]', '70000');
    await page.click('[data-testid=obs-connect]');
    await page.waitForSelector(`${fieldError('obs-host')}:has-text("Not a valid host name or IP address")`);
    await page.waitForSelector(`${fieldError('obs-port')}:has-text("The port is a whole number from 1 to 65535")`);

    // OBS's "Show Connect Info" address pasted whole is split into host and port.
    await page.fill('[data-testid=obs-host]', `ws://${obs.host}:${obs.port}`);
    await page.locator('[data-testid=obs-host]').blur();
    await page.waitForFunction((port) => (document.querySelector('[data-testid=obs-port]') as HTMLInputElement).value === String(port), obs.port);
    expect(await page.inputValue('[data-testid=obs-host]')).toBe(obs.host);
    await page.waitForSelector(fieldError('obs-host'), { state: 'detached' });

    // The badge is in the header of every screen, and takes the producer to Settings.
    await page.click(sel.nav('catalog'));
    await page.waitForSelector(badgeIn('disconnected'));
    await page.click(badge);
    await page.waitForSelector('[data-testid=obs-connection-panel]');
    expect(await page.evaluate(() => location.hash)).toBe('#/settings');
  });

  it('explains a wrong password in the producer’s language and stops trying', async () => {
    await page.fill('[data-testid=obs-host]', obs.host);
    await page.fill('[data-testid=obs-port]', String(obs.port));
    await page.fill('[data-testid=obs-password]', 'not-the-password');
    await page.click('[data-testid=obs-connect]');
    const reason = await page.waitForSelector('[data-testid=obs-reason][data-code=auth_failed]');
    expect(await reason.textContent()).toContain('OBS rejected the password');
    expect(await reason.textContent()).toContain('Tools → WebSocket Server Settings');
    await page.waitForSelector(badgeIn('failed'));
    expect(await page.textContent('[data-testid=obs-badge-text]')).toBe('OBS: wrong password');
    // Typed passwords are not kept in the page; the saved one is only "saved".
    expect(await page.inputValue('[data-testid=obs-password]')).toBe('');
    await page.waitForSelector('[data-testid=obs-password-saved]');

    await page.click('[data-testid=lang-switch]');
    await page.click('[data-testid=lang-option-zh-CN]');
    await page.waitForSelector('[data-testid=obs-reason]:has-text("OBS 拒绝了密码")');
    expect(await page.textContent('[data-testid=obs-badge-text]')).toBe('OBS：密码错误');
    await calm();
    await screenshot(page, 'obs-auth-failed-zh.png');
    await page.click('[data-testid=lang-switch]');
    await page.click('[data-testid=lang-option-en]');
    await page.waitForSelector('[data-testid=obs-reason]:has-text("OBS rejected the password")');
    // Failed means stopped: no retry loop behind the producer's back.
    expect(await page.getAttribute(badge, 'data-state')).toBe('failed');
  });

  it('connects with the right password: versions, round trip, and the scenes in OBS order', async () => {
    await page.fill('[data-testid=obs-password]', obs.password);
    await page.click('[data-testid=obs-connect]');
    await page.waitForSelector(badgeIn('connected'), { timeout: 15_000 });
    expect(await page.textContent('[data-testid=obs-badge-text]')).toMatch(/^OBS \d+ ms$/);
    await page.waitForSelector('[data-testid=obs-state][data-state=connected]');
    expect(await page.textContent('[data-testid=obs-version]')).toMatch(/^\d+\.\d+\.\d+/);
    expect(await page.textContent('[data-testid=obs-ws-version]')).toMatch(/^5\.\d+\.\d+/);
    expect(await page.textContent('[data-testid=obs-rtt]')).toMatch(/^\d+ ms$/);
    expect(await page.isVisible('[data-testid=obs-reason]')).toBe(false);
    expect(await page.textContent('body')).not.toContain(obs.password);

    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=obs-scene]').length === n, obs.fixture.scenes.length);
    expect(await sceneNames()).toEqual([...obs.fixture.scenes]);
    expect(await programScene()).toEqual(['Main']);

    // Main (program) is open: its sources, top layer first, with kinds and the nested scene.
    const mainItems = await page.$$eval('.ant-tree-treenode [data-testid=obs-item]', (els) =>
      els.map((e) => (e as HTMLElement).dataset.source),
    );
    expect(mainItems).toEqual(['Lower Third', 'Logo', 'Title', 'Background']);
    await expand('[data-testid=obs-item][data-source="Lower Third"]');
    await page.waitForSelector('[data-testid=obs-item][data-source="LT Text"]');
    await expand('[data-testid=obs-scene][data-scene="Product"]');
    await expand('[data-testid=obs-item][data-source="Price Group"]');
    await page.waitForSelector('[data-testid=obs-item][data-source="Price"]');
    expect(await page.textContent('.ant-tree-treenode:has([data-testid=obs-item][data-source="Price"])')).toContain('text_ft2_source_v2');
    const hiddenTitle = '.ant-tree-treenode:has([data-testid=obs-scene][data-scene="Product"]) ~ .ant-tree-treenode [data-source="Title"][data-enabled=false]';
    await page.waitForSelector(hiddenTitle);

    await page.evaluate(() => window.scrollTo(0, 0));
    await calm();
    await screenshot(page, 'obs-connection-panel.png');
    // The scene list right under the sticky header (52 px) with a little air.
    await page.$eval('[data-testid=obs-scenes-panel]', (el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 68));
    await screenshot(page, 'obs-scene-list.png');
  });

  it('follows a scene switch made through the control API, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    const res = await api(serve, 'POST', '/obs/actions', { actions: [{ type: 'switchScene', scene: 'Product' }] });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([{ ok: true }]);
    await page.waitForSelector('[data-testid=obs-scene][data-scene="Product"][data-program=true]');
    expect(await programScene()).toEqual(['Product']);
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
  });

  it('shows the recording tally with a running timecode in the header', async () => {
    const raw: OBSWebSocket = await rawClient(obs);
    try {
      await raw.call('StartRecord');
      const timecode = '[data-testid=obs-record-timecode]';
      await page.waitForSelector(timecode, { timeout: 10_000 });
      const first = await page.textContent(timecode);
      expect(first).toMatch(/^\d\d:\d\d:\d\d$/);
      await page.waitForFunction(
        ([sel, before]) => document.querySelector(sel)?.textContent !== before,
        [timecode, first] as const,
        { timeout: 3_000 },
      );
      await screenshot(page, 'obs-record-tally.png');
    } finally {
      await raw.call('StopRecord').catch(() => {});
      await raw.disconnect().catch(() => {});
    }
    await page.waitForSelector('[data-testid=obs-record]', { state: 'detached', timeout: 10_000 });
  });

  it('shows reconnecting when OBS dies, and connected again when it is back', async () => {
    await obs.kill();
    await page.waitForSelector(badgeIn('reconnecting'), { timeout: 10_000 });
    expect(await page.textContent('[data-testid=obs-badge-text]')).toMatch(/^OBS reconnecting \(\d+\)$/);
    await page.waitForSelector('[data-testid=obs-state][data-state=reconnecting]');
    await page.waitForSelector('[data-testid=obs-reason] [data-testid=obs-retry]');
    await page.waitForSelector('[data-testid=obs-scenes-stale]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'obs-reconnecting.png');

    await obs.restart();
    await page.waitForSelector(badgeIn('connected'), { timeout: 20_000 });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=obs-scene]').length === n, obs.fixture.scenes.length);
    expect(await sceneNames()).toEqual([...obs.fixture.scenes]);
    expect(await programScene()).toHaveLength(1);
    expect(await page.isVisible('[data-testid=obs-scenes-stale]')).toBe(false);
  });

  it('disconnects on request and says so everywhere', async () => {
    await page.click('[data-testid=obs-disconnect]');
    await page.waitForSelector(badgeIn('disconnected'));
    await page.waitForSelector('[data-testid=obs-state][data-state=disconnected]');
    expect(await page.isVisible('[data-testid=obs-scenes-panel]')).toBe(false);

    await page.click('[data-testid=obs-password-clear]');
    await page.click('.ant-popconfirm .ant-btn-primary');
    await page.waitForSelector('[data-testid=obs-password-saved]', { state: 'detached' });
    expect((await api(serve, 'GET', '/obs')).body.settings.hasPassword).toBe(false);
  });
});

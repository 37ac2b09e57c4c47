import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { launchObs, type ObsInstance } from '../helpers/obs/launch';
import { api, startServe, type ServeProcess } from '../helpers/serve';
import { openApp, screenshot, sel } from './support';

// Getting a show ready on REAL OBS (Debian's OBS 29 under Xvfb, no browser source) through the
// UI: preflight finds a missing scene and overlays that are not installed, the fix buttons fix
// them, the installer explains the missing browser source and installs native sources instead,
// and Settings shows the native bindings. One OBS, one page, steps in order.
let obs: ObsInstance;
let serve: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let showId: string;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  [obs, serve, browser] = await Promise.all([launchObs(), startServe(), launchChromium()]);
  await api(serve, 'PUT', '/obs/connection', { host: obs.host, port: obs.port, password: obs.password, connect: true });
  await until(() => api(serve, 'GET', '/obs'), (r) => r.body.mirror?.ready === true);
  const show = await api(serve, 'POST', '/shows', {
    title: '双十一美妆专场',
    startAt: Date.UTC(2026, 10, 11, 12),
    segments: [
      {
        id: 'seg1',
        title: '开场',
        cues: [
          { id: 'c1', kind: 'generic', title: '片尾', durationMs: 60_000, actions: { scene: 'Outro Scene', overlays: [], sources: [] } },
          {
            id: 'c2',
            kind: 'generic',
            title: '主播介绍',
            durationMs: 120_000,
            actions: {
              scene: 'Main',
              overlays: [{ op: 'show', overlay: { kind: 'lower-third', content: { name: '林小溪' } } }],
              sources: [{ scene: '', source: 'Title', visible: true }],
            },
          },
        ],
      },
    ],
  });
  expect(show.status).toBe(201);
  showId = show.body.id as string;
  ({ context, page } = await openApp(browser, serve, { locale: 'zh-CN', hash: `#/shows/${showId}/preflight` }));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await serve?.stop();
  await obs?.stop();
});

const issue = (code: string) => `[data-testid=preflight-issue][data-code=${code}]`;
const issueCodes = () => page.$$eval('[data-testid=preflight-issue]', (els) => els.map((e) => (e as HTMLElement).dataset.code));

/** No hover highlight, no toast, no transition half way: screenshots show the page at rest. */
async function calm(): Promise<void> {
  await page.mouse.move(0, 899);
  await page.waitForSelector('.ant-message-notice', { state: 'detached', timeout: 10_000 });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

async function switchLanguage(lang: 'en' | 'zh-CN'): Promise<void> {
  await page.click('[data-testid=lang-switch]');
  await page.click(`[data-testid=lang-option-${lang}]`);
  await page.waitForSelector(`[data-testid=lang-option-${lang}]`, { state: 'hidden' });
  await page.mouse.move(0, 899); // the menu sat over the page header: no hover left behind
}

describe('Getting a show ready on real OBS, in the UI', { timeout: 90_000 }, () => {
  it('shows the two problems, in the producer’s language, with what was checked', async () => {
    await page.waitForSelector('[data-testid=preflight-summary][data-ok=false]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid=page-title]')).toBe('双十一美妆专场');
    expect(await issueCodes()).toEqual(['scene_missing', 'overlays_not_installed']);
    expect(await page.textContent(issue('scene_missing'))).toContain('OBS 中没有场景“Outro Scene”');
    expect(await page.textContent(issue('scene_missing'))).toContain('环节“片尾”');
    expect(await page.textContent(issue('overlays_not_installed'))).toContain('本场用到叠加层（字幕条）');
    expect(await page.textContent('[data-testid=preflight-verdict]')).toBe('开播前需处理的问题：2 个');
    await calm();
    await screenshot(page, 'obs-preflight-issues-zh.png');

    await switchLanguage('en');
    await page.waitForSelector(`${issue('scene_missing')}:has-text('Scene “Outro Scene” is not in OBS.')`);
    expect(await page.textContent(issue('overlays_not_installed'))).toContain('The show uses overlays (Lower third)');
    expect(await page.textContent('[data-testid=preflight-verdict]')).toBe('Problems to fix before going live: 2');
    expect(await page.textContent('[data-testid=preflight-count-cues]')).toBe('2');
    expect(await page.textContent('[data-testid=preflight-count-scenes]')).toBe('2');
    expect(await page.textContent('[data-testid=preflight-count-overlays]')).toBe('1');
    await calm();
    await screenshot(page, 'obs-preflight-issues.png');
  });

  it('creates the missing scene in OBS with one click, and the problem goes away', async () => {
    await page.click(`${issue('scene_missing')} [data-testid=preflight-fix][data-fix=create_scene]`);
    await page.waitForSelector(issue('scene_missing'), { state: 'detached', timeout: 10_000 });
    expect(await issueCodes()).toEqual(['overlays_not_installed']);
    const mirror = (await api(serve, 'GET', '/obs')).body.mirror as { scenes: Array<{ name: string }> };
    expect(mirror.scenes.map((s) => s.name)).toContain('Outro Scene');
  });

  it('explains that this OBS has no browser source and installs native sources instead', async () => {
    await calm();
    await page.click(`${issue('overlays_not_installed')} [data-testid=preflight-fix][data-fix=install_overlays]`);
    await page.waitForSelector('[data-testid=overlay-installer]', { state: 'visible' });
    expect(await page.textContent('[data-testid=overlay-installer] .ant-select')).toContain('Main');
    await page.click('[data-testid=overlay-install-browser]');
    const explained = await page.waitForSelector('[data-testid=overlay-install-no-browser]', { timeout: 15_000 });
    expect(await explained.textContent()).toContain('This OBS has no browser source');
    expect(await explained.textContent()).toContain('text and image sources');
    await page.mouse.move(0, 899);
    expect(await page.isVisible('[data-testid=overlay-install-browser]')).toBe(false);
    await screenshot(page, 'obs-install-no-browser.png');

    await page.click('[data-testid=overlay-install-native]');
    await page.waitForSelector('[data-testid=overlay-install-result][data-mode=native]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=overlay-install-result]')).toContain('Native overlay sources installed in “Main”');
    const created = await page.$$eval('[data-testid=overlay-install-created] li', (els) => els.map((e) => e.textContent));
    expect(created).toContain('Cuecart lower-third · name');
    expect(created).toContain('Cuecart · lower-third');
    await page.click('[data-testid=overlay-install-done]');
    await page.waitForSelector('[data-testid=overlay-installer]', { state: 'detached' });

    await page.waitForSelector('[data-testid=preflight-summary][data-ok=true]', { timeout: 15_000 });
    expect(await issueCodes()).toEqual([]);
    expect(await page.textContent('[data-testid=preflight-verdict]')).toBe('Ready for OBS: every check passed');
    // "Check again" re-runs and stays green.
    await page.click('[data-testid=preflight-refresh]');
    await page.waitForSelector('[data-testid=preflight-refresh].ant-btn-loading', { state: 'detached' });
    await page.waitForSelector('[data-testid=preflight-summary][data-ok=true]');
    await calm();
    await screenshot(page, 'obs-preflight-pass.png');
  });

  it('shows native-source mode on in Settings, with the lower-third fields bound', async () => {
    await page.click(sel.nav('settings'));
    const card = '[data-testid=native-overlays-card]';
    await page.waitForSelector(`${card} [data-testid=native-enabled][aria-checked=true]`);
    await page.waitForSelector(`${card} [data-testid=native-last-sync][data-failures="0"]`, { timeout: 15_000 });
    await page.click(`${card} [data-testid=native-kind-tab][data-kind=lower-third]`);
    // Wait for the tab switch to finish (ink bar beside the active tab) before reading or shooting.
    await page.waitForFunction((c) => {
      const active = document.querySelector(`${c} .ant-tabs-tab-active [data-kind=lower-third]`)?.closest('.ant-tabs-tab');
      const ink = document.querySelector(`${c} .ant-tabs-ink-bar`);
      if (!active || !ink) return false;
      const a = active.getBoundingClientRect();
      const i = ink.getBoundingClientRect();
      return Math.abs(a.top - i.top) < 1 && Math.abs(a.height - i.height) < 1;
    }, card);
    const editor = `${card} [data-testid=native-kind][data-kind=lower-third]`;
    await page.waitForSelector(editor, { state: 'visible' });
    const bound = await page.$$eval(`${editor} [data-testid=native-field]`, (els) =>
      Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.field, (e as HTMLElement).dataset.value])),
    );
    expect(bound).toEqual({
      name: 'Cuecart lower-third · name',
      title: 'Cuecart lower-third · title',
      text: 'Cuecart lower-third · text',
      logo: 'Cuecart lower-third · logo',
    });
    expect(await page.textContent(`${card} [data-testid=native-kind-tab][data-kind=lower-third]`)).toContain('4/4');
    expect(await page.textContent(editor)).toContain('Cuecart · lower-third');
    // No "not in OBS" / "wrong type" warnings on a fresh install.
    expect(await page.$$(`${editor} .ant-form-item-has-warning`)).toHaveLength(0);

    await calm();
    await page.$eval(card, (el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 68));
    await screenshot(page, 'obs-native-bindings.png');
  });
});

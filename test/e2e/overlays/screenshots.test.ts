import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_KINDS, OVERLAY_LAYOUTS } from '../../../electron/contract/overlay-kinds';
import { DEFAULT_THEME } from '../../../electron/contract/overlay-theme';
import { launchChromium } from '../../helpers/browser';
import { api, ROOT, startServe, type ServeProcess } from '../../helpers/serve';
import { LANGS, seed, showAll, type Lang, type Seeded } from './fixtures';
import { CANVASES, openOverlayPage, overlayUrl, waitSettled, type Canvas } from './page-helpers';
import { matchBaseline } from './pixel-diff';

// Every kind, on both canvases, in Chinese and English, in each of its layouts; compared with
// the committed baselines in __screenshots__ and saved to test-results/overlays/ for review.
// Pages are shot over a dark backdrop (?bg=dark) so the white card and the shadows show.

const OUT = path.join(ROOT, 'test-results', 'overlays');
let s: ServeProcess;
let browser: Browser;
let seeded: Seeded;
const failures: string[] = [];

beforeAll(async () => {
  s = await startServe({ args: ['--demo'] });
  seeded = await seed(s);
  browser = await launchChromium();
  // A shop logo for the theme (shown on the banner), drawn in Chromium and stored as media.
  const page = await browser.newPage();
  const png = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = c.height = 160;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 160, 160);
    grad.addColorStop(0, '#ff2442');
    grad.addColorStop(1, '#ff7a1a');
    g.fillStyle = grad;
    g.beginPath();
    g.arc(80, 80, 78, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#fff';
    g.font = 'bold 64px "Noto Sans CJK SC", sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('润', 80, 84);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  await page.close();
  const logo = await api(s, 'POST', '/media', { contentBase64: png });
  expect(logo.status).toBeLessThan(300);
  expect((await api(s, 'PATCH', '/overlays/theme', { logo: logo.body.hash })).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

async function shoot(name: string, pageName: string, canvas: Canvas, layers: number): Promise<void> {
  const { page, problems } = await openOverlayPage(browser, canvas);
  try {
    await page.goto(overlayUrl(s, pageName, canvas, 'dark'));
    await waitSettled(page, layers);
    const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    // A running countdown's digits and bar depend on the moment of the shot; the rest must match.
    const ignore = (await Promise.all((await page.$$('.cd-clock, .cd-bar')).map((e) => e.boundingBox()))).filter((b) => b !== null);
    const result = await matchBaseline(browser, name, png, OUT, { ignore });
    if (!result.ok) failures.push(`${name}: ${JSON.stringify(result.diff)}`);
    expect(problems, name).toEqual([]);
  } finally {
    await page.close();
  }
}

/** Pick each kind's first or second layout; the wide product strip goes to the bottom of the frame. */
/** Shoot a list of pages, three at a time (the state is the same for all of them). */
async function shootAll(shots: (readonly [name: string, page: string, canvas: Canvas, layers: number])[]): Promise<void> {
  const queue = [...shots];
  const worker = async () => {
    for (let shot = queue.shift(); shot; shot = queue.shift()) await shoot(...shot);
  };
  await Promise.all([worker(), worker(), worker()]);
}

async function setLayouts(layout: 'first' | 'second'): Promise<void> {
  const first = layout === 'first';
  const layouts = Object.fromEntries(OVERLAY_KINDS.map((k) => [k, OVERLAY_LAYOUTS[k][first ? 0 : 1]]));
  const placement = {
    '16x9': { 'product-card': first ? DEFAULT_THEME.placement['16x9']['product-card'] : { anchor: 'bottom', x: 0, y: 110, scale: 1 } },
    '9x16': { 'product-card': first ? DEFAULT_THEME.placement['9x16']['product-card'] : { anchor: 'bottom', x: 0, y: 560, scale: 1 } },
  };
  expect((await api(s, 'PATCH', '/overlays/theme', { layouts, placement })).status).toBe(200);
}

describe('overlay pages: every kind, both canvases, zh and en', () => {
  for (const lang of LANGS) {
    it(`default layouts, ${lang}`, async () => {
      await setLayouts('first');
      await showAll(s, seeded, lang);
      await shootAll(
        CANVASES.flatMap((canvas) => [
          ...OVERLAY_KINDS.map((kind) => [`${kind}-${canvas}-${lang}`, kind, canvas, 1] as const),
          [`all-${canvas}-${lang}`, 'all', canvas, OVERLAY_KINDS.length] as const,
        ]),
      );
    });

    it(`second layouts, ${lang}`, async () => {
      await setLayouts('second');
      await showAll(s, seeded, lang);
      await shootAll(CANVASES.flatMap((canvas) => OVERLAY_KINDS.map((kind) => [`${kind}.${OVERLAY_LAYOUTS[kind][1]}-${canvas}-${lang}`, kind, canvas, 1] as const)));
      await setLayouts('first');
    });
  }

  it('sold-out and ended states', async () => {
    await setLayouts('first');
    for (const lang of LANGS satisfies Lang[]) {
      await showAll(s, seeded, lang);
      await api(s, 'POST', '/overlays/product-card/show', { content: { soldOut: true } });
      await api(s, 'POST', '/overlays/countdown/show', { content: { endsAt: Date.now() - 1000, startsAt: Date.now() - 60_000 } });
      await shoot(`product-card.soldout-16x9-${lang}`, 'product-card', '16x9', 1);
      await shoot(`countdown.ended-16x9-${lang}`, 'countdown', '16x9', 1);
      await api(s, 'POST', '/overlays/countdown/show', { content: { durationMs: 120_000, soldOut: true, style: 'giveaway', label: '' } });
      await shoot(`countdown.soldout-9x16-${lang}`, 'countdown', '9x16', 1);
    }
  });

  it('matches the committed baselines', () => {
    expect(failures).toEqual([]);
  });
});

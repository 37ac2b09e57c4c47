import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { ROOT, startServe, type ServeProcess } from '../helpers/serve';

export const SCREENSHOTS = path.join(ROOT, 'test-results');

/**
 * The real `serve` (own data directory) and Debian's Chromium for one test file: started before
 * its tests, stopped after them. Read `app.serve` / `app.browser` inside the tests.
 */
export function appUnderTest(): { readonly serve: ServeProcess; readonly browser: Browser } {
  const app = {} as { serve: ServeProcess; browser: Browser };
  beforeAll(async () => {
    app.serve = await startServe();
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.serve?.stop();
  });
  return app;
}

/** Selectors that do not depend on the UI language. */
export const sel = {
  nav: (area: string) => `[data-testid=nav-${area}]`,
  // The catalog table is virtual (rows are divs, only those in view exist).
  productRows: '[data-testid=product-table] [data-testid=product-row]',
  row: (text: string) => `[data-testid=product-table] [data-testid=product-row]:has-text("${text}")`,
  fieldError: (field: string) => `.ant-form-item:has([data-testid=field-${field}]) .ant-form-item-explain-error`,
};

/**
 * A fresh browser profile (own localStorage) at 1440×900 in the given browser language, on the
 * app's first-visit link (`/?token=...`), waiting until the WebSocket is connected.
 */
export async function openApp(
  browser: Browser,
  serve: ServeProcess,
  opts: { locale?: string; hash?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: opts.locale ?? 'en-US' });
  // Read-only bookkeeping for tests: when each pushed run state first named a cue on air.
  await context.addInitScript(() => {
    const arrivals: Record<string, number> = {};
    Object.defineProperty(window, 'liveArrivals', { value: arrivals });
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (event) => {
          const text = String(event.data);
          if (!text.includes('"live.state"')) return;
          const cue = (JSON.parse(text) as { payload?: { currentCueId?: string | null } }).payload?.currentCueId;
          if (cue && arrivals[cue] === undefined) arrivals[cue] = Date.now();
        });
      }
    };
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(`${serve.openUrl}${opts.hash ?? ''}`);
  await page.waitForSelector('[data-testid=connection][data-state=open]');
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file });
  return file;
}

/** Open the create drawer and fill the fields given (by form field name). */
export async function fillNewProduct(page: Page, fields: Record<string, string>): Promise<void> {
  await page.click('[data-testid=new-product]');
  await page.waitForSelector('[data-testid=product-drawer] [data-testid=field-sku]', { state: 'visible' });
  for (const [name, value] of Object.entries(fields)) await page.fill(`[data-testid=product-drawer] [data-testid=field-${name}]`, value);
}

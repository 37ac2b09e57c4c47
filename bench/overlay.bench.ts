import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/helpers/browser';
import { percentile, spawnUntil, stop, type Row } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVE = path.join(ROOT, 'out', 'main', 'serve.js');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');
const FRAME_MS = 1000 / 60;

type Via = 'ws' | 'http';

/**
 * In the overlay page itself: send `overlays.show` over the RPC socket (or POST it to the
 * control API) and time, with the page's own clock, until a MutationObserver sees the new stock
 * text in the card. One clock, so no alignment between processes is needed.
 */
function showToDom(page: Page, token: string, stock: number, via: Via): Promise<number> {
  return page.evaluate(
    async ({ token, stock, via }) => {
      const w = window as unknown as { benchWs?: WebSocket };
      if (via === 'ws' && !w.benchWs) {
        const ws = new WebSocket(`ws://${location.host}/ws?token=${token}`);
        await new Promise((r) => (ws.onopen = r));
        w.benchWs = ws;
      }
      const seen = new Promise<number>((resolve) => {
        const mo = new MutationObserver(() => {
          if (document.querySelector('.pc-stock')?.textContent?.includes(String(stock))) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(document.getElementById('stage')!, { subtree: true, childList: true, characterData: true });
      });
      const content = { stock };
      const t0 = performance.now();
      if (via === 'ws') w.benchWs!.send(JSON.stringify({ type: 'call', id: stock, method: 'overlays.show', input: { kind: 'product-card', content } }));
      else
        void fetch('/api/v1/overlays/product-card/show', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ content }),
        });
      return (await seen) - t0;
    },
    { token, stock, via },
  );
}

/** The baseline, from a blank page in the same browser: a bare ws echo of a same-size frame. */
function echoRoundTrip(page: Page, port: number, size: number): Promise<number> {
  return page.evaluate(
    async ({ port, size }) => {
      const w = window as unknown as { echoWs?: WebSocket };
      if (!w.echoWs) {
        const ws = new WebSocket(`ws://127.0.0.1:${port}`);
        await new Promise((r) => (ws.onopen = r));
        w.echoWs = ws;
      }
      const ws = w.echoWs;
      const frame = JSON.stringify({ type: 'call', id: 1000, method: 'overlays.show', input: { pad: 'x'.repeat(Math.max(0, size - 70)) } });
      const t0 = performance.now();
      await new Promise((r) => {
        ws.onmessage = r;
        ws.send(frame);
      });
      return performance.now() - t0;
    },
    { port, size },
  );
}

/** Main-thread busy time of a page over a few idle seconds (Chrome's TaskDuration), ms per second. */
async function idleTaskMsPerSecond(page: Page, seconds: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  await page.waitForTimeout(1000);
  const a = await task();
  await page.waitForTimeout(seconds * 1000);
  const b = await task();
  await cdp.detach();
  return ((b - a) * 1000) / seconds;
}

export async function benchOverlay(samples = 400): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-bench-'));
  const s = await spawnUntil(process.execPath, [SERVE, '--port', '0', '--data-dir', dataDir, '--demo'], /Open:\s+http:\/\/([^/]+)\/\?token=(\S+)\n/);
  const e = await spawnUntil(process.execPath, [ECHO], /READY (\d+)\n/);
  const [origin, token, echoPort] = [`http://${s.match[1]}`, s.match[2]!, Number(e.match[1])];
  const browser = await launchChromium();
  try {
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const products = (await (await fetch(`${origin}/api/v1/products?limit=1`, { headers: auth })).json()) as { items: { id: string }[] };
    await fetch(`${origin}/api/v1/overlays/product-card/show`, { method: 'POST', headers: auth, body: JSON.stringify({ productId: products.items[0]!.id }) });
    const overlay = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await overlay.goto(`${origin}/overlays/product-card.html`);
    await overlay.waitForSelector('.ov-layer[data-state="in"]');
    const blank = await browser.newPage();
    const frameSize = JSON.stringify({ type: 'call', id: 1000, method: 'overlays.show', input: { kind: 'product-card', content: { stock: 1000 } } }).length;

    // Interleaved, so both figures see the same moments of machine load. 30 warm-up rounds.
    const ws: number[] = [];
    const http: number[] = [];
    const echo: number[] = [];
    for (let i = 0; i < samples + 30; i++) {
      const a = await echoRoundTrip(blank, echoPort, frameSize);
      const b = await showToDom(overlay, token, 1000 + 2 * i, 'ws');
      const c = i % 2 === 0 ? await showToDom(overlay, token, 1001 + 2 * i, 'http') : null;
      if (i < 30) continue;
      echo.push(a);
      ws.push(b);
      if (c !== null) http.push(c);
    }

    await fetch(`${origin}/api/v1/overlays/clear`, { method: 'POST', headers: auth });
    const idle = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await idle.goto(`${origin}/overlays/all.html`);
    const idleMs = await idleTaskMsPerSecond(idle, 5);
    const blankMs = await idleTaskMsPerSecond(blank, 5);

    const [p95, p50, echo95, echo50, http95] = [percentile(ws, 95), percentile(ws, 50), percentile(echo, 95), percentile(echo, 50), percentile(http, 95)];
    const target = `≤ 2× echo and ≤ ${FRAME_MS.toFixed(1)} ms`;
    return [
      { figure: 'overlays.show (WS RPC) → overlay DOM updated in Chromium, p95', value: p95, unit: 'ms', baseline: 'bare ws echo p95, from Chromium', baselineValue: echo95, target, pass: p95 <= 2 * echo95 && p95 <= FRAME_MS },
      // The target is on the p95 (row above); the median is context.
      { figure: 'overlays.show (WS RPC) → overlay DOM updated, median', value: p50, unit: 'ms', baseline: 'bare ws echo median, from Chromium', baselineValue: echo50 },
      { figure: 'POST /api/v1/overlays/…/show → overlay DOM updated, p95', value: http95, unit: 'ms', baseline: 'bare ws echo p95, from Chromium', baselineValue: echo95, target: `≤ ${FRAME_MS.toFixed(1)} ms`, pass: http95 <= FRAME_MS },
      { figure: 'overlay page idle (all layers, none shown): main-thread busy', value: idleMs, unit: 'ms/s', baseline: 'about:blank, same browser', baselineValue: blankMs, target: '< 1 ms/s', pass: idleMs < 1 },
    ];
  } finally {
    await browser.close();
    await stop(s.child);
    await stop(e.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

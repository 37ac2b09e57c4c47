import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayState } from '../../../electron/contract';
import { api, startServe, type ServeProcess } from '../../helpers/serve';

let s: ServeProcess;
beforeAll(async () => {
  s = await startServe();
});
afterAll(async () => {
  await s?.stop();
});

/** An overlay-channel client that collects every state it is sent. */
function overlaySocket(headers: Record<string, string> = {}): Promise<{ ws: WebSocket; states: OverlayState[]; next(): Promise<OverlayState> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/overlays/ws`, { headers });
    const states: OverlayState[] = [];
    const waiting: ((st: OverlayState) => void)[] = [];
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; state: OverlayState };
      expect(msg.type).toBe('state');
      states.push(msg.state);
      waiting.shift()?.(msg.state);
    });
    const next = () =>
      new Promise<OverlayState>((res) => {
        if (states.length > consumed) res(states[consumed++]!);
        else waiting.push((st) => (consumed++, res(st)));
      });
    let consumed = 0;
    ws.once('open', () => resolve({ ws, states, next }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('overlays over the control API', () => {
  it('shows, updates, hides and clears with the token; refuses without it', async () => {
    const shown = await api(s, 'POST', '/overlays/lower-third/show', { content: { name: '林小溪', title: '主播' } });
    expect(shown.status).toBe(200);
    expect(shown.body.layers['lower-third']).toMatchObject({ visible: true, layout: 'bar', content: { name: '林小溪', title: '主播' } });
    const updated = await api(s, 'POST', '/overlays/lower-third/show', { content: { title: 'Shop host' }, layout: 'pill' });
    expect(updated.body.layers['lower-third']).toMatchObject({ layout: 'pill', content: { name: '林小溪', title: 'Shop host' } });
    expect(updated.body.revision).toBe(shown.body.revision + 1);
    const hidden = await api(s, 'POST', '/overlays/lower-third/hide');
    expect(hidden.body.layers['lower-third'].visible).toBe(false);
    const cleared = await api(s, 'POST', '/overlays/clear');
    expect(Object.values(cleared.body.layers as Record<string, { visible: boolean }>).some((l) => l.visible)).toBe(false);
    expect((await api(s, 'GET', '/overlays')).body.revision).toBe(cleared.body.revision);

    for (const [verb, path] of [['GET', '/overlays'], ['POST', '/overlays/banner/show'], ['POST', '/overlays/banner/hide'], ['POST', '/overlays/clear'], ['PATCH', '/overlays/theme']]) {
      const res = await fetch(new URL(`api/v1${path}`, s.url), { method: verb, headers: { 'Content-Type': 'application/json' }, body: verb === 'GET' ? undefined : '{"content":{"text":"x"}}' });
      expect(res.status, `${verb} ${path}`).toBe(401);
    }
    expect((await api(s, 'GET', '/overlays')).body.layers.banner.visible).toBe(false);
  });

  it('explains bad input: unknown kind, typo, missing countdown time, unknown product or image', async () => {
    expect((await api(s, 'POST', '/overlays/sparkles/show', {})).status).toBe(400);
    const typo = await api(s, 'POST', '/overlays/product-card/show', { content: { livePirce: 100 } });
    expect(typo.status).toBe(400);
    expect(typo.body.error.code).toBe('BAD_INPUT');
    expect((await api(s, 'POST', '/overlays/countdown/show', { content: { label: 'x' } })).status).toBe(400);
    expect((await api(s, 'POST', '/overlays/product-card/show', { productId: 'prd_missing' })).status).toBe(404);
    const image = await api(s, 'POST', '/overlays/product-card/show', { content: { image: 'f'.repeat(64) } });
    expect(image.status).toBe(400);
    expect(image.body.error.details.issues[0].code).toBe('unknown_media');
  });

  it('fills a product card from a product (QR from its link) and follows its stock', async () => {
    const created = await api(s, 'POST', '/products', { sku: 'OV-1', title: '玻尿酸面霜', listPrice: 29900, livePrice: 19900, stock: 30, link: 'https://example.com/p/ov-1' });
    const id = created.body.id as string;
    const client = await overlaySocket();
    await client.next();
    const shown = await api(s, 'POST', '/overlays/product-card/show', { productId: id });
    expect(shown.body.layers['product-card'].content).toMatchObject({ productId: id, title: '玻尿酸面霜', livePrice: 19900, stock: 30 });
    expect(shown.body.layers['product-card'].content.qr.size).toBeGreaterThanOrEqual(21);
    expect((await client.next()).revision).toBe(shown.body.revision);
    await api(s, 'PATCH', `/products/${id}`, { stock: 0 });
    const pushed = await client.next();
    expect(pushed.layers['product-card'].content).toMatchObject({ stock: 0, soldOut: true });
    client.ws.close();
  });

  it('saves the theme in the data folder (it survives a restart)', async () => {
    const set = await api(s, 'PATCH', '/overlays/theme', { colors: { accent: '#00aa88' }, locale: 'en' });
    expect(set.status).toBe(200);
    expect(set.body.colors.accent).toBe('#00aa88');
    const bad = await api(s, 'PATCH', '/overlays/theme', { colors: { accent: 'red' } });
    expect(bad.status).toBe(400);
    await s.stop();
    s = await startServe({ dataDir: s.dataDir });
    const theme = await api(s, 'GET', '/overlays/theme');
    expect(theme.body).toMatchObject({ locale: 'en', colors: { accent: '#00aa88', accent2: '#ff7a1a' } });
  });
});

describe('the overlay channel /overlays/ws', () => {
  it('needs no token, sends the full state on connect and every change after', async () => {
    await api(s, 'POST', '/overlays/banner/show', { content: { text: '福利来袭' } });
    const before = Date.now();
    const client = await overlaySocket();
    const first = await client.next();
    expect(first.layers.banner).toMatchObject({ visible: true, content: { text: '福利来袭' } });
    expect(first.theme.colors.accent).toMatch(/^#/);
    expect(Math.abs(first.now - before)).toBeLessThan(5000); // the server clock, for countdowns
    await api(s, 'POST', '/overlays/banner/hide');
    const second = await client.next();
    expect(second.revision).toBe(first.revision + 1);
    expect(second.layers.banner.visible).toBe(false);
    client.ws.close();
  });

  it('changes nothing it is sent: a message closes the socket (1008) and the state stays', async () => {
    await api(s, 'POST', '/overlays/ticker/show', { content: { items: ['a'] } });
    const before = (await api(s, 'GET', '/overlays')).body as OverlayState;
    const client = await overlaySocket();
    await client.next();
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    client.ws.send(JSON.stringify({ type: 'call', id: 1, method: 'overlays.clear', input: {} }));
    expect(await closed).toBe(1008);
    const after = (await api(s, 'GET', '/overlays')).body as OverlayState;
    expect(after.revision).toBe(before.revision);
    expect(after.layers.ticker.visible).toBe(true);
  });

  it('applies the Host and Origin checks', async () => {
    await expect(overlaySocket({ Host: 'evil.example' })).rejects.toThrow('HTTP 403');
    await expect(overlaySocket({ Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    const ok = await overlaySocket({ Origin: `http://127.0.0.1:${s.port}` });
    ok.ws.close();
  });
});

describe('overlay pages', () => {
  it('serves each kind and the combined page with a strict CSP, and nothing else', async () => {
    for (const page of ['all', 'product-card', 'price-sticker', 'lower-third', 'countdown', 'banner', 'ticker']) {
      const res = await fetch(new URL(`overlays/${page}.html`, s.url));
      expect(res.status, page).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("img-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await res.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
      const asset = /src="(\/overlays\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      expect((await fetch(new URL(asset, s.url))).status).toBe(200);
    }
    for (const path of ['overlays/nope.html', 'overlays/assets/missing.js', 'overlays/ws', 'overlays/assets/..%2F..%2Fpackage.json', 'overlays/']) {
      expect((await fetch(new URL(path, s.url))).status, path).toBe(404);
    }
  });
});

import http from 'node:http';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readJournal } from '../../../db/open';
import { api, ROOT, startServe, type ServeProcess } from '../../helpers/serve';

let s: ServeProcess;
beforeAll(async () => {
  s = await startServe();
});
afterAll(async () => {
  await s?.stop();
});

function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path, headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openWs(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('serve: the control API v1', () => {
  it('answers status with the app and schema version and the data directory', async () => {
    const res = await api(s, 'GET', '/status');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      app: 'cuecart',
      schemaVersion: readJournal(path.join(ROOT, 'db', 'migrations')).length,
      dataDir: s.dataDir,
    });
  });

  it('refuses calls without the token, or with a wrong one, with 401', async () => {
    const none = await fetch(new URL('api/v1/status', s.url));
    expect(none.status).toBe(401);
    const wrong = await fetch(new URL('api/v1/products', s.url), {
      method: 'POST',
      headers: { Authorization: 'Bearer nope', 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: 'X', title: 'x', listPrice: 1, livePrice: 1 }),
    });
    expect(wrong.status).toBe(401);
    expect((await api(s, 'GET', '/products?q=X')).body.total).toBe(0);
  });

  it('creates, finds, patches and deletes a product', async () => {
    const created = await api(s, 'POST', '/products', { sku: 'ZH-1', title: '玻尿酸面霜', listPrice: 19900, livePrice: 9900, tags: ['保湿'] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const found = await api(s, 'GET', `/products?q=${encodeURIComponent('面霜')}`);
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const patched = await api(s, 'PATCH', `/products/${id}`, { livePrice: 8900 });
    expect(patched.body).toMatchObject({ id, livePrice: 8900, title: '玻尿酸面霜', tags: ['保湿'] });
    expect((await api(s, 'DELETE', `/products/${id}`)).status).toBe(200);
    expect((await api(s, 'GET', `/products/${id}`)).status).toBe(404);
  });

  it('explains bad input with 400 and the fields at fault', async () => {
    const res = await api(s, 'POST', '/products', { sku: '', title: 'x', listPrice: -5, livePrice: 100 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_INPUT');
    const paths = res.body.error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sku', 'listPrice']));
    const notJson = await fetch(new URL('api/v1/products', s.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: '{"sku":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
  });

  it('refuses a duplicate SKU with 409', async () => {
    await api(s, 'POST', '/products', { sku: 'DUP-1', title: 'A', listPrice: 1, livePrice: 1 });
    const again = await api(s, 'POST', '/products', { sku: 'DUP-1', title: 'B', listPrice: 1, livePrice: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ field: 'sku', sku: 'DUP-1' });
  });
});

describe('serve: DNS-rebinding and token guards', () => {
  it('rejects an unknown Host header on every route', async () => {
    for (const path of ['/', '/api/v1/status']) {
      const res = await rawGet(path, { Host: `evil.example:${s.port}`, Authorization: `Bearer ${s.token}` });
      expect(res.status).toBe(403);
    }
    expect((await rawGet('/', { Host: `localhost:${s.port}` })).status).toBe(200);
  });

  it('refuses WebSocket upgrades without the token or from a foreign page', async () => {
    await expect(openWs('')).rejects.toThrow(/401/);
    await expect(openWs(`?token=${s.token}`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('pushes data changes to every open client and answers RPC calls', async () => {
    const a = await openWs(`?token=${s.token}`, { Origin: `http://127.0.0.1:${s.port}` });
    const b = await openWs(`?token=${s.token}`);
    const pushed = new Promise<{ table: string; revision: number }>((resolve) => {
      b.on('message', (data) => {
        const msg = JSON.parse(data.toString());
        if (msg.type === 'event' && msg.topic === 'data.changed') resolve(msg.payload);
      });
    });
    const result = new Promise<{ ok: boolean; output: { sku: string } }>((resolve) => {
      a.on('message', (data) => {
        const msg = JSON.parse(data.toString());
        if (msg.type === 'result' && msg.id === 7) resolve(msg);
      });
    });
    a.send(JSON.stringify({ type: 'call', id: 7, method: 'products.create', input: { sku: 'WS-1', title: 'Socket', listPrice: 100, livePrice: 90 } }));
    expect((await result).output.sku).toBe('WS-1');
    expect((await pushed).table).toBe('products');
    a.close();
    b.close();
  });

  it('closes a socket that sends a malformed message', async () => {
    const ws = await openWs(`?token=${s.token}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"type":"call"');
    expect(await closed).toBe(1008);
  });
});

describe('serve: media and the renderer', () => {
  it('serves the demo images by hash and the app with a strict CSP', async () => {
    const loaded = await api(s, 'POST', '/demo');
    expect(loaded.body.products).toBeGreaterThanOrEqual(20);
    const list = await api(s, 'GET', '/products?limit=1');
    const hash = list.body.items[0].images[0] as string;
    const img = await fetch(new URL(`media/${hash}`, s.url));
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toMatch(/^image\//);
    expect((await fetch(new URL(`media/${'0'.repeat(64)}`, s.url))).status).toBe(404);
    const page = await fetch(s.url);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

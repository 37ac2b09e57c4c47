import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_MAX_BYTES,
  IMPORT_MAX_BYTES,
  JSON_BODY_MAX_BYTES,
  MEDIA_UPLOAD_MAX_BYTES,
  WS_MESSAGE_MAX_BYTES,
} from '../../../electron/contract';
import { createCore } from '../../../electron/core';
import { pngOfSize } from '../../helpers/images';
import { api, startServe, tempDataDir, type ServeProcess } from '../../helpers/serve';

// Issue 11, findings 2 and 3: a body over its limit is answered 413 with a JSON reason and the
// limit, and the client reads that answer (no ECONNRESET); every documented limit holds on every
// door; an image of the documented size goes in through REST as well as the WebSocket.

const run = promisify(execFile);
let s: ServeProcess;
let tmp: string;
beforeAll(async () => {
  s = await startServe();
  tmp = tempDataDir('cuecart-limits-');
});
afterAll(async () => {
  await s?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** curl as a script or Stream Deck user runs it: its exit code, the status and the body. */
async function curl(route: string, type: string, file: string) {
  const out = path.join(tmp, 'answer.json');
  try {
    const { stdout } = await run('curl', [
      '-sS', '-o', out, '-w', '%{http_code}',
      '-H', `Authorization: Bearer ${s.token}`, '-H', `Content-Type: ${type}`,
      '--data-binary', `@${file}`, new URL(`api/v1${route}`, s.url).href,
    ]);
    return { exit: 0, status: Number(stdout), body: JSON.parse(fs.readFileSync(out, 'utf8')) };
  } catch (error) {
    return { exit: (error as { code?: number }).code, status: 0, body: null, stderr: (error as { stderr?: string }).stderr };
  }
}

function fileOf(name: string, bytes: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A body sent in chunks with no Content-Length, by Node's own HTTP client. */
function chunked(route: string, type: string, total: number): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`api/v1${route}`, s.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': type, 'Transfer-Encoding': 'chunked' },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    const piece = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < total) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

const tooLarge = (limit: number) => ({ error: { code: 'BAD_INPUT', details: { reason: 'too_large', limit } } });

describe('REST: a body over its limit is answered, not reset', () => {
  it('answers a 1.1 MB JSON product with 413, the reason and the limit (curl reads it)', async () => {
    const file = fileOf('big.json', JSON.stringify({ sku: 'BIG-1', title: 'x', listPrice: 1, livePrice: 1, notes: 'n'.repeat(1_100_000) }));
    const res = await curl('/products', 'application/json', file);
    expect(res.exit, res.stderr).toBe(0);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject(tooLarge(JSON_BODY_MAX_BYTES));
    expect(res.body.error.message).toMatch(/larger than 1 MB/);
    expect((await api(s, 'GET', '/products?q=BIG-1')).body.total).toBe(0);
  });

  it('answers a 51 MB CSV import with 413 and the limit (curl reads it)', async () => {
    const file = fileOf('big.csv', Buffer.alloc(51 * 1024 * 1024, 'a'));
    const res = await curl('/products/import', 'text/csv', file);
    expect(res.exit, res.stderr).toBe(0);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject(tooLarge(IMPORT_MAX_BYTES));
  });

  it('answers fetch and a chunked body without Content-Length the same way', async () => {
    const big = await fetch(new URL('api/v1/products', s.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: `{"sku":"F","notes":"${'n'.repeat(JSON_BODY_MAX_BYTES)}"}`,
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject(tooLarge(JSON_BODY_MAX_BYTES));
    const streamed = await chunked('/products', 'application/json', JSON_BODY_MAX_BYTES + 512 * 1024);
    expect(streamed).toMatchObject({ status: 413, body: tooLarge(JSON_BODY_MAX_BYTES) });
    const bundle = await chunked('/bundles', 'application/json', BUNDLE_MAX_BYTES + 1024 * 1024);
    expect(bundle).toMatchObject({ status: 413, body: tooLarge(BUNDLE_MAX_BYTES) });
    // The server is still there and answering.
    expect((await api(s, 'GET', '/status')).status).toBe(200);
  });

  it('answers a request line over 16 KB with 431 and a JSON reason that the client reads (no reset)', async () => {
    const url = new URL(s.url);
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const got: Buffer[] = [];
    const outcome = new Promise<string>((resolve) => {
      socket.on('data', (d: Buffer) => got.push(d));
      socket.once('end', () => resolve('end'));
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    // Past the limit, then the rest a moment later: the server has refused by then, and must let it arrive.
    socket.write(`DELETE /api/v1/hosts/${'%F0%9F%98%80'.repeat(2_000)}`);
    await new Promise((r) => setTimeout(r, 200));
    socket.write(`${'%F0%9F%98%80'.repeat(20_000)} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${s.token}\r\n\r\n`);
    expect(await outcome).toBe('end');
    const answer = Buffer.concat(got).toString('utf8');
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'BAD_INPUT', details: { reason: 'too_large' } } });
    expect((await api(s, 'GET', '/status')).status).toBe(200);
  });

  it('reads a JSON body right at the limit (then judges its content, not its size)', async () => {
    const pad = JSON_BODY_MAX_BYTES - JSON.stringify({ sku: 'EDGE', notes: '' }).length;
    const res = await fetch(new URL('api/v1/products', s.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: 'EDGE', notes: 'n'.repeat(pad) }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).not.toContain('too_large');
  });
});

describe('media upload: the documented 2.5 MB on every door', () => {
  const atLimit = pngOfSize(MEDIA_UPLOAD_MAX_BYTES);
  const overLimit = Buffer.concat([atLimit, Buffer.alloc(MEDIA_UPLOAD_MAX_BYTES + 1 - atLimit.length)]);

  it('takes a 2.5 MB image over REST as the raw body with its image type (curl)', async () => {
    expect(atLimit.length).toBeGreaterThan(MEDIA_UPLOAD_MAX_BYTES - 16 * 1024);
    const res = await curl('/media', 'image/png', fileOf('big.png', atLimit));
    expect(res.exit, res.stderr).toBe(0);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mime: 'image/png', size: atLimit.length });
    const served = await fetch(new URL(`media/${res.body.hash}`, s.url));
    expect(Buffer.from(await served.arrayBuffer()).equals(atLimit)).toBe(true);
  });

  it('takes the same image as base64 in a JSON body, and refuses one byte more with 413 either way', async () => {
    const json = await curl('/media', 'application/json', fileOf('big.png.json', JSON.stringify({ contentBase64: atLimit.toString('base64') })));
    expect(json.status).toBe(200);
    const raw = await curl('/media', 'image/png', fileOf('over.png', overLimit));
    expect(raw.exit, raw.stderr).toBe(0);
    expect(raw).toMatchObject({ status: 413, body: tooLarge(MEDIA_UPLOAD_MAX_BYTES) });
    const overJson = await curl('/media', 'application/json', fileOf('over.png.json', JSON.stringify({ contentBase64: overLimit.toString('base64') })));
    expect(overJson).toMatchObject({ status: 413, body: tooLarge(MEDIA_UPLOAD_MAX_BYTES) });
  });

  it('takes 2.5 MB over the WebSocket and refuses one byte more with the reason and the limit', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const results = new Map<number, (msg: any) => void>();
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === 'result') results.get(msg.id)?.(msg);
    });
    const call = (id: number, bytes: Buffer) =>
      new Promise<any>((resolve) => {
        results.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method: 'media.upload', input: { contentBase64: bytes.toString('base64') } }));
      });
    expect(await call(1, atLimit)).toMatchObject({ ok: true, output: { size: atLimit.length } });
    expect(await call(2, overLimit)).toMatchObject({ ok: false, ...tooLarge(MEDIA_UPLOAD_MAX_BYTES) });
    ws.close();
  });
});

describe('WebSocket: a message over the cap closes the socket with 1009', () => {
  it('closes with Message Too Big, and the server goes on answering', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined); // the client may still be writing when the server closes
    ws.send(Buffer.alloc(WS_MESSAGE_MAX_BYTES + 1, 0x20), { binary: false });
    expect(await closed).toBe(1009);
    expect((await api(s, 'GET', '/status')).status).toBe(200);
  });
});

describe('IPC: the desktop door has the same limits (the dispatcher the IPC handler calls)', () => {
  it('takes a 2.5 MB image and refuses one byte more, a spreadsheet over 50 MB and a bundle over 100 MB', async () => {
    const core = createCore({ dataDir: path.join(tmp, 'ipc') });
    try {
      const at = pngOfSize(MEDIA_UPLOAD_MAX_BYTES);
      const ok = await core.dispatch('media.upload', { contentBase64: at.toString('base64') }, { door: 'ipc' });
      expect(ok).toMatchObject({ ok: true, output: { size: at.length } });
      const over = Buffer.alloc(MEDIA_UPLOAD_MAX_BYTES + 1).toString('base64');
      expect(await core.dispatch('media.upload', { contentBase64: over }, { door: 'ipc' })).toMatchObject({ ok: false, ...tooLarge(MEDIA_UPLOAD_MAX_BYTES) });
      const sheet = 'A'.repeat(Math.ceil((IMPORT_MAX_BYTES + 3) / 3) * 4);
      expect(await core.dispatch('products.import.preview', { fileName: 'a.csv', contentBase64: sheet }, { door: 'ipc' })).toMatchObject({
        ok: false,
        ...tooLarge(IMPORT_MAX_BYTES),
      });
      const bundle = 'A'.repeat(Math.ceil((BUNDLE_MAX_BYTES + 3) / 3) * 4);
      expect(await core.dispatch('bundles.preview', { contentBase64: bundle }, { door: 'ipc' })).toMatchObject({ ok: false, ...tooLarge(BUNDLE_MAX_BYTES) });
    } finally {
      await core.close();
    }
  });
});

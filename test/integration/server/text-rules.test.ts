import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServe, type ServeProcess } from '../../helpers/serve';

// Issue 11, finding 4: text is well-formed Unicode everywhere, single-line fields hold no control
// characters, and SKUs that only look alike are one SKU. Through the built `serve`, REST and WS.

let s: ServeProcess;
beforeAll(async () => {
  s = await startServe();
});
afterAll(async () => {
  await s?.stop();
});

/** POST raw JSON text (JSON.stringify would keep a lone surrogate as the escape \udc00 anyway). */
async function postRaw(route: string, json: string) {
  const res = await fetch(new URL(`api/v1${route}`, s.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    body: json,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const product = (over: Record<string, unknown>) => ({ title: 'T', listPrice: 100, livePrice: 90, ...over });
const paths = (body: any) => (body.error.details?.issues ?? []).map((i: { path: (string | number)[] }) => i.path.join('.'));

describe('text: well-formed Unicode only', () => {
  it('refuses a lone surrogate in a SKU or title with 400 and the field path, and stores nothing', async () => {
    const before = (await api(s, 'GET', '/status')).body.counts.products;
    const sku = await postRaw('/products', '{"sku":"DUP\\udc00","title":"x","listPrice":1,"livePrice":1}');
    expect(sku.status).toBe(400);
    expect(paths(sku.body)).toContain('sku');
    const title = await postRaw('/products', `{"sku":"LONE-1","title":"${'\\ud800'.repeat(200)}","listPrice":1,"livePrice":1}`);
    expect(title.status).toBe(400);
    expect(paths(title.body)).toContain('title');
    // Nested and in a field the schema types loosely: still the path.
    const tag = await postRaw('/products', '{"sku":"LONE-2","title":"x","listPrice":1,"livePrice":1,"tags":["ok","\\ud83d"]}');
    expect(tag.status).toBe(400);
    expect(paths(tag.body)).toContain('tags.1');
    expect((await api(s, 'GET', '/status')).body.counts.products).toBe(before);
  });

  it('refuses a lone surrogate over the WebSocket door too', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answer = new Promise<any>((resolve) =>
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString());
        if (msg.type === 'result' && msg.id === 1) resolve(msg);
      }),
    );
    ws.send('{"type":"call","id":1,"method":"hosts.create","input":{"name":"\\udfff主播"}}');
    const msg = await answer;
    ws.close();
    expect(msg.ok).toBe(false);
    expect(msg.error.code).toBe('BAD_INPUT');
    expect(msg.error.details.issues[0].path).toEqual(['name']);
  });
});

describe('text: control characters', () => {
  it('strips terminal escapes, bidi overrides and NULs from titles, and counts the limit after that', async () => {
    const res = await api(s, 'POST', '/products', product({ sku: 'CTL-1', title: `\u001b[31m红色\u001b[0m面霜\u202Egnp.exe\u0000`, brand: 'A\tB\nC' }));
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('红色面霜gnp.exe');
    expect(res.body.brand).toBe('A B C');
    // 200 visible characters plus controls: within the 200 limit once cleaned.
    const long = await api(s, 'POST', '/products', product({ sku: 'CTL-2', title: `${'字'.repeat(200)}\u0007\u0000\u202E` }));
    expect(long.status).toBe(201);
    expect(long.body.title).toHaveLength(200);
    // ...and it can be saved again as read back.
    const again = await api(s, 'PATCH', `/products/${long.body.id}`, { title: long.body.title });
    expect(again.status).toBe(200);
  });

  it('keeps tabs and line breaks in notes, drops the other controls', async () => {
    const res = await api(s, 'POST', '/products', product({ sku: 'CTL-3', notes: 'line 1\r\n\tline 2\u0000\u001b[2J' }));
    expect(res.status).toBe(201);
    expect(res.body.notes).toBe('line 1\n\tline 2');
  });

  it('stores notes and talking points of nothing but white space as empty, as an import of the same cell reads them', async () => {
    const res = await api(s, 'POST', '/products', product({ sku: 'CTL-4', notes: ' \t\n', talkingPoints: '\t\f' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ notes: '', talkingPoints: '' });
  });
});

describe('text: SKUs that only look alike are one SKU', () => {
  it('refuses OK1 + zero-width space, fullwidth ＯＫ１ and ok1 as duplicates of OK1 (409 naming it)', async () => {
    const first = await api(s, 'POST', '/products', product({ sku: 'OK1', title: '第一个' }));
    expect(first.status).toBe(201);
    for (const sku of ['OK1\u200b', 'ＯＫ１', 'ok1', ' \u200dOk1\ufeff ']) {
      const dup = await api(s, 'POST', '/products', product({ sku, title: '冒牌' }));
      expect(dup.status, sku).toBe(409);
      expect(dup.body.error.details).toMatchObject({ field: 'sku', id: first.body.id, existingSku: 'OK1' });
      expect(dup.body.error.message).toContain('第一个');
    }
    // A rename of another product onto a look-alike is refused the same way.
    const other = await api(s, 'POST', '/products', product({ sku: 'OK2' }));
    expect((await api(s, 'PATCH', `/products/${other.body.id}`, { sku: 'ｏｋ1' })).status).toBe(409);
    // The product itself may change the spelling of its own SKU.
    expect((await api(s, 'PATCH', `/products/${first.body.id}`, { sku: 'ok1' })).body.sku).toBe('ok1');
  });

  it('stores a SKU without its invisible characters and refuses one that has nothing visible', async () => {
    const zw = await api(s, 'POST', '/products', product({ sku: 'ZW\u200b-9' }));
    expect(zw.status).toBe(201);
    expect(zw.body.sku).toBe('ZW-9');
    const empty = await api(s, 'POST', '/products', product({ sku: '\u200b\u200c\u200d\u2060\ufeff' }));
    expect(empty.status).toBe(400);
    expect(paths(empty.body)).toContain('sku');
  });

  it('refuses look-alike variant SKUs within a product and across products', async () => {
    const v = (sku: string) => ({ sku, listPrice: 1, livePrice: 1 });
    const within = await api(s, 'POST', '/products', product({ sku: 'VAR-P', variants: [v('V-RED'), v('ｖ-red')] }));
    expect(within.status).toBe(400);
    expect(paths(within.body)).toContain('variants.1.sku');
    expect((await api(s, 'POST', '/products', product({ sku: 'VAR-A', variants: [v('V-BLUE')] }))).status).toBe(201);
    const across = await api(s, 'POST', '/products', product({ sku: 'VAR-B', variants: [v('v-blue\u200b')] }));
    expect(across.status).toBe(409);
  });
});

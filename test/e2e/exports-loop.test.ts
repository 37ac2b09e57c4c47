import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../helpers/images';
import { api, startServe, type ServeProcess } from '../helpers/serve';

// Issue 11: writing an export never holds the event loop the show runs on for more than 50 ms.
// A long show (200 cues, 40 products with photos) exported in every format from the built
// `serve`, which reports how long its main thread's own work held the loop (CUECART_LOOP_STATS:
// lateness bounded by the main thread's CPU time, so a busy test machine does not count).

const HELD_BUDGET_MS = 50;
/** No single export may come near the stalls this replaced (130-330 ms), however busy the box. */
const HELD_CEILING_MS = 100;
let s: ServeProcess;
let showId: string;

async function loopStats(): Promise<{ p99: number; max: number; heldMax: number }> {
  const seen = s.stdout().split('loop-stats ').length;
  s.child.kill('SIGUSR2');
  for (let i = 0; i < 100; i += 1) {
    const parts = s.stdout().split('loop-stats ');
    if (parts.length > seen) return JSON.parse(parts[parts.length - 1]!.split('\n')[0]!);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('serve printed no loop-stats');
}

beforeAll(async () => {
  s = await startServe({ env: { CUECART_LOOP_STATS: '1' } });
  const ids: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const image = await fetch(new URL('api/v1/media', s.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'image/png' },
      body: new Uint8Array(makePng(240, 240, { noise: true })),
    }).then((r) => r.json() as Promise<{ hash: string }>);
    const product = await api(s, 'POST', '/products', {
      sku: `LONG-${i}`,
      title: `长场商品 ${i} 玻尿酸面霜`,
      listPrice: 19900,
      livePrice: 9900,
      images: [image.hash],
      sellingPoints: ['保湿', '修护', '提亮'],
      talkingPoints: '家人们看过来，'.repeat(40),
      faq: [{ q: '敏感肌能用吗？', a: '可以，'.repeat(30) }],
    });
    ids.push(product.body.id);
  }
  const cues = Array.from({ length: 200 }, (_, i) => ({
    id: `c${i}`,
    kind: 'pitch',
    productId: ids[i % ids.length],
    durationMs: 60_000,
    title: '',
    livePrice: 9900,
    talkingPoints: '讲解要点，'.repeat(30),
  }));
  const show = await api(s, 'POST', '/shows', { title: '长场压力测试', platform: 'douyin', startAt: Date.UTC(2026, 11, 12, 11), plannedLengthMs: 4 * 3600_000, segments: [{ id: 's1', title: '过款', cues }] });
  expect(show.status).toBe(201);
  showId = show.body.id;
}, 120_000);

afterAll(async () => {
  await s?.stop();
});

describe('exports of a long show hold the event loop briefly', () => {
  it('writes the run sheet, cue cards (HTML, PDF), bundle and catalog, and reads a bundle back, with no stretch of main-thread work over 50 ms', async () => {
    const routes: [string, string][] = [
      ['run sheet xlsx', `/shows/${showId}/runsheet?format=xlsx`],
      ['cue cards html', `/shows/${showId}/runsheet?format=html`],
      ['cue cards pdf', `/shows/${showId}/runsheet?format=pdf&lang=en`],
      ['plan bundle', `/shows/${showId}/bundle`],
      ['catalog csv', '/products/export?format=csv'],
      ['catalog xlsx', '/products/export?format=xlsx'],
    ];
    // Each export twice: a shared test machine can add a one-off GC pause or page fault to any
    // one run, so the better run must be under 50 ms and neither near the old stalls.
    const held: Record<string, number[]> = {};
    const lines: string[] = [];
    for (const [name, route] of routes) {
      for (let run = 0; run < 2; run += 1) {
        await loopStats(); // measure from here
        const res = await fetch(new URL(`api/v1${route}`, s.url), { headers: { Authorization: `Bearer ${s.token}` } });
        const bytes = (await res.arrayBuffer()).byteLength;
        expect(res.status, name).toBe(200);
        const stats = await loopStats();
        (held[name] ??= []).push(stats.heldMax);
        lines.push(`${name}: ${(bytes / 1024).toFixed(0)} KB, loop held by work ≤ ${stats.heldMax} ms (wall lateness max ${stats.max} ms)`);
      }
    }
    // Reading a bundle back (JSON, base64, hashes) happens on a worker thread too.
    const bundle = await fetch(new URL(`api/v1/shows/${showId}/bundle`, s.url), { headers: { Authorization: `Bearer ${s.token}` } }).then((r) => r.arrayBuffer());
    for (let run = 0; run < 2; run += 1) {
      await loopStats();
      const preview = await fetch(new URL('api/v1/bundles?preview=1', s.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
        body: new Uint8Array(bundle),
      });
      expect(preview.status).toBe(200);
      expect(((await preview.json()) as { products: { total: number } }).products.total).toBe(40);
      const read = await loopStats();
      (held['bundle preview (read back)'] ??= []).push(read.heldMax);
      lines.push(`bundle preview: loop held by work ≤ ${read.heldMax} ms (wall lateness max ${read.max} ms)`);
    }
    console.log(lines.join('\n'));
    for (const [name, runs] of Object.entries(held)) {
      expect(Math.min(...runs), name).toBeLessThan(HELD_BUDGET_MS);
      expect(Math.max(...runs), name).toBeLessThan(HELD_CEILING_MS);
    }
  });
});

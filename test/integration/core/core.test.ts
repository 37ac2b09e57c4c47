import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { manualClock } from '../../../electron/core/clock';
import { tempDataDir } from '../../helpers/serve';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) {
    await c.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});
function core(clock = manualClock()) {
  const c = createCore({ dataDir: tempDataDir('cuecart-core-'), clock });
  cores.push(c);
  return c;
}

describe('createCore (real SQLite file, real migrations)', () => {
  it('stamps rows with the injected clock', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1));
    const c = core(clock);
    const r = await c.dispatch('products.create', { sku: 'C-1', title: 'x', listPrice: 1, livePrice: 1 }, { door: 'internal' });
    expect(r.ok && (r.output as { createdAt: number }).createdAt).toBe(Date.UTC(2026, 0, 1));
    clock.advance(60_000);
    const id = r.ok ? (r.output as { id: string }).id : '';
    const u = await c.dispatch('products.update', { id, title: 'y' }, { door: 'internal' });
    expect(u.ok && (u.output as { updatedAt: number }).updatedAt).toBe(Date.UTC(2026, 0, 1) + 60_000);
  });

  it('returns typed errors, never throws, for unknown methods and bad input', async () => {
    const c = core();
    expect(await c.dispatch('nope.nothing', {}, { door: 'internal' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await c.dispatch('products.get', { id: 42 }, { door: 'internal' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await c.dispatch('products.get', { id: 'missing' }, { door: 'internal' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('pushes data.changed with a growing revision', async () => {
    const c = core();
    const seen: number[] = [];
    c.bus.subscribe((e) => e.topic === 'data.changed' && seen.push(e.payload.revision));
    await c.dispatch('products.create', { sku: 'E-1', title: 'x', listPrice: 1, livePrice: 1 }, { door: 'internal' });
    await c.dispatch('products.create', { sku: 'E-2', title: 'x', listPrice: 1, livePrice: 1 }, { door: 'internal' });
    expect(seen).toEqual([1, 2]);
  });

  it('loads the demo workspace idempotently, with images in the media folder', async () => {
    const c = core();
    const first = await c.dispatch('demo.load', {}, { door: 'internal' });
    expect(first.ok).toBe(true);
    await c.dispatch('demo.load', {}, { door: 'internal' });
    const status = await c.dispatch('app.status', {}, { door: 'internal' });
    const counts = status.ok ? (status.output as { counts: Record<string, number> }).counts : {};
    expect(counts.products).toBeGreaterThanOrEqual(20);
    expect(counts.hosts).toBe(3);
    expect(counts.shows).toBe(4); // two upcoming, two past (with run logs and platform data)
    const list = await c.dispatch('products.list', { limit: 500 }, { door: 'internal' });
    const items = list.ok ? (list.output as { items: { images: string[] }[] }).items : [];
    expect(items.every((p) => p.images.length > 0 && c.media.resolve(p.images[0]!) !== null)).toBe(true);
    const zh = items.filter((p) => /[\u4e00-\u9fff]/.test((p as unknown as { title: string }).title)).length;
    expect(zh).toBeGreaterThan(0);
    expect(zh).toBeLessThan(items.length); // bilingual: Chinese and English products
  });

  it('refuses a product pointing at an image that is not in the media library', async () => {
    const c = core();
    const r = await c.dispatch('products.create', { sku: 'I-1', title: 'x', listPrice: 1, livePrice: 1, images: ['b'.repeat(64)] }, { door: 'internal' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const list = await c.dispatch('products.list', {}, { door: 'internal' });
    expect(list.ok && (list.output as { total: number }).total).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { bundleBytes, sampleBundle } from '../../helpers/plan-bundle';
import { call, failure, footprint, freshCore, normalizedShow } from './helpers';

const b64 = (b: Buffer | string) => (typeof b === 'string' ? b : b.toString('base64'));

async function demoShow(core: Core) {
  await call(core, 'demo.load', {});
  const shows = await call(core, 'shows.list', {});
  return shows.find((s) => s.platform === 'douyin')!;
}

describe('plan bundles (real SQLite, real media files)', () => {
  it('carries the affiliate fields of the products a plan names (issue 13)', async () => {
    const source = freshCore();
    const show = await demoShow(source);
    const plan = await call(source, 'shows.get', { id: show.id });
    const productId = plan.segments.flatMap((s: { cues: { productId: string | null }[] }) => s.cues).find((c: { productId: string | null }) => c.productId)!.productId!;
    const fields = { commissionRate: 2050, couponAmount: 3000, priceAfterCoupon: 11900, shopName: '花西子官方旗舰店', platformIds: { douyin: '3720001', taobao: '652300000001' }, costPrice: 4000, monthlySales: 12000 };
    await call(source, 'products.update', { id: productId, ...fields });
    const file = await call(source, 'shows.bundle.export', { id: show.id });
    const bundled = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')).products.find((p: { id: string }) => p.id === productId);
    expect(bundled).toMatchObject(fields);
    const target = freshCore();
    await call(target, 'bundles.import', { contentBase64: file.contentBase64 });
    expect(await call(target, 'products.get', { id: productId })).toMatchObject(fields);
  });

  it('export → import into a fresh data directory gives an identical plan, products, hosts and images', async () => {
    const source = freshCore();
    const show = await demoShow(source);
    const file = await call(source, 'shows.bundle.export', { id: show.id });
    expect(file.fileName).toMatch(/\.cuecart-plan\.json$/);
    const target = freshCore();
    const result = await call(target, 'bundles.import', { contentBase64: file.contentBase64 });
    expect(result.showId).toBe(show.id); // ids kept when free
    expect(result.products.created).toBeGreaterThan(5);
    const before = await normalizedShow(source, show.id);
    const after = await normalizedShow(target, result.showId);
    // Hosts: the target has only the bundle's; compare those.
    const { hosts: hostsBefore, ...restBefore } = before as { hosts: { id: string }[] };
    const { hosts: hostsAfter, ...restAfter } = after as { hosts: { id: string }[] };
    expect(restAfter).toEqual(restBefore);
    expect(hostsAfter).toEqual(hostsBefore.filter((h) => hostsAfter.some((x) => x.id === h.id)));
    // Every image came across and is served from the target's media store.
    const detail = await call(target, 'shows.get', { id: result.showId });
    for (const p of detail.products) for (const h of p.images) expect(target.media.exists(h)).toBe(true);
    // The catalog search sees the imported products.
    expect((await call(target, 'products.list', { q: detail.products[0]!.sku })).total).toBe(1);
  });

  it('asks about existing SKUs and hosts, then keeps, updates or copies them as chosen', async () => {
    const core = freshCore();
    const bytes = bundleBytes(sampleBundle());
    await call(core, 'products.create', { sku: 'BND-1', title: '本机的面霜', listPrice: 100, livePrice: 90 });
    await call(core, 'hosts.create', { name: '小溪', title: '本机头衔' });
    const preview = await call(core, 'bundles.preview', { contentBase64: b64(bytes) });
    expect(preview).toMatchObject({
      products: { total: 1, existing: [{ sku: 'BND-1', title: '面霜', localTitle: '本机的面霜' }] },
      hosts: { total: 1, existing: [{ name: '小溪' }] },
      media: 2,
    });

    const kept = await call(core, 'bundles.import', { contentBase64: b64(bytes), onConflict: 'keep' });
    expect(kept.products).toEqual({ created: 0, updated: 0, kept: 1, copied: 0 });
    expect((await call(core, 'products.list', { q: 'BND-1' })).items[0]!.title).toBe('本机的面霜');

    const updated = await call(core, 'bundles.import', { contentBase64: b64(bytes), onConflict: 'update' });
    expect(updated.hosts).toMatchObject({ updated: 1 });
    const product = (await call(core, 'products.list', { q: 'BND-1' })).items.find((p) => p.sku === 'BND-1')!;
    expect(product).toMatchObject({ title: '面霜', livePrice: 12900, variants: [{ sku: 'BND-1-S' }] });

    const copied = await call(core, 'bundles.import', { contentBase64: b64(bytes), onConflict: 'copy' });
    expect(copied.products).toEqual({ created: 0, updated: 0, kept: 0, copied: 1 });
    const copy = await call(core, 'shows.get', { id: copied.showId });
    expect(copy.products[0]).toMatchObject({ sku: 'BND-1-copy', variants: [{ sku: 'BND-1-S-copy' }] });
    // Each import is its own show; the three are distinct, with distinct cue ids.
    const ids = new Set([kept.showId, updated.showId, copied.showId]);
    expect(ids.size).toBe(3);
    expect((await call(core, 'hosts.list', {})).filter((h) => h.name === '小溪')).toHaveLength(2);
  });

  it('refuses damaged and foreign bundles with a reason, writing nothing', async () => {
    const core = freshCore();
    await demoShow(core);
    const before = footprint(core);
    const good = bundleBytes(sampleBundle());
    const cases: [Buffer, string][] = [
      [good.subarray(0, good.length - 100), 'damaged'],
      [Buffer.from('{"format":"something.else","version":1}'), 'foreign'],
      [bundleBytes({ ...sampleBundle(), version: 9 }), 'newer_version'],
      [bundleBytes({ ...sampleBundle(), products: [] }), 'invalid'],
    ];
    for (const [bytes, reason] of cases) {
      const error = await failure(call(core, 'bundles.import', { contentBase64: b64(bytes) }));
      expect(error, reason).toMatchObject({ code: 'BAD_INPUT', details: { reason } });
    }
    expect(footprint(core)).toEqual(before);
  });

  it('rolls back everything when a conflict shows up half-way (nothing half-imported)', async () => {
    const core = freshCore();
    const bundle = sampleBundle();
    // A second product whose variant SKU belongs to a product already here: found after the first product is written.
    bundle.products.push({ ...bundle.products[0], id: 'prd_b2', sku: 'BND-2', variants: [{ sku: 'TAKEN-V', listPrice: 1, livePrice: 1 }] });
    await call(core, 'products.create', { sku: 'LOCAL', title: 'local', listPrice: 1, livePrice: 1, variants: [{ sku: 'TAKEN-V', listPrice: 1, livePrice: 1 }] });
    const before = footprint(core);
    const error = await failure(call(core, 'bundles.import', { contentBase64: b64(bundleBytes(bundle)), onConflict: 'update' }));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'variant_sku', sku: 'TAKEN-V' } });
    expect(footprint(core)).toEqual(before);
    expect((await call(core, 'products.list', { q: 'BND-1' })).total).toBe(0);
  });
});

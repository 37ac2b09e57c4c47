import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { tempDataDir } from '../../helpers/serve';
import { call } from '../../helpers/live';

// The demo workspace's past shows: real runs in live.db (through the runner's DAO) and the
// platform's files imported, so Recaps is never empty at first look.

let core: Core;
let dir: string;
beforeAll(async () => {
  dir = tempDataDir('cuecart-recap-demo-');
  core = createCore({ dataDir: dir });
  await call(core, 'demo.load');
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo recaps', () => {
  it('lists two past Douyin shows with runs and platform data, the newer compared with the older', async () => {
    const list = await call(core, 'recaps.list', {});
    const past = list.filter((r) => r.runId !== null);
    expect(past.map((r) => r.title)).toEqual(['小溪美妆夜 · 宠粉福利专场', '小溪美妆夜 · 换季护肤专场']);
    expect(past[0]!.imports.sort()).toEqual(['curve', 'products', 'totals', 'traffic']);
    expect(past[1]!.imports.sort()).toEqual(['products', 'totals']);
    const r = await call(core, 'recaps.get', { id: past[0]!.showId });
    expect(r.run).toMatchObject({ state: 'ended' });
    expect(r.previous?.title).toBe('小溪美妆夜 · 换季护肤专场');
    expect(r.metrics.gmv).toBe(52_961_540); // ￥529,615.40 from the show totals
    // 8 of 13 planned cues within ±10 % (see resources/demo/recap/runs.json).
    expect(r.metrics.planAdherence).toBeCloseTo(8 / 13, 10);
    expect(r.timeline.cues.filter((c) => c.adHoc).map((c) => c.title)).toEqual(['返场 · 玻尿酸保湿面霜']);
    expect(r.timeline.cues.filter((c) => c.status === 'skipped')).toHaveLength(1);
    expect(r.timeline.markers.map((m) => m.label)).toEqual(['库存告急，补货500', '口红售罄', '福袋开奖']);
    expect(r.timeline.outages).toEqual([expect.objectContaining({ kind: 'obs', ms: 42_000 })]);
    expect(r.timeline.obsFailures).toHaveLength(1);
    expect(r.products.filter((p) => p.productId === null).map((p) => p.title)).toEqual(['小溪同款 化妆刷5件套']);
    expect(r.products.find((p) => p.sku === 'CC-SK-001')).toMatchObject({ pitches: 2, gmv: 23_601_400 });
    expect(r.curve!.t.length).toBeGreaterThan(100);
    expect(r.flags.map((f) => f.code)).toContain('gmv_mismatch');
    expect((await call(core, 'live.runs', { rehearsal: false })).length).toBe(2);
  });

  it('offers its platform files to try the import with, one per kind', async () => {
    const files = await call(core, 'recaps.demoFiles', {});
    expect(files.map((f) => f.kind)).toEqual(['products', 'totals', 'curve', 'traffic']);
  });

  it('loads again without doubling anything', async () => {
    await call(core, 'demo.load');
    const past = (await call(core, 'recaps.list', {})).filter((r) => r.runId !== null);
    expect(past).toHaveLength(2);
  });
});

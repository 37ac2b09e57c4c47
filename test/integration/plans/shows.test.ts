import { describe, expect, it } from 'vitest';
import { CUE_SCHEMAS } from '../../../electron/contract';
import { tinyPng } from '../../helpers/plan-bundle';
import { call, failure, freshCore } from './helpers';

const START = Date.UTC(2026, 10, 25, 12); // 20:00 in Shanghai

async function seed() {
  const core = freshCore();
  const avatar = await call(core, 'media.upload', { contentBase64: tinyPng(7).toString('base64') });
  const host = await call(core, 'hosts.create', { name: '林小溪', title: '首席美妆官', handle: '@xiaoxi', role: 'host', avatar: avatar.hash });
  const p1 = await call(core, 'products.create', { sku: 'S-1', title: '面霜', listPrice: 29900, livePrice: 19900, role: 'hero', stock: 100 });
  const p2 = await call(core, 'products.create', { sku: 'S-2', title: '洁面', listPrice: 6900, livePrice: 990, role: 'traffic' });
  return { core, host, p1, p2 };
}

describe('hosts (real SQLite)', () => {
  it('creates, edits and deletes a host with an uploaded avatar; refuses unknown images and non-images', async () => {
    const { core, host } = await seed();
    expect(host).toMatchObject({ name: '林小溪', role: 'host', avatar: expect.stringMatching(/^[a-f0-9]{64}$/) });
    const edited = await call(core, 'hosts.update', { id: host.id, role: 'assistant', title: '选品助播' });
    expect(edited).toMatchObject({ role: 'assistant', title: '选品助播', name: '林小溪' });
    expect((await failure(call(core, 'hosts.create', { name: 'x', avatar: 'a'.repeat(64) }))).code).toBe('BAD_INPUT');
    expect((await failure(call(core, 'media.upload', { contentBase64: Buffer.from('<svg onload=alert(1)>').toString('base64') }))).details).toMatchObject({ reason: 'not_image' });
    expect(await call(core, 'hosts.delete', { id: host.id })).toEqual({ id: host.id });
    expect((await failure(call(core, 'hosts.get', { id: host.id }))).code).toBe('NOT_FOUND');
  });
});

describe('shows and plans (real SQLite)', () => {
  it('creates a show with segments and cues, and reads it back with planned start times and checks', async () => {
    const { core, host, p1, p2 } = await seed();
    const show = await call(core, 'shows.create', {
      title: '双11 预热',
      platform: 'xiaohongshu',
      startAt: START,
      timeZone: 'Asia/Shanghai',
      plannedLengthMs: 20 * 60_000,
      hostIds: [host.id],
      segments: [
        { id: 'a', title: '开场', cues: [{ id: 'c1', kind: 'generic', durationMs: 5 * 60_000 }] },
        {
          id: 'b',
          title: '过款',
          cues: [
            { id: 'c2', kind: 'pitch', productId: p1.id, durationMs: 10 * 60_000, livePrice: 31900, mechanism: '满199减30' },
            { id: 'c3', kind: 'flash_sale', productId: p2.id, durationMs: 8 * 60_000, seconds: 60, quantity: 200, price: 990 },
          ],
        },
      ],
    });
    expect(show).toMatchObject({ cueCount: 3, totalMs: 23 * 60_000, revision: 1, isTemplate: false });
    const d = await call(core, 'shows.get', { id: show.id });
    const cues = d.segments.flatMap((s) => s.cues);
    expect(cues.map((c) => c.offsetMs)).toEqual([0, 5 * 60_000, 15 * 60_000]);
    expect(cues.map((c) => c.startAt - START)).toEqual([0, 5 * 60_000, 15 * 60_000]);
    expect(cues[0]!.id).not.toBe('c1'); // ids minted by the core
    expect(d.timing).toEqual({ endAt: START + 23 * 60_000, deltaMs: 3 * 60_000, state: 'over' });
    expect(d.warnings.map((w) => w.code)).toEqual(['price_above_list']);
    expect(d.mix.find((m) => m.role === 'hero')).toMatchObject({ cues: 1, durationMs: 10 * 60_000 });
    expect(d.products.map((p) => p.sku).sort()).toEqual(['S-1', 'S-2']);
  });

  it('saves a reordered plan (also across segments) with the revision it was edited from; a stale save is a CONFLICT', async () => {
    const { core, p1 } = await seed();
    const show = await call(core, 'shows.create', { title: 'x', startAt: START, segments: [{ id: 's', title: 'A', cues: [{ id: 'c', kind: 'generic', durationMs: 1000 }] }] });
    const d = await call(core, 'shows.get', { id: show.id });
    const [a] = d.segments;
    const pitch = CUE_SCHEMAS.pitch.parse({ id: 'cue_newpitch00000001', kind: 'pitch', productId: p1.id, durationMs: 60_000 });
    const fields = { ...d, hostIds: [] };
    const saved = await call(core, 'shows.plan.set', {
      id: show.id,
      baseRevision: d.revision,
      fields,
      segments: [
        { id: 'seg_b_000000000000001', title: 'B', cues: [pitch] },
        { id: a!.id, title: 'A', cues: a!.cues },
      ],
    });
    expect(saved.revision).toBe(d.revision + 1);
    const after = await call(core, 'shows.get', { id: show.id });
    expect(after.segments.map((s) => [s.title, s.cues.map((c) => c.id)])).toEqual([
      ['B', ['cue_newpitch00000001']],
      ['A', [a!.cues[0]!.id]],
    ]);
    const stale = await failure(call(core, 'shows.plan.set', { id: show.id, baseRevision: d.revision, fields, segments: [] }));
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { reason: 'revision', revision: saved.revision } });
    expect((await call(core, 'shows.get', { id: show.id })).cueCount).toBe(2);
  });

  it('refuses a plan naming a missing product or host, and ids that belong to another show', async () => {
    const { core } = await seed();
    const one = await call(core, 'shows.create', { title: 'one', startAt: START, segments: [{ id: 's', cues: [{ id: 'c', kind: 'generic' }] }] });
    const two = await call(core, 'shows.create', { title: 'two', startAt: START });
    const d1 = await call(core, 'shows.get', { id: one.id });
    const d2 = await call(core, 'shows.get', { id: two.id });
    const missing = await failure(
      call(core, 'shows.plan.set', { id: two.id, baseRevision: d2.revision, fields: d2, segments: [{ id: 'seg_x', cues: [{ id: 'cue_x', kind: 'pitch', productId: 'prd_gone' }] }] }),
    );
    expect(missing).toMatchObject({ code: 'BAD_INPUT', details: { issues: [{ path: ['segments', 0, 'cues', 0, 'productId'], code: 'unknown_product' }] } });
    const stolen = await failure(
      call(core, 'shows.plan.set', { id: two.id, baseRevision: d2.revision, fields: d2, segments: [{ id: 'seg_y', cues: [{ id: d1.segments[0]!.cues[0]!.id, kind: 'generic' }] }] }),
    );
    expect(stolen).toMatchObject({ code: 'CONFLICT', details: { reason: 'id_taken' } });
    expect((await call(core, 'shows.get', { id: one.id })).cueCount).toBe(1);
  });

  it('updates fields with a revision check, duplicates, saves as template and starts a show from it', async () => {
    const { core, host } = await seed();
    const show = await call(core, 'shows.create', { title: '周五专场', startAt: START, hostIds: [host.id], segments: [{ id: 's', title: '开场', cues: [{ id: 'c', kind: 'generic', durationMs: 60_000 }] }] });
    const ready = await call(core, 'shows.update', { id: show.id, status: 'ready', baseRevision: show.revision });
    expect(ready).toMatchObject({ status: 'ready', revision: show.revision + 1 });
    expect((await failure(call(core, 'shows.update', { id: show.id, status: 'live', baseRevision: show.revision }))).code).toBe('CONFLICT');

    const template = await call(core, 'shows.duplicate', { id: show.id, asTemplate: true });
    expect(template).toMatchObject({ isTemplate: true, status: 'draft', cueCount: 1, hostIds: [host.id] });
    expect((await call(core, 'shows.list', {})).map((s) => s.id)).toEqual([show.id]);
    expect((await call(core, 'shows.list', { templates: true })).map((s) => s.id)).toEqual([template.id]);

    const next = await call(core, 'shows.duplicate', { id: template.id, asTemplate: false, title: '下周五专场', startAt: START + 7 * 86_400_000 });
    expect(next).toMatchObject({ isTemplate: false, title: '下周五专场', cueCount: 1 });
    const [a, b] = await Promise.all([call(core, 'shows.get', { id: show.id }), call(core, 'shows.get', { id: next.id })]);
    expect(b.segments[0]!.cues[0]!.id).not.toBe(a.segments[0]!.cues[0]!.id);
    expect(b.segments[0]!.cues[0]!.startAt).toBe(START + 7 * 86_400_000);

    await call(core, 'hosts.delete', { id: host.id });
    expect((await call(core, 'shows.get', { id: next.id })).hostIds).toEqual([]);
    await call(core, 'shows.delete', { id: show.id });
    expect((await failure(call(core, 'shows.get', { id: show.id }))).code).toBe('NOT_FOUND');
  });

  it('loads the demo workspace into segments and typed cues', async () => {
    const core = freshCore();
    await call(core, 'demo.load', {});
    const [first] = await call(core, 'shows.list', {});
    const d = await call(core, 'shows.get', { id: first!.id });
    expect(d.segments.length).toBeGreaterThan(1);
    expect(d.segments.flatMap((s) => s.cues).some((c) => c.kind === 'pitch' && c.actions.overlays.length > 0)).toBe(true);
    // Loading twice leaves one copy of each show.
    await call(core, 'demo.load', {});
    expect((await call(core, 'shows.list', {})).length).toBe(4); // two upcoming, two past (recaps)
  });
});

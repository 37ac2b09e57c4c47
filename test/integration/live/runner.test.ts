import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { manualClock } from '../../../electron/core/clock';
import { tempDataDir } from '../../helpers/serve';
import { call, codeOf, makeShow } from '../../helpers/live';

// The show runner in the real core (real SQLite files, real migrations, no OBS connected):
// states, Go semantics, the as-run log, and a restart that folds the log back into the run.

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(dataDir: string, clock = manualClock(Date.UTC(2026, 11, 6, 11, 55))) {
  const c = createCore({ dataDir, clock });
  cores.push(c);
  return { core: c, clock };
}
function fresh() {
  const dataDir = tempDataDir('cuecart-live-');
  dirs.push(dataDir);
  return { dataDir, ...open(dataDir) };
}

describe('the show runner', () => {
  it('arms on the first cue without touching what is on air, then Go fires cue by cue', async () => {
    const { core, clock } = fresh();
    const show = await makeShow(core, 4);
    const before = await call(core, 'overlays.get');
    const armed = await call(core, 'live.arm', { id: show.showId });
    expect(armed).toMatchObject({ state: 'armed', currentCueId: null, standbyCueId: show.cueIds[0], startedAt: null });
    expect((await call(core, 'overlays.get')).layers).toEqual(before.layers);

    clock.advance(5 * 60_000); // the show starts at 12:00
    const first = await call(core, 'live.go', { expectedCueId: null });
    expect(first.cueId).toBe(show.cueIds[0]);
    expect(first.position).toMatchObject({ state: 'running', currentCueId: show.cueIds[0], standbyCueId: show.cueIds[1], startedAt: clock.now(), cueStartedAt: clock.now() });
    // The cue's product on the card and sticker, at the cue's live price and stock.
    const card = (await call(core, 'overlays.get')).layers['product-card'];
    expect(card).toMatchObject({ visible: true, content: { productId: show.productIds[0], livePrice: 9_900, stock: 50, perk: '赠小样' } });
    expect((await call(core, 'overlays.get')).layers['price-sticker'].content).toMatchObject({ livePrice: 9_900, mechanism: '满100减10' });
    // No OBS: the Go still happened; the failure is on record, not thrown.
    expect(first.obs).toEqual([]);

    clock.advance(61_000);
    const second = await call(core, 'live.go', { expectedCueId: show.cueIds[0] });
    expect(second.position.currentCueId).toBe(show.cueIds[1]);
    expect((await call(core, 'live.get')).fired[show.cueIds[0]!]).toMatchObject({ count: 1, onAirMs: 61_000 });
  });

  it('refuses a stale Go (409) and a second Go inside the guard, and logs both', async () => {
    const { core, clock } = fresh();
    const show = await makeShow(core, 4);
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.go', { expectedCueId: null });
    // The same seat presses twice (key bounce), its second press already expecting the new cue:
    clock.advance(200);
    expect(await codeOf(core, 'live.go', { expectedCueId: show.cueIds[0] })).toBe('CONFLICT');
    // A slow seat that still thinks nothing is on air, after the guard:
    clock.advance(400);
    expect(await codeOf(core, 'live.go', { expectedCueId: null })).toBe('CONFLICT');
    const view = await call(core, 'live.get');
    expect(view.currentCueId).toBe(show.cueIds[0]);
    expect((await call(core, 'live.go', { expectedCueId: show.cueIds[0] })).cueId).toBe(show.cueIds[1]);
    const kinds = (await call(core, 'live.log', {})).rows.map((r) => r.kind);
    expect(kinds.filter((k) => k === 'go')).toHaveLength(2);
    expect(kinds).toContain('go.stale');
    expect(kinds).toContain('go.ignored');
  });

  it('advances exactly one cue when 20 seats press Go at once with the same expectation', async () => {
    const { core, clock } = fresh();
    const show = await makeShow(core, 5);
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.go', { expectedCueId: null });
    clock.advance(5_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => core.dispatch('live.go', { expectedCueId: show.cueIds[0] }, { door: 'http' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await call(core, 'live.get')).currentCueId).toBe(show.cueIds[1]);
  });

  it('Back re-fires the previous cue, jump fires any cue, skip moves standby past a cue', async () => {
    const { core, clock } = fresh();
    const show = await makeShow(core, 6);
    const [a, b, c, d, e, f] = show.cueIds as [string, string, string, string, string, string];
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.skip', { cueId: b });
    expect((await call(core, 'live.go', {})).cueId).toBe(a);
    clock.advance(1000);
    expect((await call(core, 'live.go', {})).cueId).toBe(c); // b was skipped
    clock.advance(1000);
    const jumped = await call(core, 'live.jump', { cueId: e });
    expect(jumped.position).toMatchObject({ currentCueId: e, standbyCueId: f, previousCueId: c });
    clock.advance(1000);
    const back = await call(core, 'live.back', {});
    expect(back.position).toMatchObject({ currentCueId: c, standbyCueId: d, previousCueId: a });
    expect(await codeOf(core, 'live.skip', { cueId: c })).toBe('CONFLICT'); // on air
    const view = await call(core, 'live.get');
    expect(view.cues.map((x) => x.status)).toEqual(['done', 'skipped', 'current', 'standby', 'done', 'pending']);
  });

  it('re-flows the remaining cues from the actual times and projects the end', async () => {
    const { core, clock } = fresh();
    const show = await makeShow(core, 3);
    await call(core, 'live.arm', { id: show.showId });
    clock.set(Date.UTC(2026, 11, 6, 12, 2)); // starts two minutes late
    await call(core, 'live.go', {});
    clock.advance(90_000); // the first cue runs 30 s over its minute
    const view = await call(core, 'live.get');
    const start = Date.UTC(2026, 11, 6, 12, 2);
    expect(view.plannedEndAt).toBe(Date.UTC(2026, 11, 6, 12, 3));
    expect(view.cues.map((x) => x.startAt)).toEqual([start, start + 90_000, start + 150_000]);
    expect(view.cues.map((x) => x.plannedStartAt)).toEqual([Date.UTC(2026, 11, 6, 12, 0), Date.UTC(2026, 11, 6, 12, 1), Date.UTC(2026, 11, 6, 12, 2)]);
    expect(view.projectedEndAt).toBe(start + 210_000);
  });

  it('one show runs at a time: arming another asks first (409) unless forced', async () => {
    const { core } = fresh();
    const one = await makeShow(core, 2);
    const two = await call(core, 'shows.duplicate', { id: one.showId, title: '第二场' });
    await call(core, 'live.arm', { id: one.showId });
    await call(core, 'live.go', {});
    expect(await codeOf(core, 'live.arm', { id: two.id })).toBe('CONFLICT');
    const forced = await call(core, 'live.arm', { id: two.id, force: true });
    expect(forced).toMatchObject({ state: 'armed', showId: two.id });
    const runs = await call(core, 'live.runs', {});
    expect(runs.map((r) => [r.showId, r.state])).toEqual([
      [two.id, 'armed'],
      [one.showId, 'ended'],
    ]);
  });

  it('keeps the platform checklist, markers, messages and live price on record; the card follows the price', async () => {
    const { core } = fresh();
    const show = await makeShow(core, 2, { cue: () => ({ checklist: ['上架 12 号链接', '开讲解'] }) });
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.go', {});
    await call(core, 'live.checklist.tick', { cueId: show.cueIds[0], index: 1 });
    await call(core, 'live.marker', { label: '爆单' });
    await call(core, 'live.message', { text: '讲赠品' });
    const snap = await call(core, 'live.product.set', { productId: show.productIds[0], livePrice: 8_800, stock: 0 });
    expect(snap.checklist[show.cueIds[0]!]).toEqual([1]);
    expect(snap.markers.map((m) => m.label)).toEqual(['爆单']);
    expect(snap.message?.text).toBe('讲赠品');
    expect(snap.overrides[show.productIds[0]!]).toEqual({ livePrice: 8_800, stock: 0 });
    const layers = (await call(core, 'overlays.get')).layers;
    expect(layers['product-card'].content).toMatchObject({ livePrice: 8_800, stock: 0, soldOut: true });
    expect(layers['price-sticker'].content).toMatchObject({ livePrice: 8_800 });
    expect(await codeOf(core, 'live.checklist.tick', { cueId: show.cueIds[0], index: 5 })).toBe('NOT_FOUND');
  });

  it('inserts an encore (返场) at standby, made like the product\'s last cue', async () => {
    const { core } = fresh();
    const show = await makeShow(core, 3);
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.go', {});
    const snap = await call(core, 'live.cues.insert', { productId: show.productIds[0] });
    const plan = await call(core, 'live.plan');
    const inserted = plan!.cues[1]!;
    expect(inserted).toMatchObject({ adHoc: true, productId: show.productIds[0], kind: 'pitch', livePrice: 9_900 });
    expect(snap.standbyCueId).toBe(inserted.id);
    expect(snap.planVersion).toBe(2);
  });

  it('takes the re-saved plan into the running show on request, and keeps it across a restart', async () => {
    const { core, dataDir, clock } = fresh();
    const show = await makeShow(core, 4);
    const [t1, t2, t3, t4] = show.cueIds as [string, string, string, string];
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.go', {});
    clock.advance(1000);
    const onAir = await call(core, 'live.go', {});
    expect(onAir.position).toMatchObject({ currentCueId: t2, standbyCueId: t3, planBehind: false });

    // The planner edits during the show: new 话术 on the cue on air, t3 moved to the end, a new cue, a longer show.
    const detail = await call(core, 'shows.get', { id: show.showId });
    const cues = detail.segments[0]!.cues;
    const byId = new Map(cues.map((c) => [c.id, c]));
    const added = { id: 'cue_new', kind: 'pitch' as const, title: '加播', productId: show.productIds[0], durationMs: 120_000 };
    await call(core, 'shows.plan.set', {
      id: show.showId,
      baseRevision: detail.revision,
      fields: { ...detail, plannedLengthMs: 10 * 60_000 },
      segments: [{ ...detail.segments[0]!, cues: [byId.get(t1), { ...byId.get(t2), talkingPoints: '先讲赠品' }, byId.get(t4), added, byId.get(t3)] }],
    });
    const behind = await call(core, 'live.get');
    expect(behind).toMatchObject({ planBehind: true, standbyCueId: t3, planVersion: 1 });

    const reloaded = await call(core, 'live.plan.reload');
    expect(reloaded).toMatchObject({ planBehind: false, currentCueId: t2, standbyCueId: t4, planVersion: 2 });
    expect(reloaded.plannedEndAt).toBe(Date.UTC(2026, 11, 6, 12, 0, 0) + 10 * 60_000);
    const plan = await call(core, 'live.plan');
    expect(plan!.cues.map((c) => c.id)).toEqual([t1, t2, t4, 'cue_new', t3]);
    expect(plan!.cues[1]).toMatchObject({ talkingPoints: '先讲赠品' });
    const row = (await call(core, 'live.log', {})).rows.at(-1)!;
    expect(row).toMatchObject({ kind: 'plan.reload', cueId: t2, details: { added: ['cue_new'], removed: [], changed: [t2] } });

    await core.close();
    cores.splice(cores.indexOf(core), 1);
    const again = open(dataDir, clock).core;
    expect(await call(again, 'live.get')).toMatchObject({ currentCueId: t2, standbyCueId: t4, planBehind: false, planVersion: 2 });
    expect((await call(again, 'live.plan'))!.cues.map((c) => c.id)).toEqual([t1, t2, t4, 'cue_new', t3]);
    clock.advance(1000);
    expect((await call(again, 'live.go', {})).cueId).toBe(t4);
  });

  it('survives a restart: the log folds back into the same run, and the resume is on record', async () => {
    const { core, dataDir, clock } = fresh();
    const show = await makeShow(core, 4);
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.go', {});
    clock.advance(1000);
    await call(core, 'live.go', {});
    await call(core, 'live.marker', { label: 'A' });
    const before = await call(core, 'live.get');
    await core.close();
    cores.splice(cores.indexOf(core), 1);

    clock.advance(30_000);
    const again = open(dataDir, clock).core;
    const after = await call(again, 'live.get');
    for (const key of ['runId', 'state', 'currentCueId', 'standbyCueId', 'startedAt', 'cueStartedAt', 'fired', 'markers'] as const) {
      expect(after[key]).toEqual(before[key]);
    }
    const rows = (await call(again, 'live.log', {})).rows;
    expect(rows.at(-1)).toMatchObject({ kind: 'resume', source: 'system', details: { downMs: 30_000 } });
  });

  it('rehearses without touching the overlay pages OBS loads, and marks the run', async () => {
    const { core } = fresh();
    const show = await makeShow(core, 2);
    const before = await call(core, 'overlays.get');
    const armed = await call(core, 'live.arm', { id: show.showId, rehearsal: true });
    expect(armed.rehearsal).toBe(true);
    await call(core, 'live.go', {});
    expect((await call(core, 'overlays.get')).layers).toEqual(before.layers);
    expect((await call(core, 'live.overlays.get')).layers['product-card']).toMatchObject({ visible: true, content: { productId: show.productIds[0] } });
    expect(core.live.previewState()?.layers['product-card'].visible).toBe(true);
    const runs = await call(core, 'live.runs', { rehearsal: false });
    expect(runs).toHaveLength(0);
    expect((await call(core, 'live.runs', { rehearsal: true }))[0]).toMatchObject({ rehearsal: true });
  });

  it('fires the next cue by itself after the auto-go when a cue auto-follows, unless cancelled', async () => {
    const dataDir = tempDataDir('cuecart-live-auto-');
    dirs.push(dataDir);
    const clock = manualClock(Date.UTC(2026, 11, 6, 12));
    const pending: { fn: () => void; at: number }[] = [];
    const c = createCore({
      dataDir,
      clock,
      timers: {
        setTimeout: (fn, ms) => {
          const t = { fn, at: clock.now() + ms };
          pending.push(t);
          return t;
        },
        clearTimeout: (t) => {
          const i = pending.indexOf(t as (typeof pending)[number]);
          if (i >= 0) pending.splice(i, 1);
        },
      },
    });
    cores.push(c);
    const show = await makeShow(c, 3, { cue: () => ({ autoFollow: 'duration', durationMs: 10_000 }) });
    await call(c, 'live.arm', { id: show.showId });
    const go = await call(c, 'live.go', {});
    expect(go.position.autoGo).toEqual({ cueId: show.cueIds[0], nextCueId: show.cueIds[1], startsAt: clock.now() + 10_000, firesAt: clock.now() + 13_000 });
    // Time passes to the auto-go: the next cue fires by itself.
    clock.advance(13_000);
    pending.splice(0).forEach((t) => t.fn());
    await new Promise((r) => setTimeout(r, 10));
    const view = await call(c, 'live.get');
    expect(view.currentCueId).toBe(show.cueIds[1]);
    const autoGo = (await call(c, 'live.log', {})).rows.find((r) => r.kind === 'go' && r.details.trigger === 'auto');
    expect(autoGo).toMatchObject({ source: 'auto', cueId: show.cueIds[1] });
    // Cancelled: nothing fires.
    await call(c, 'live.autogo.cancel', {});
    expect(pending).toHaveLength(0);
    expect((await call(c, 'live.get')).autoGo).toBeNull();
  });

  it('reads cockpit settings saved before the studio-mode Preview setting existed, and a change of one setting keeps the others', async () => {
    const dataDir = tempDataDir('cuecart-live-settings-');
    dirs.push(dataDir);
    const first = open(dataDir).core;
    const older = { ...(await call(first, 'live.settings.get', {})), keys: { go: 'KeyG', back: 'Backspace', hideAll: 'Escape', marker: 'KeyM', cancelAutoGo: 'KeyC' } } as Record<string, unknown>;
    delete older.obsPreviewStandby;
    await first.close();
    cores.splice(cores.indexOf(first), 1);
    const db = new Database(path.join(dataDir, 'cuecart.db'));
    db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('live.settings', ?, 0)").run(JSON.stringify(older));
    db.close();

    const { core } = open(dataDir);
    const read = await call(core, 'live.settings.get', {});
    expect(read.keys.go).toBe('KeyG'); // not thrown away for the defaults
    expect(read.obsPreviewStandby).toBe(true);
    expect((await call(core, 'live.settings.set', { obsPreviewStandby: false })).obsPreviewStandby).toBe(false);
    const after = await call(core, 'live.settings.set', { doubleGoMs: 300 });
    expect(after).toMatchObject({ doubleGoMs: 300, obsPreviewStandby: false, keys: { go: 'KeyG' } });
  });

  it('keeps the as-run log append-only, even against a direct UPDATE or DELETE', async () => {
    const { core, dataDir } = fresh();
    const show = await makeShow(core, 2);
    await call(core, 'live.arm', { id: show.showId });
    await call(core, 'live.go', {});
    const db = new Database(path.join(dataDir, 'live.db'));
    try {
      expect(() => db.prepare("UPDATE run_log SET kind = 'end'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM run_log').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('answers Go with no armed show with a clear 409, and viewers may not write', async () => {
    const { core } = fresh();
    const r = await core.dispatch('live.go', {}, { door: 'http' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/No show is armed/) } });
    const show = await makeShow(core, 2);
    expect(await codeOf(core, 'live.arm', { id: show.showId }, { door: 'http', role: 'viewer' })).toBe('FORBIDDEN');
    expect(await codeOf(core, 'live.get', {}, { door: 'http', role: 'viewer' })).toBe('OK');
  });
});

import { describe, expect, it } from 'vitest';
import type { LogRow, RunCue } from '../../../electron/contract';
import { buildTimeline, planAdherence } from '../../../electron/core/recaps/model/timeline';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const min = 60_000;

function cue(id: string, durationMs: number, productId: string | null = null, checklist: string[] = []): RunCue {
  return { id, kind: 'generic', title: id, productId, durationMs, hostIds: [], notes: '', actions: { scene: '', overlays: [], sources: [], texts: [] }, autoFollow: 'off', checklist, segmentId: 's1', segmentTitle: '过款', adHoc: false } as RunCue;
}
let seq = 0;
const row = (at: number, kind: LogRow['kind'], cueId: string | null, details: Record<string, unknown> = {}): LogRow => ({ seq: ++seq, runId: 'run', at, kind, source: 'desk', cueId, details });

describe('timeline: planned against actual from the as-run log', () => {
  it('puts each cue on air from its go to the next go or the end, with skips, inserts, markers and outages', () => {
    const plan = [cue('a', 10 * min, 'p1', ['上架 1号链接', '开讲解']), cue('b', 5 * min, 'p2'), cue('c', 5 * min), cue('d', 10 * min, 'p1')];
    const rows = [
      row(T0, 'arm', null),
      row(T0 + 2 * min, 'go', 'a'), // starts 2 min late
      row(T0 + 2 * min, 'overlay', 'a', { via: 'cue', op: 'show', kind: 'product-card', productId: 'p1', ok: true }),
      row(T0 + 3 * min, 'checklist', 'a', { index: 0, done: true }),
      row(T0 + 5 * min, 'marker', 'a', { label: '库存告急' }),
      row(T0 + 13 * min, 'go', 'b'), // a ran 11 min: +1 min, within 10 %
      row(T0 + 13 * min, 'overlay', 'b', { via: 'cue', op: 'show', kind: 'product-card', productId: 'p2', ok: true }),
      row(T0 + 14 * min, 'skip', 'c', { skip: true }),
      row(T0 + 15 * min, 'obs.status', 'b', { state: 'disconnected', reason: 'closed' }),
      row(T0 + 15 * min + 40_000, 'obs.status', 'b', { state: 'connected' }),
      row(T0 + 16 * min, 'obs', 'b', { reason: 'reconnect', outcomes: [{ action: 'scene 主画面', ok: false, code: 'not_found', message: 'no scene' }, { action: 'source x', ok: true }] }),
      row(T0 + 20 * min, 'cue.insert', 'e', { cue: { ...cue('e', 3 * min, 'p2'), adHoc: true }, afterCueId: 'b' }),
      row(T0 + 20 * min, 'go', 'e'), // b ran 7 min: +2 min, 40 % over
      row(T0 + 22 * min, 'overlay', 'e', { via: 'desk', op: 'hide', kind: 'product-card', ok: true }),
      row(T0 + 24 * min, 'go', 'd'),
      row(T0 + 30 * min, 'resume', 'd', { lastSeq: 10, downMs: 90_000 }),
      row(T0 + 34 * min, 'go.ignored', 'd', {}),
      row(T0 + 35 * min, 'end', 'd', { reason: 'operator' }), // d ran 11 min
    ];
    const { timeline, airtime } = buildTimeline({ plan, rows, plannedStartAt: T0, openEnd: T0 + 99 * min });
    const byId = Object.fromEntries(timeline.cues.map((c) => [c.id, c]));
    expect(timeline.cues.map((c) => c.id)).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(byId.a).toMatchObject({ plannedStartAt: T0, actualStartAt: T0 + 2 * min, onAirMs: 11 * min, deltaMs: min, withinPlan: true, status: 'aired', markers: 1 });
    expect(byId.a!.checklist).toEqual([{ item: '上架 1号链接', done: true }, { item: '开讲解', done: false }]);
    expect(byId.b).toMatchObject({ plannedStartAt: T0 + 10 * min, onAirMs: 7 * min, deltaMs: 2 * min, withinPlan: false, obsFailures: 1 });
    expect(byId.e).toMatchObject({ adHoc: true, plannedStartAt: null, onAirMs: 4 * min, deltaMs: null, withinPlan: null });
    expect(byId.c).toMatchObject({ status: 'skipped', onAirMs: 0, deltaMs: -5 * min, withinPlan: false });
    expect(byId.d).toMatchObject({ plannedStartAt: T0 + 20 * min, onAirMs: 11 * min, withinPlan: true });
    // a and d within plan; b and c not: 2 of 4 planned cues (e is ad hoc).
    expect(planAdherence(timeline.cues)).toBe(0.5);
    expect(timeline.segments).toEqual([{ id: 's1', title: '过款', plannedMs: 30 * min, actualMs: 33 * min, deltaMs: 3 * min, cues: 5 }]);
    expect(timeline.outages).toEqual([
      { kind: 'obs', startAt: T0 + 15 * min, endAt: T0 + 15 * min + 40_000, ms: 40_000, reason: 'closed' },
      { kind: 'app', startAt: T0 + 30 * min - 90_000, endAt: T0 + 30 * min, ms: 90_000, reason: null },
    ]);
    expect(timeline.obsFailures).toHaveLength(1);
    expect(timeline.ignoredGos).toBe(1);
    // p1: cues a (11 min) + d (11 min), pitched twice; its card from 2' to 13' (11 min).
    expect(airtime.get('p1')).toEqual({ onAirMs: 22 * min, cardMs: 11 * min, pitches: 2, firstAt: T0 + 2 * min });
    // p2: b (7) + e (4) = 11 min; card from 13' until hidden at 22' = 9 min.
    expect(airtime.get('p2')).toEqual({ onAirMs: 11 * min, cardMs: 9 * min, pitches: 2, firstAt: T0 + 13 * min });
  });

  it('plans from the rundown a mid-show plan reload logged, and keeps what aired before it', () => {
    const plan = [cue('a', 10 * min), cue('b', 10 * min), cue('c', 10 * min)];
    const reloaded = [cue('a', 10 * min), cue('c', 5 * min), cue('n', 10 * min)]; // b dropped, c shortened, n added
    const rows = [
      row(T0, 'go', 'a'),
      row(T0 + 5 * min, 'skip', 'b', { skip: true }),
      row(T0 + 6 * min, 'plan.reload', 'a', { cues: reloaded, added: ['n'], removed: ['b'], changed: ['c'], skipped: [] }),
      row(T0 + 10 * min, 'go', 'c'),
      row(T0 + 15 * min, 'go', 'n'),
      row(T0 + 25 * min, 'end', 'n'),
    ];
    const { timeline } = buildTimeline({ plan, rows, plannedStartAt: T0, openEnd: T0 + 99 * min });
    expect(timeline.cues.map((c) => [c.id, c.plannedStartAt, c.onAirMs, c.status])).toEqual([
      ['a', T0, 10 * min, 'aired'],
      ['c', T0 + 10 * min, 5 * min, 'aired'],
      ['n', T0 + 15 * min, 10 * min, 'aired'],
    ]);
  });

  it('counts a run still on air up to the open end', () => {
    const { timeline } = buildTimeline({ plan: [cue('a', min)], rows: [row(T0, 'go', 'a')], plannedStartAt: T0, openEnd: T0 + 30_000 });
    expect(timeline.cues[0]).toMatchObject({ onAirMs: 30_000, status: 'aired' });
  });
});

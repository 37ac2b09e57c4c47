import { describe, expect, it } from 'vitest';
import type { CueFired, LogRow, RunCue } from '../../../electron/contract';
import { mergeRundown } from '../../../electron/core/live/plan-reload';
import { modelFromLog, standbyOf } from '../../../electron/core/live/run-model';
import type { RunRecord } from '../../../electron/core/live/run-log.dao';

const BASE = {
  kind: 'pitch',
  productId: null,
  durationMs: 60_000,
  hostIds: [],
  notes: '',
  actions: { scene: '', overlays: [], sources: [], texts: [] },
  autoFollow: 'off',
  checklist: [],
  livePrice: null,
  stock: null,
  mechanism: '',
  perk: '',
  talkingPoints: '',
  segmentId: 'seg',
  segmentTitle: 'Segment',
  adHoc: false,
};
const cue = (id: string, extra: Partial<RunCue> = {}) => ({ ...BASE, id, title: id.toUpperCase(), ...extra }) as RunCue;
const encore = (id: string) => cue(id, { adHoc: true, title: `${id} (encore)` });
const onAir: CueFired = { firstAt: 1, lastAt: 1, count: 1, onAirMs: 0 };
const fired = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, onAir]));
const ids = (cues: RunCue[]) => cues.map((c) => c.id);

describe('mergeRundown: a running show takes its re-saved plan', () => {
  it('before the first Go the rundown is the plan, encores kept first in line', () => {
    const m = mergeRundown({ cues: [encore('e1'), cue('a'), cue('b')], currentCueId: null, fired: {} }, [cue('b'), cue('c'), cue('a')]);
    expect(ids(m.cues)).toEqual(['e1', 'b', 'c', 'a']);
    expect(m).toMatchObject({ added: ['c'], removed: [], changed: [], skipped: [] });
  });

  it('keeps every cue up to the one on air in place (text refreshed) and follows the new order after it', () => {
    const old = [cue('a'), cue('b'), cue('c'), cue('d'), cue('e')];
    const plan = [cue('a'), cue('c', { talkingPoints: '讲赠品', livePrice: 7_900 }), cue('x'), cue('e'), cue('d')];
    const m = mergeRundown({ cues: old, currentCueId: 'c', fired: fired('a', 'b', 'c') }, plan);
    // b left the plan but was on air: it stays where it was. c is refreshed in place.
    expect(ids(m.cues)).toEqual(['a', 'b', 'c', 'x', 'e', 'd']);
    expect(m.cues[2]).toMatchObject({ talkingPoints: '讲赠品', livePrice: 7_900 });
    expect(m).toMatchObject({ added: ['x'], removed: [], changed: ['c'], skipped: [] });
  });

  it('drops cues the plan deleted that never went on air, above or ahead', () => {
    const old = [cue('a'), cue('skipped'), cue('c'), cue('d'), cue('gone')];
    const m = mergeRundown({ cues: old, currentCueId: 'c', fired: fired('a', 'c') }, [cue('a'), cue('c'), cue('d')]);
    expect(ids(m.cues)).toEqual(['a', 'c', 'd']);
    expect(m.removed).toEqual(['skipped', 'gone']);
  });

  it('moves an encore with the cue it followed, or first in line when that cue is gone', () => {
    const old = [cue('a'), cue('b'), encore('e1'), cue('c'), cue('d')];
    const reordered = mergeRundown({ cues: old, currentCueId: 'a', fired: fired('a') }, [cue('a'), cue('d'), cue('c'), cue('b')]);
    expect(ids(reordered.cues)).toEqual(['a', 'd', 'c', 'b', 'e1']);
    const without = mergeRundown({ cues: old, currentCueId: 'a', fired: fired('a') }, [cue('a'), cue('d'), cue('c')]);
    expect(ids(without.cues)).toEqual(['a', 'e1', 'd', 'c']);
    expect(without.removed).toEqual(['b']);
  });

  it('keeps a cue ahead that was on air before a Back, at the end and skipped, when the plan dropped it', () => {
    const old = [cue('a'), cue('b'), cue('c')];
    const m = mergeRundown({ cues: old, currentCueId: 'a', fired: fired('a', 'b') }, [cue('a'), cue('c'), cue('n')]);
    expect(ids(m.cues)).toEqual(['a', 'c', 'n', 'b']);
    expect(m.skipped).toEqual(['b']);
  });
});

describe('the plan.reload row', () => {
  const run: RunRecord = {
    id: 'run_1',
    showId: 'show_1',
    showTitle: 'Show',
    platform: 'douyin',
    canvas: '16:9',
    rehearsal: false,
    armedAt: 0,
    state: 'running',
    startedAt: 10,
    endedAt: null,
    show: { startAt: 1_000, plannedLengthMs: 3_600_000, timeZone: 'Asia/Shanghai', revision: 4 },
    plan: [cue('a'), cue('b'), cue('c')],
  };
  const row = (seq: number, kind: LogRow['kind'], cueId: string | null, details: Record<string, unknown> = {}): LogRow => ({ seq, runId: run.id, at: seq * 1_000, kind, source: 'desk', cueId, details });

  it('keeps the last on-air OBS outcome when a studio-mode Preview set follows it', () => {
    const failed = { reason: 'cue', outcomes: [{ action: 'scene Product', ok: false, code: 'not_found', message: 'There is no scene' }] };
    const model = modelFromLog(run, [row(1, 'arm', null), row(2, 'go', 'a', { mode: 'next' }), row(3, 'obs', 'a', failed), row(4, 'obs', 'b', { reason: 'preview', outcomes: [{ action: 'preview Main', ok: true }] })]);
    expect(model.lastObs).toMatchObject({ seq: 3, reason: 'cue', outcomes: failed.outcomes });
    expect(model.lastPreview).toEqual({ seq: 4, at: 4_000, cueId: 'b', outcomes: [{ action: 'preview Main', ok: true }] });
  });

  it('keeps a refused Preview set in its own slot, replaced by the next one', () => {
    const refused = { reason: 'preview', outcomes: [{ action: 'preview Main', ok: false, code: 'not_found', message: 'No scene Main' }] };
    const rows = [row(1, 'arm', null), row(2, 'go', 'a', { mode: 'next' }), row(3, 'obs', 'a', { reason: 'cue', outcomes: [{ action: 'scene Product', ok: true }] }), row(4, 'obs', 'b', refused)];
    const model = modelFromLog(run, rows);
    expect(model.lastPreview).toMatchObject({ seq: 4, cueId: 'b', outcomes: refused.outcomes });
    expect(model.lastObs).toMatchObject({ seq: 3, outcomes: [{ ok: true }] });
    const later = modelFromLog(run, [...rows, row(5, 'go', 'b', { mode: 'next' }), row(6, 'obs', 'c', { reason: 'preview', outcomes: [{ action: 'preview Product', ok: true }] })]);
    expect(later.lastPreview).toMatchObject({ seq: 6, cueId: 'c', outcomes: [{ ok: true }] });
  });

  it('is folded the same way at once and after a restart: rundown, skips, planned end, revision, standby', () => {
    const merge = mergeRundown({ cues: run.plan, currentCueId: 'a', fired: fired('a') }, [cue('a'), cue('c'), cue('b'), cue('d')]);
    const rows = [
      row(1, 'arm', null),
      row(2, 'go', 'a', { mode: 'next' }),
      row(3, 'skip', 'b', { skip: true }),
      row(4, 'plan.reload', 'a', { revision: 7, header: { startAt: 2_000, plannedLengthMs: 7_200_000, timeZone: 'UTC', revision: 7 }, ...merge }),
    ];
    const model = modelFromLog(run, rows);
    expect(ids(model.cues)).toEqual(['a', 'c', 'b', 'd']);
    expect([...model.skipped]).toEqual(['b']);
    expect(standbyOf(model)).toBe('c');
    expect(model).toMatchObject({ planVersion: 2, showRevision: 7, plannedStartAt: 2_000, plannedEndAt: 7_202_000, timeZone: 'UTC', currentCueId: 'a' });
    // The armed plan is the starting point; the row alone carries the new rundown.
    expect(modelFromLog(run, rows.slice(0, 3)).showRevision).toBe(4);
  });
});

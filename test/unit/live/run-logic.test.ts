import { describe, expect, it } from 'vitest';
import { projectSchedule, type ObsMirror, type RunCue } from '../../../electron/contract';
import { obsActionsOf, fillTemplate } from '../../../electron/core/live/cue-fire';
import { driftOf, expectedOnAir, reapplyActions } from '../../../electron/core/live/on-air';

const cue = (id: string, actions: Partial<RunCue['actions']> = {}, extra: Partial<RunCue> = {}): RunCue =>
  ({
    id,
    kind: 'pitch',
    title: id,
    productId: null,
    durationMs: 60_000,
    hostIds: [],
    notes: '',
    actions: { scene: '', overlays: [], sources: [], texts: [], ...actions },
    autoFollow: 'off',
    checklist: [],
    livePrice: null,
    stock: null,
    mechanism: '',
    perk: '',
    talkingPoints: '',
    segmentId: 's',
    segmentTitle: '',
    adHoc: false,
    ...extra,
  }) as RunCue;

describe('projectSchedule (re-flow from actual times)', () => {
  const cues = [cue('a'), cue('b'), cue('c'), { ...cue('x'), adHoc: true, durationMs: 30_000 }, cue('d')];
  it('plans from the show start and skips ad-hoc cues in the plan', () => {
    const s = projectSchedule(cues, { state: 'armed', currentCueId: null, cueStartedAt: null, plannedStartAt: 1000, endedAt: null, fired: {}, skipped: [] }, 0);
    expect(cues.map((c) => s.cues.get(c.id)!.plannedStartAt)).toEqual([1000, 61_000, 121_000, null, 181_000]);
    expect(s.projectedEndAt).toBe(1000 + 270_000);
  });

  it('pushes the cues still to come when the cue on air runs over, and leaves skipped ones out', () => {
    const s = projectSchedule(
      cues,
      { state: 'running', currentCueId: 'b', cueStartedAt: 100_000, plannedStartAt: 0, endedAt: null, fired: { a: { lastAt: 10_000 }, b: { lastAt: 100_000 } }, skipped: ['c'] },
      190_000, // b is 30 s over its minute
    );
    expect(cues.map((c) => s.cues.get(c.id)!.startAt)).toEqual([10_000, 100_000, null, 190_000, 220_000]);
    expect(s.projectedEndAt).toBe(280_000);
  });

  it('freezes at the end', () => {
    const s = projectSchedule(cues, { state: 'ended', currentCueId: 'a', cueStartedAt: 5, plannedStartAt: 0, endedAt: 9_000, fired: { a: { lastAt: 5 } }, skipped: [] }, 99_999);
    expect(s.projectedEndAt).toBe(9_000);
  });
});

describe('what is on air according to the log', () => {
  const a = cue('a', { scene: 'Main', sources: [{ scene: '', source: 'Logo', visible: true }] });
  const b = cue('b', { sources: [{ scene: '', source: 'Title', visible: false }], texts: [{ input: 'Price', text: '{price}' }] }, { livePrice: 9_900 } as Partial<RunCue>);
  const byId = new Map([a, b].map((c) => [c.id, c]));

  it('puts a cue without a scene into the scene on air, and fills text templates', () => {
    expect(obsActionsOf(b, null, undefined, 'Main', 'program')).toEqual([
      { type: 'setSourceVisible', scene: 'Main', source: 'Title', visible: false },
      { type: 'setText', input: 'Price', text: '¥99' },
    ]);
    expect(fillTemplate('{title}|{unknown}', b, null, undefined)).toBe('|{unknown}');
  });

  it('folds the fired cues into one picture and finds where OBS differs', () => {
    const onAir = expectedOnAir(['a', 'b'], (id) => byId.get(id), () => null, () => undefined);
    expect(reapplyActions(onAir, 'program')).toEqual([
      { type: 'switchScene', scene: 'Main', mode: 'program' },
      { type: 'setSourceVisible', scene: 'Main', source: 'Logo', visible: true },
      { type: 'setSourceVisible', scene: 'Main', source: 'Title', visible: false },
      { type: 'setText', input: 'Price', text: '¥99' },
    ]);
    const item = (sourceName: string, enabled: boolean, children?: unknown[]) => ({ id: 1, sourceName, sourceType: 'input', inputKind: null, enabled, index: 0, ...(children ? { children } : {}) });
    const mirror = {
      ready: true,
      programScene: 'Other',
      scenes: [{ name: 'Main', items: [item('Group', true, [item('Logo', false)]), item('Title', false)] }],
    } as unknown as ObsMirror;
    expect(driftOf(onAir, mirror, 5)).toEqual({
      at: 5,
      scene: { expected: 'Main', actual: 'Other' },
      sources: [{ scene: 'Main', source: 'Logo', expected: true, actual: false }],
    });
    expect(driftOf(onAir, { ...mirror, programScene: 'Main', scenes: [{ name: 'Main', items: [item('Logo', true), item('Title', false)] }] } as unknown as ObsMirror, 5)).toBeNull();
  });
});

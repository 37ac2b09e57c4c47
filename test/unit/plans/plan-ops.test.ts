import { describe, expect, it } from 'vitest';
import { CUE_SCHEMAS, type Segment } from '../../../electron/contract';
import type { Plan } from '../../../renderer/src/features/shows/editor/plan-model';
import {
  applyFlatOrder,
  flatOrder,
  deleteCues,
  duplicateCues,
  moveCuesTo,
  nudgeCues,
  removeSegment,
  updateCue,
} from '../../../renderer/src/features/shows/editor/plan-ops';
import { click, prune, step, targets, emptySelection } from '../../../renderer/src/features/shows/editor/selection';

const cue = (id: string) => CUE_SCHEMAS.generic.parse({ id, kind: 'generic', durationMs: 60_000 });
const seg = (id: string, cues: string[]): Segment => ({ id, title: id, cues: cues.map(cue) });
const plan = (...segments: Segment[]): Plan => ({
  fields: { title: 't', platform: 'douyin', startAt: 0, timeZone: '', plannedLengthMs: 0, status: 'draft', canvas: '9:16', goalGmv: null, goalOrders: null, notes: '', hostIds: [] },
  segments,
});
const shape = (p: Plan) => p.segments.map((s) => `${s.id}:${s.cues.map((c) => c.id).join(',')}`).join(' | ');

describe('plan edits', () => {
  const p = plan(seg('A', ['a1', 'a2']), seg('B', ['b1', 'b2', 'b3']), seg('C', []));

  it('moves a cue down into the next segment and up across a header (drag and drop)', () => {
    expect(shape(moveCuesTo(p, ['a1'], 'seg:B', true))).toBe('A:a2 | B:a1,b1,b2,b3 | C:');
    expect(shape(moveCuesTo(p, ['b1'], 'seg:B', false))).toBe('A:a1,a2,b1 | B:b2,b3 | C:');
    expect(shape(moveCuesTo(p, ['b3'], 'seg:C', true))).toBe('A:a1,a2 | B:b1,b2 | C:b3');
    expect(shape(moveCuesTo(p, ['b3'], 'a1', false))).toBe('A:b3,a1,a2 | B:b1,b2 | C:');
  });

  it('moves a multi-selection together, keeping its order', () => {
    expect(shape(moveCuesTo(p, ['a1', 'b2'], 'b3', true))).toBe('A:a2 | B:b1,b3,a1,b2 | C:');
  });

  it('nudges the selection one row at a time, across segment borders, and stops at the ends', () => {
    let q = nudgeCues(p, new Set(['a2']), 1);
    expect(shape(q)).toBe('A:a1 | B:a2,b1,b2,b3 | C:');
    q = nudgeCues(q, new Set(['a2']), -1);
    expect(shape(q)).toBe('A:a1,a2 | B:b1,b2,b3 | C:');
    expect(nudgeCues(p, new Set(['a1']), -1)).toBe(p);
  });

  it('keeps untouched segments and cues as the same objects (cheap undo snapshots)', () => {
    const q = moveCuesTo(p, ['b1'], 'b3', true);
    expect(q.segments[0]).toBe(p.segments[0]);
    expect(q.segments[1]!.cues[2]).toBe(p.segments[1]!.cues[0]);
    const r = updateCue(p, 'b2', (c) => ({ ...c, title: 'x' }));
    expect(r.segments[0]).toBe(p.segments[0]);
    expect(r.segments[1]!.cues[0]).toBe(p.segments[1]!.cues[0]);
  });

  it('duplicates after each original with the ids given, deletes, and rebuilds from a flat order', () => {
    const d = duplicateCues(p, new Map([['a1', 'a1x'], ['b3', 'b3x']]));
    expect(shape(d)).toBe('A:a1,a1x,a2 | B:b1,b2,b3,b3x | C:');
    expect(shape(deleteCues(d, new Set(['a1', 'b3x'])))).toBe('A:a1x,a2 | B:b1,b2,b3 | C:');
    expect(shape(applyFlatOrder(p, ['a2', ...flatOrder(p).filter((k) => k !== 'a2')]))).toBe('A:a2,a1 | B:b1,b2,b3 | C:');
  });

  it('removing a segment hands its cues to the one above (or below, for the first)', () => {
    expect(shape(removeSegment(p, 'B'))).toBe('A:a1,a2,b1,b2,b3 | C:');
    expect(shape(removeSegment(p, 'A'))).toBe('B:a1,a2,b1,b2,b3 | C:');
    expect(removeSegment(plan(seg('only', ['x'])), 'only').segments).toHaveLength(1);
  });
});

describe('selection', () => {
  const order = ['a', 'b', 'c', 'd'];
  it('selects one, toggles with Ctrl/⌘, takes a range with Shift', () => {
    let s = click(emptySelection, order, 'b', { shift: false, toggle: false });
    s = click(s, order, 'd', { shift: true, toggle: false });
    expect([...s.selected]).toEqual(['b', 'c', 'd']);
    s = click(s, order, 'c', { shift: false, toggle: true });
    expect(targets(s, order)).toEqual(['b', 'd']);
  });

  it('moves with arrows, extends with Shift, and drops cues that no longer exist', () => {
    let s = step(emptySelection, order, 1, false);
    expect(s.cursor).toBe('a');
    s = step(s, order, 1, true);
    s = step(s, order, 1, true);
    expect([...s.selected]).toEqual(['a', 'b', 'c']);
    const pruned = prune(s, ['a', 'd'], order);
    expect([...pruned.selected]).toEqual(['a']);
    expect(pruned.cursor).toBe('d');
  });
});

import type { Cue, Segment, ShowFields } from '../../../../../electron/contract';
import { segKey, type Plan } from './plan-model';

// Every edit of a plan as a pure function from one immutable plan to the next. The editor keeps
// the plans it passed through for undo/redo, so unchanged segments and cues are shared, never
// copied.

export function updateFields(plan: Plan, patch: Partial<ShowFields>): Plan {
  return { ...plan, fields: { ...plan.fields, ...patch } };
}

export function updateCue(plan: Plan, id: string, change: (cue: Cue) => Cue): Plan {
  return {
    ...plan,
    segments: plan.segments.map((s) => (s.cues.some((c) => c.id === id) ? { ...s, cues: s.cues.map((c) => (c.id === id ? change(c) : c)) } : s)),
  };
}

/** Insert cues into a segment at an index (end when omitted). */
export function insertCues(plan: Plan, cues: Cue[], segmentId: string, index?: number): Plan {
  return {
    ...plan,
    segments: plan.segments.map((s) => {
      if (s.id !== segmentId) return s;
      const at = index === undefined ? s.cues.length : Math.max(0, Math.min(index, s.cues.length));
      return { ...s, cues: [...s.cues.slice(0, at), ...cues, ...s.cues.slice(at)] };
    }),
  };
}

export function deleteCues(plan: Plan, ids: ReadonlySet<string>): Plan {
  return { ...plan, segments: plan.segments.map((s) => (s.cues.some((c) => ids.has(c.id)) ? { ...s, cues: s.cues.filter((c) => !ids.has(c.id)) } : s)) };
}

/**
 * Each cue in `copyIds` gets a copy right after it, with the id given there. The caller mints the
 * ids, so this stays a pure function (React may run it twice) and knows what to select after.
 */
export function duplicateCues(plan: Plan, copyIds: ReadonlyMap<string, string>): Plan {
  const segments = plan.segments.map((s) => {
    if (!s.cues.some((c) => copyIds.has(c.id))) return s;
    const cues: Cue[] = [];
    for (const c of s.cues) {
      cues.push(c);
      const copy = copyIds.get(c.id);
      if (copy) cues.push({ ...c, id: copy });
    }
    return { ...s, cues };
  });
  return { ...plan, segments };
}

/**
 * Rebuild segments from a flat order of row keys (segment headers `seg:<id>` and cue ids), as
 * drag and drop produces it: each cue belongs to the header above it. Cues dragged above the
 * first header join the first segment.
 */
export function applyFlatOrder(plan: Plan, order: readonly string[]): Plan {
  const cues = new Map(plan.segments.flatMap((s) => s.cues.map((c) => [c.id, c] as const)));
  const segs = new Map(plan.segments.map((s) => [segKey(s.id), s]));
  const out: Segment[] = [];
  const orphans: Cue[] = [];
  for (const key of order) {
    const seg = segs.get(key);
    if (seg) out.push({ ...seg, cues: [] });
    else {
      const cue = cues.get(key);
      if (cue) (out.length > 0 ? out[out.length - 1]!.cues : orphans).push(cue);
    }
  }
  if (out.length > 0) out[0]!.cues.unshift(...orphans);
  // Keep untouched segments identical (same object) so undo snapshots share them.
  const next = out.map((s) => {
    const old = plan.segments.find((o) => o.id === s.id)!;
    return old.cues.length === s.cues.length && old.cues.every((c, i) => c === s.cues[i]) ? old : s;
  });
  return { ...plan, segments: next };
}

/** Flat keys of a plan (headers and cues), the order drag and drop works on. */
export function flatOrder(plan: Plan): string[] {
  return plan.segments.flatMap((s) => [segKey(s.id), ...s.cues.map((c) => c.id)]);
}

/**
 * Move `ids` (kept in their rundown order) so the first lands where `anchor` now is in the flat
 * order after the others are taken out; `after` puts them behind it. Used for dropping a
 * multi-selection and for Alt+↑/↓.
 */
export function moveCuesTo(plan: Plan, ids: readonly string[], anchor: string, after: boolean): Plan {
  const moving = new Set(ids);
  const order = flatOrder(plan);
  const picked = order.filter((k) => moving.has(k));
  const rest = order.filter((k) => !moving.has(k));
  const at = rest.indexOf(anchor);
  if (at < 0 || picked.length === 0) return plan;
  const pos = after ? at + 1 : at;
  return applyFlatOrder(plan, [...rest.slice(0, pos), ...picked, ...rest.slice(pos)]);
}

/** Alt+↑/↓: move the selected cues one row up or down, across segment borders too. */
export function nudgeCues(plan: Plan, ids: ReadonlySet<string>, delta: -1 | 1): Plan {
  const order = flatOrder(plan);
  const idx = order.map((k, i) => (ids.has(k) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return plan;
  const edge = delta < 0 ? idx[0]! : idx[idx.length - 1]!;
  const target = edge + delta;
  // Nothing above the first header; nothing below the last row.
  if (target < 1 || target >= order.length) return plan;
  return moveCuesTo(plan, [...ids], order[target]!, delta > 0);
}

export function addSegment(plan: Plan, segment: Segment, afterId?: string): Plan {
  const at = afterId ? plan.segments.findIndex((s) => s.id === afterId) + 1 : plan.segments.length;
  return { ...plan, segments: [...plan.segments.slice(0, at), segment, ...plan.segments.slice(at)] };
}

export function renameSegment(plan: Plan, id: string, title: string): Plan {
  return { ...plan, segments: plan.segments.map((s) => (s.id === id ? { ...s, title } : s)) };
}

/** Remove a segment; its cues join the segment before it (or after it, for the first). The last one stays. */
export function removeSegment(plan: Plan, id: string): Plan {
  const i = plan.segments.findIndex((s) => s.id === id);
  if (i < 0 || plan.segments.length === 1) return plan;
  const gone = plan.segments[i]!;
  const segments = plan.segments.filter((s) => s.id !== id);
  const host = i > 0 ? i - 1 : 0;
  const target = segments[host]!;
  segments[host] = { ...target, cues: i > 0 ? [...target.cues, ...gone.cues] : [...gone.cues, ...target.cues] };
  return { ...plan, segments };
}

export function moveSegment(plan: Plan, id: string, delta: -1 | 1): Plan {
  const i = plan.segments.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= plan.segments.length) return plan;
  const segments = [...plan.segments];
  [segments[i], segments[j]] = [segments[j]!, segments[i]!];
  return { ...plan, segments };
}

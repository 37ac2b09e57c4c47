/**
 * Undo/redo over immutable snapshots of the plan. Each edit pushes the state it replaced; typing
 * in one field coalesces (same `key` within `coalesceMs` replaces the present instead of pushing),
 * so one undo takes back a word, not a letter. Pure: the editor holds it in React state.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

export function record<T>(h: History<T>, next: T, opts: { key?: string; now?: number; coalesceMs?: number; limit?: number } = {}): History<T> {
  if (next === h.present) return h;
  const now = opts.now ?? Date.now();
  const key = opts.key ?? null;
  if (key !== null && key === h.lastKey && now - h.lastAt < (opts.coalesceMs ?? 1000)) {
    return { ...h, present: next, future: [], lastAt: now };
  }
  const past = [...h.past, h.present];
  const limit = opts.limit ?? HISTORY_LIMIT;
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future], lastKey: null, lastAt: 0 };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1), lastKey: null, lastAt: 0 };
}

export const canUndo = <T>(h: History<T>) => h.past.length > 0;
export const canRedo = <T>(h: History<T>) => h.future.length > 0;


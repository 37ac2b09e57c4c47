import { useCallback, useMemo, useState } from 'react';
import { canRedo, canUndo, createHistory, record, redo, undo } from './history';
import type { Plan } from './plan-model';

export interface PlanHistory {
  plan: Plan;
  /** Apply an edit; edits with the same `key` in quick succession undo as one (typing). */
  apply(change: (plan: Plan) => Plan, key?: string): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Start over from a plan (loaded from the server after someone else's change). */
  replace(plan: Plan): void;
}

/** The editor's plan with undo/redo. Edits are pure functions applied to the newest plan. */
export function usePlanHistory(initial: Plan): PlanHistory {
  const [history, setHistory] = useState(() => createHistory(initial));
  const apply = useCallback((change: (plan: Plan) => Plan, key?: string) => setHistory((h) => record(h, change(h.present), { key })), []);
  const doUndo = useCallback(() => setHistory(undo), []);
  const doRedo = useCallback(() => setHistory(redo), []);
  const replace = useCallback((plan: Plan) => setHistory(createHistory(plan)), []);
  return useMemo(
    () => ({ plan: history.present, apply, undo: doUndo, redo: doRedo, canUndo: canUndo(history), canRedo: canRedo(history), replace }),
    [history, apply, doUndo, doRedo, replace],
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../../electron/contract';
import type { ApiClient } from '../../../api/client';
import { toAppError } from '../../../lib/errors';
import type { Plan } from './plan-model';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

const DEBOUNCE_MS = 500;

/** Half-typed rows (a source toggle without its source name yet) stay on screen but are not sent. */
function savable(plan: Plan): Plan['segments'] {
  return plan.segments.map((s) => ({
    ...s,
    cues: s.cues.map((c) => (c.actions.sources.some((x) => !x.source.trim()) ? { ...c, actions: { ...c.actions, sources: c.actions.sources.filter((x) => x.source.trim()) } } : c)),
  }));
}
const RETRY_MS = 4000;

export interface Autosave {
  state: SaveState;
  error: AppError | null;
  /** The revision the server has for what we last saved (or loaded). */
  revision(): number;
  /** True while the screen shows something the server does not have yet. */
  dirty(): boolean;
  /** Save now (before an export) and wait for it. */
  flush(): Promise<void>;
  /** Take a plan and revision from the server as the saved state (after a reload). */
  adopt(plan: Plan, revision: number): void;
  /** After a conflict: save ours over theirs, on top of their revision. */
  overwrite(revision: number): void;
}

/**
 * Saves the plan on screen a moment after each edit, with no save button. One save at a time;
 * edits made meanwhile go in the next one. Each save names the revision it was edited from, so
 * the server refuses it (CONFLICT) when someone else saved in between: we then stop and ask.
 */
export function useAutosave(api: ApiClient, showId: string, plan: Plan, initialRevision: number): Autosave {
  const latest = useRef(plan);
  latest.current = plan;
  const saved = useRef(plan);
  const revision = useRef(initialRevision);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<AppError | null>(null);

  const save = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const target = latest.current;
    if (target === saved.current || blocked.current) {
      if (!blocked.current) setState('saved');
      return Promise.resolve();
    }
    setState('saving');
    const run = api
      .call('shows.plan.set', { id: showId, baseRevision: revision.current, fields: target.fields, segments: savable(target) })
      .then((res) => {
        revision.current = res.revision;
        saved.current = target;
        setError(null);
        inFlight.current = null;
        if (latest.current !== target) return save();
        setState('saved');
      })
      .catch((e: unknown) => {
        inFlight.current = null;
        const err = toAppError(e);
        setError(err);
        if (err.code === 'CONFLICT' && err.details?.reason === 'revision') {
          blocked.current = true;
          setState('conflict');
          return;
        }
        setState('error');
        // Bad input stays bad until the user edits; anything else (a dropped connection) is retried.
        if (err.code !== 'BAD_INPUT') timer.current = setTimeout(() => void save(), RETRY_MS);
      });
    inFlight.current = run;
    return run;
  }, [api, showId]);

  useEffect(() => {
    if (plan === saved.current || blocked.current) return;
    setState((s) => (s === 'saving' ? s : 'pending'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [plan, save]);

  // Leaving the editor saves what is pending; closing the tab with unsaved edits asks first.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      if (timer.current) clearTimeout(timer.current);
      void save();
    };
  }, [save]);

  return {
    // Derived during render too: an edit shows as unsaved at once, not one effect later.
    state: state === 'saved' && plan !== saved.current ? 'pending' : state,
    error,
    revision: () => revision.current,
    dirty: () => latest.current !== saved.current || inFlight.current !== null,
    flush: async () => {
      if (timer.current) clearTimeout(timer.current);
      await save();
      if (inFlight.current) await inFlight.current;
    },
    adopt: (p, rev) => {
      blocked.current = false;
      saved.current = p;
      latest.current = p;
      revision.current = rev;
      setError(null);
      setState('saved');
    },
    overwrite: (rev) => {
      blocked.current = false;
      revision.current = rev;
      void save();
    },
  };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type GoResult, type LiveSnapshot, type MethodInput, type RunCue } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { useNotify } from '../../../lib/notify';

export const liveStateKey = ['live', 'state'] as const;
const livePlanKey = (runId: string | null, version: number) => ['live', 'plan', runId, version] as const;

/**
 * The OBS failures of a Go worth a notice. Not "not connected": the cockpit's OBS line already
 * says so (the show goes on, cues are logged as not sent), and a toast on every Go would repeat it.
 */
export function obsFailuresToNotify(outcomes: GoResult['obs']): GoResult['obs'] {
  return outcomes.filter((o) => !o.ok && o.code !== 'not_connected');
}

/** The newer of two snapshots (pushes and answers race; a new run always wins). */
export function newerSnapshot(old: LiveSnapshot | undefined, next: LiveSnapshot): LiveSnapshot | undefined {
  if (!old || next.runId !== old.runId || next.revision > old.revision) return next;
  return undefined;
}

/** The run, live: `live.get` once, then every pushed `live.state`. */
export function useLiveState() {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () => api.on('live.state', (s) => queryClient.setQueryData<LiveSnapshot>(liveStateKey, (old) => newerSnapshot(old, s))),
    [api, queryClient],
  );
  return useQuery({ queryKey: liveStateKey, queryFn: () => api.call('live.get', {}) as Promise<LiveSnapshot>, staleTime: Infinity });
}

/** The run's rundown, refetched when its plan version changes (an encore was inserted, the plan reloaded). */
export function useRunPlan(snapshot: LiveSnapshot | undefined) {
  const api = useApi();
  const runId = snapshot?.runId ?? null;
  const version = snapshot?.planVersion ?? 0;
  const query = useQuery({
    queryKey: livePlanKey(runId, version),
    queryFn: () => api.call('live.plan', {}),
    enabled: runId !== null,
    staleTime: Infinity,
  });
  const cues: RunCue[] = useMemo(() => (query.data && query.data.runId === runId ? query.data.cues : []), [query.data, runId]);
  const byId = useMemo(() => new Map(cues.map((c) => [c.id, c])), [cues]);
  return { cues, byId, loading: query.isLoading };
}

function conflictReason(error: unknown): string | null {
  return error instanceof AppError && error.code === 'CONFLICT' ? String(error.details?.reason ?? '') : null;
}

/** Every cockpit action; answers and conflicts update the snapshot at once, failures are toasted. */
export function useLiveActions(snapshot: LiveSnapshot | undefined) {
  const api = useApi();
  const notify = useNotify();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const take = useCallback((s: LiveSnapshot) => queryClient.setQueryData<LiveSnapshot>(liveStateKey, (old) => newerSnapshot(old, s)), [queryClient]);

  const onGoError = useCallback(
    (error: unknown) => {
      const reason = conflictReason(error);
      const snap = error instanceof AppError ? (error.details?.snapshot as LiveSnapshot | undefined) : undefined;
      if (snap) take(snap);
      if (reason === 'double_go') notify.info(t('cockpit.notice.doubleGo'));
      else if (reason === 'stale') notify.info(t('cockpit.notice.stale'));
      else notify.error(error);
    },
    [notify, t, take],
  );
  // The answer's position is not taken: the whole new snapshot comes as the live.state push,
  // sent in the same turn of the server's event loop as the Go's commit.
  const onGoDone = useCallback(
    (result: GoResult) => {
      const failed = obsFailuresToNotify(result.obs);
      if (failed.length > 0) notify.warning(t('cockpit.notice.obsFailed', { count: failed.length, first: failed[0]!.message ?? failed[0]!.action }));
      const overlayFailed = result.overlays.filter((o) => !o.ok);
      if (overlayFailed.length > 0) notify.warning(t('cockpit.notice.overlayFailed', { first: overlayFailed[0]!.message ?? overlayFailed[0]!.action }));
    },
    [notify, t],
  );

  const current = snapshot?.currentCueId ?? null;
  const go = useMutation({
    mutationFn: (trigger: 'key' | 'button') => api.call('live.go', { expectedCueId: current, trigger }),
    onSuccess: onGoDone,
    onError: onGoError,
  });
  const back = useMutation({
    mutationFn: (trigger: 'key' | 'button') => api.call('live.back', { expectedCueId: current, trigger }),
    onSuccess: onGoDone,
    onError: onGoError,
  });
  const jump = useMutation({
    mutationFn: (cueId: string) => api.call('live.jump', { cueId, expectedCueId: current, trigger: 'button' }),
    onSuccess: onGoDone,
    onError: onGoError,
  });
  const reapply = useMutation({ mutationFn: () => api.call('live.reapply', {}), onSuccess: onGoDone, onError: (e) => notify.error(e) });

  const arm = useSnapMutation((input: MethodInput<'live.arm'>) => api.call('live.arm', input), take);
  const skip = useSnapMutation((input: { cueId: string; skip: boolean }) => api.call('live.skip', input), take);
  const end = useSnapMutation(() => api.call('live.end', {}), take);
  const close = useSnapMutation(() => api.call('live.close', {}), take);
  const cancelAutoGo = useSnapMutation(() => api.call('live.autogo.cancel', {}), take);
  const message = useSnapMutation((text: string) => api.call('live.message', { text }), take);
  const product = useSnapMutation((input: MethodInput<'live.product.set'>) => api.call('live.product.set', input), take);
  const tick = useSnapMutation((input: { cueId: string; index: number; done: boolean }) => api.call('live.checklist.tick', input), take);
  const insert = useSnapMutation((input: MethodInput<'live.cues.insert'>) => api.call('live.cues.insert', input), take);
  const reloadPlan = useSnapMutation(() => api.call('live.plan.reload', {}), take);
  const marker = useMutation({
    mutationFn: (input: MethodInput<'live.marker'>) => api.call('live.marker', input),
    onSuccess: () => notify.success(t('cockpit.notice.marker')),
    onError: (e) => notify.error(e),
  });
  return { go, back, jump, reapply, arm, skip, end, close, cancelAutoGo, message, product, tick, insert, reloadPlan, marker };
}

export type LiveActions = ReturnType<typeof useLiveActions>;

/** A cockpit action answered with the snapshot after it. */
function useSnapMutation<I>(fn: (input: I) => Promise<LiveSnapshot>, take: (s: LiveSnapshot) => void) {
  const notify = useNotify();
  return useMutation({ mutationFn: fn, onSuccess: take, onError: (e) => notify.error(e) });
}

/** Cockpit settings (keys, quick markers). */
export function useLiveSettings() {
  const api = useApi();
  return useQuery({ queryKey: ['live', 'settings'], queryFn: () => api.call('live.settings.get', {}), staleTime: 60_000 });
}

/** What this connection may do: a viewer token sees everything and changes nothing. */
export function useSession() {
  const api = useApi();
  return useQuery({ queryKey: ['session'], queryFn: () => api.call('session.get', {}), staleTime: Infinity });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { preflightSignature } from './obs-setup-view';
import { useObs } from './useObs';

/**
 * Data hooks for getting a show ready on OBS. Preflight keys start with `shows`, so a
 * `data.changed {table: 'shows'}` (a cue edited anywhere) re-runs an open preflight too.
 */
export const preflightKeys = {
  all: ['shows', 'preflight'] as const,
  show: (showId: string) => ['shows', 'preflight', showId] as const,
};
/** Native-source config has no `data.changed` table: its mutations update this key themselves. */
export const nativeOverlaysKey = ['overlays.native'] as const;

/** How long OBS must be quiet before a preflight re-runs (creating overlays fires dozens of events). */
const SETTLE_MS = 400;

/**
 * `shows.preflight` for one show, re-run whenever what it depends on in OBS changes (scenes,
 * sources, input kinds, connection; not timecodes or the program scene), once OBS settles.
 * The previous report stays on screen while the next one runs.
 */
export function usePreflight(showId: string) {
  const api = useApi();
  const obs = useObs();
  const live = preflightSignature(obs.data?.status.state === 'connected', obs.data?.mirror);
  const settled = useDebouncedValue(live, SETTLE_MS);
  // The first real state goes through at once; only later changes wait to settle.
  const signature = settled === 'none' ? live : settled;
  return useQuery({
    queryKey: [...preflightKeys.show(showId), signature],
    queryFn: () => api.call('shows.preflight', { id: showId }),
    enabled: !!showId && !obs.isPending,
    // Keep this show's last report on screen while re-checking; never another show's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === showId ? previous : undefined),
    retry: 0,
  });
}

export function useCreateScene() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.call('obs.scene.create', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preflightKeys.all }),
  });
}

export function useInstallOverlays() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'obs.overlays.install'>) => api.call('obs.overlays.install', input),
    onSuccess: async (result) => {
      if (!result.installed) return;
      // The mirror re-runs preflight too, but may settle before the native config is saved.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: preflightKeys.all }),
        queryClient.invalidateQueries({ queryKey: nativeOverlaysKey }),
      ]);
    },
  });
}

/** Native-source mode: config, field lists and the last sync (polled: syncs are not pushed). */
export function useNativeOverlays() {
  const api = useApi();
  return useQuery({
    queryKey: nativeOverlaysKey,
    queryFn: () => api.call('overlays.native.get', {}),
    refetchInterval: (query) => (query.state.data?.enabled ? 5_000 : false),
  });
}

export function useSetNativeOverlays() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'overlays.native.set'>) => api.call('overlays.native.set', input),
    onSuccess: async (state) => {
      queryClient.setQueryData(nativeOverlaysKey, state);
      await queryClient.invalidateQueries({ queryKey: preflightKeys.all });
    },
  });
}

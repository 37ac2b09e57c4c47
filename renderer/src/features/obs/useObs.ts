import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodInput, MethodOutput, ObsMirror, ObsStatus } from '../../../../electron/contract';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../lib/api-context';
import { isNewer } from './obs-view';

export type ObsOverview = MethodOutput<'obs.get'>;
export const obsQueryKey = ['obs'] as const;

/**
 * Keeps the cached overview current from the pushed `obs.status` / `obs.mirror` snapshots.
 * A snapshot replaces its part only when its revision is higher (late or duplicate pushes are
 * dropped, and returning undefined makes react-query skip the update entirely). No refetch: the
 * push is the whole state. The one exception is a new connection target, which means another
 * client changed the saved address: refetch once so the form shows it.
 */
function applyStatus(queryClient: QueryClient, status: ObsStatus): void {
  let targetChanged = false;
  queryClient.setQueryData<ObsOverview>(obsQueryKey, (old) => {
    if (!old || !isNewer(status, old.status)) return undefined;
    const saved = `${old.settings.host}:${old.settings.port}`;
    targetChanged = !!status.target && status.target !== old.status.target && status.target !== saved;
    return { ...old, status };
  });
  if (targetChanged) void queryClient.invalidateQueries({ queryKey: obsQueryKey });
}

function applyMirror(queryClient: QueryClient, mirror: ObsMirror): void {
  queryClient.setQueryData<ObsOverview>(obsQueryKey, (old) =>
    old && isNewer(mirror, old.mirror) ? { ...old, mirror } : undefined,
  );
}

// One event subscription per client however many components read OBS state.
const live = new WeakMap<ApiClient, { users: number; off: () => void }>();

function subscribe(api: ApiClient, queryClient: QueryClient): () => void {
  let entry = live.get(api);
  if (!entry) {
    const offStatus = api.on('obs.status', (s) => applyStatus(queryClient, s));
    const offMirror = api.on('obs.mirror', (m) => applyMirror(queryClient, m));
    entry = { users: 0, off: () => (offStatus(), offMirror()) };
    live.set(api, entry);
  }
  entry.users++;
  const current = entry;
  return () => {
    if (--current.users === 0) {
      current.off();
      live.delete(api);
    }
  };
}

/**
 * OBS settings (never the password), connection status and mirror, live. The first read is
 * `obs.get`; after that only pushes update it. A transport reconnect refetches (main.tsx
 * invalidates everything), because pushes may have been missed meanwhile.
 */
export function useObs() {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => subscribe(api, queryClient), [api, queryClient]);
  return useQuery({
    queryKey: obsQueryKey,
    queryFn: () => api.call('obs.get', {}),
    staleTime: Infinity,
  });
}

/**
 * Save the connection settings and/or connect/disconnect. The answer is a full overview;
 * each part is taken only if newer than what pushes already brought.
 */
export function useObsConnection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'obs.connection.set'>) => api.call('obs.connection.set', input),
    onSuccess: (next) => {
      queryClient.setQueryData<ObsOverview>(obsQueryKey, (old) =>
        old
          ? {
              settings: next.settings,
              status: isNewer(next.status, old.status) ? next.status : old.status,
              mirror: isNewer(next.mirror, old.mirror) ? next.mirror : old.mirror,
            }
          : next,
      );
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo } from 'react';
import type { MethodInput, OverlayKind, OverlayState } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { useNotify } from '../../lib/notify';
import { newerState, visibleKinds } from './overlay-state';

/**
 * Which overlays the controls drive, and through which door: by hand (`overlays.*`, OBS's
 * pages), or as part of a run (`live.overlays.*`: on record, and in a rehearsal only the
 * preview channel changes).
 */
export interface OverlayDoor {
  via: 'overlays' | 'live';
  channel: 'program' | 'preview';
}
export const OverlayDoorContext = createContext<OverlayDoor>({ via: 'overlays', channel: 'program' });
export const useOverlayDoor = () => useContext(OverlayDoorContext);

export const overlaysQueryKey = (channel: OverlayDoor['channel']) => ['overlays', channel] as const;

/**
 * The overlay picture, live: first `overlays.get` (or the run's), then every pushed snapshot of
 * its channel, taken only when its revision is higher. A transport reconnect refetches (main.tsx
 * invalidates everything), which also covers a restarted server whose revisions begin again.
 */
export function useOverlayState() {
  const api = useApi();
  const door = useOverlayDoor();
  const queryClient = useQueryClient();
  const key = overlaysQueryKey(door.channel);
  useEffect(
    () =>
      api.on(door.channel === 'program' ? 'overlays.state' : 'overlays.rehearsal', (state) =>
        queryClient.setQueryData<OverlayState>(key, (old) => newerState(old, state)),
      ),
    [api, queryClient, door.channel],
  );
  return useQuery({
    queryKey: key,
    queryFn: () => (door.via === 'live' ? api.call('live.overlays.get', {}) : api.call('overlays.get', {})),
    staleTime: Infinity,
  });
}

/** Take a snapshot that a call answered with, unless a push already brought a newer one. */
function useApplyState() {
  const queryClient = useQueryClient();
  const { channel } = useOverlayDoor();
  return useCallback(
    (state: OverlayState) => queryClient.setQueryData<OverlayState>(overlaysQueryKey(channel), (old) => newerState(old, state)),
    [queryClient, channel],
  );
}

/** Show/update and hide one kind; failures are toasted in the producer's language. */
export function useKindActions(kind: OverlayKind) {
  const api = useApi();
  const notify = useNotify();
  const apply = useApplyState();
  const { via } = useOverlayDoor();
  const show = useMutation({
    mutationFn: (input: MethodInput<'overlays.show'>) => (via === 'live' ? api.call('live.overlays.show', input) : api.call('overlays.show', input)),
    onSuccess: apply,
    onError: (error) => notify.error(error),
  });
  const hide = useMutation({
    mutationFn: () => (via === 'live' ? api.call('live.overlays.hide', { kind }) : api.call('overlays.hide', { kind })),
    onSuccess: apply,
    onError: (error) => notify.error(error),
  });
  return { show, hide };
}

/** Actions over all layers and the active show. */
export function useOverlayActions(state: OverlayState | undefined) {
  const api = useApi();
  const notify = useNotify();
  const apply = useApplyState();
  const { via } = useOverlayDoor();
  const clear = useMutation({
    mutationFn: () => (via === 'live' ? api.call('live.overlays.clear', {}) : api.call('overlays.clear', {})),
    onSuccess: apply,
    onError: (error) => notify.error(error),
  });
  // Hide every layer on air at once (content kept, so each can come back with one click).
  const hideAll = useMutation({
    mutationFn: async (kinds: OverlayKind[]) =>
      Promise.all(kinds.map((kind) => (via === 'live' ? api.call('live.overlays.hide', { kind }) : api.call('overlays.hide', { kind })))),
    onSuccess: (states) => states.forEach(apply),
    onError: (error) => notify.error(error),
  });
  const activeShow = useMutation({
    mutationFn: (showId: string | null) => api.call('overlays.activeShow.set', { showId }),
    onSuccess: apply,
    onError: (error) => notify.error(error),
  });
  const onAir = useMemo(() => visibleKinds(state), [state]);
  return { clear, hideAll, activeShow, onAir };
}

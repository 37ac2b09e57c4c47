import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { MethodInput, OverlayKind, OverlayState } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { useNotify } from '../../lib/notify';
import { newerState, visibleKinds } from './overlay-state';

export const overlaysQueryKey = ['overlays'] as const;

/**
 * The overlay picture, live: first `overlays.get`, then every pushed `overlays.state` snapshot,
 * taken only when its revision is higher. A transport reconnect refetches (main.tsx invalidates
 * everything), which also covers a restarted server whose revisions begin again.
 */
export function useOverlayState() {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () => api.on('overlays.state', (state) => queryClient.setQueryData<OverlayState>(overlaysQueryKey, (old) => newerState(old, state))),
    [api, queryClient],
  );
  return useQuery({ queryKey: overlaysQueryKey, queryFn: () => api.call('overlays.get', {}), staleTime: Infinity });
}

/** Take a snapshot that a call answered with, unless a push already brought a newer one. */
function useApplyState() {
  const queryClient = useQueryClient();
  return useCallback(
    (state: OverlayState) => queryClient.setQueryData<OverlayState>(overlaysQueryKey, (old) => newerState(old, state)),
    [queryClient],
  );
}

/** Show/update and hide one kind; failures are toasted in the producer's language. */
export function useKindActions(kind: OverlayKind) {
  const api = useApi();
  const notify = useNotify();
  const apply = useApplyState();
  const show = useMutation({
    mutationFn: (input: MethodInput<'overlays.show'>) => api.call('overlays.show', input),
    onSuccess: apply,
    onError: (error) => notify.error(error),
  });
  const hide = useMutation({
    mutationFn: () => api.call('overlays.hide', { kind }),
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
  const clear = useMutation({
    mutationFn: () => api.call('overlays.clear', {}),
    onSuccess: apply,
    onError: (error) => notify.error(error),
  });
  // Hide every layer on air at once (content kept, so each can come back with one click).
  const hideAll = useMutation({
    mutationFn: async (kinds: OverlayKind[]) => Promise.all(kinds.map((kind) => api.call('overlays.hide', { kind }))),
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

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ObsMirror } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';

const KEY = ['obs', 'overview'] as const;

type SceneItem = ObsMirror['scenes'][number]['items'][number];

function sourceNames(items: readonly SceneItem[], out: Set<string>): Set<string> {
  for (const i of items) {
    out.add(i.sourceName);
    if (i.children) sourceNames(i.children, out);
  }
  return out;
}

/**
 * OBS's scenes and sources for the pickers, live while OBS is connected (the mirror is pushed on
 * every change). Offline the lists are empty and names are typed freely, to be checked later.
 */
export function useObsLists(): { connected: boolean; scenes: string[]; sources: (scene: string) => string[]; textInputs: string[] } {
  const api = useApi();
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: KEY, queryFn: () => api.call('obs.get', {}), staleTime: Infinity, retry: 0 });
  useEffect(() => {
    const offMirror = api.on('obs.mirror', (mirror) => queryClient.setQueryData(KEY, (o: typeof overview.data) => (o ? { ...o, mirror } : o)));
    const offStatus = api.on('obs.status', (status) => queryClient.setQueryData(KEY, (o: typeof overview.data) => (o ? { ...o, status } : o)));
    return () => {
      offMirror();
      offStatus();
    };
  }, [api, queryClient]);
  const mirror = overview.data?.mirror;
  const connected = overview.data?.status.state === 'connected' && !!mirror?.ready;
  return useMemo(() => {
    const scenes = connected && mirror ? mirror.scenes.map((s) => s.name) : [];
    const all = connected && mirror ? [...sourceNames(mirror.scenes.flatMap((s) => s.items), new Set()), ...mirror.inputs.map((i) => i.name)] : [];
    const textInputs = connected && mirror ? mirror.inputs.filter((i) => /^text_(gdiplus|ft2_source)/.test(i.kind)).map((i) => i.name) : [];
    return {
      connected,
      scenes,
      textInputs,
      sources: (scene: string) => {
        const found = mirror?.scenes.find((s) => s.name === scene);
        return found ? [...sourceNames(found.items, new Set())] : [...new Set(all)];
      },
    };
  }, [connected, mirror]);
}

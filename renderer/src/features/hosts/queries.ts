import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HostDraft } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query';

export function useHosts() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.hosts, queryFn: () => api.call('hosts.list', {}) });
}

/** Create (no id) or patch (with id) a host. */
export function useSaveHost() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; draft: HostDraft }) =>
      input.id ? api.call('hosts.update', { ...input.draft, id: input.id }) : api.call('hosts.create', input.draft),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.hosts }),
  });
}

export function useDeleteHost() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('hosts.delete', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.hosts }),
  });
}

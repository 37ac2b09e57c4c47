import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query';

export function useShows(templates: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.showList(templates), queryFn: () => api.call('shows.list', templates ? { templates } : {}) });
}

/** Mutations of the shows list; each refreshes every shows query on success. */
export function useShowMutations() {
  const api = useApi();
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: queryKeys.shows });
  return {
    create: useMutation({ mutationFn: (input: MethodInput<'shows.create'>) => api.call('shows.create', input), onSuccess: done }),
    update: useMutation({ mutationFn: (input: MethodInput<'shows.update'>) => api.call('shows.update', input), onSuccess: done }),
    duplicate: useMutation({ mutationFn: (input: MethodInput<'shows.duplicate'>) => api.call('shows.duplicate', input), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api.call('shows.delete', { id }), onSuccess: done }),
  };
}

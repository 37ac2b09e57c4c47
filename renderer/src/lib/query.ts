import { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';

/** Query keys; the first element is the `data.changed` table that invalidates it. */
export const queryKeys = {
  products: (q: string) => ['products', { q }] as const,
  hosts: ['hosts'] as const,
  shows: ['shows'] as const,
  showList: (templates: boolean) => ['shows', 'list', { templates }] as const,
  show: (id: string) => ['shows', 'detail', id] as const,
  status: ['app.status'] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The server pushes `data.changed`, so cached data is fresh until an event says otherwise.
      queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: 0 },
    },
  });
}

/** Any client's change (this window, another tablet, the control API) refetches what shows it. */
export function invalidateOnDataChanged(api: ApiClient, queryClient: QueryClient): () => void {
  return api.on('data.changed', ({ table }) => {
    void queryClient.invalidateQueries({ queryKey: [table] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.status });
    if (table === 'media') {
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.hosts });
    }
  });
}

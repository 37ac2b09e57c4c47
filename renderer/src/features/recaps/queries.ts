import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';

/** Recap query keys start with 'recaps': a `data.changed {table: 'recaps'}` push refetches them. */
export const recapKeys = {
  all: ['recaps'] as const,
  list: (filter: MethodInput<'recaps.list'>) => ['recaps', 'list', filter] as const,
  one: (id: string, runId?: string) => ['recaps', 'one', id, runId ?? null] as const,
  history: (productId: string) => ['recaps', 'history', productId] as const,
};

export function useRecapList(filter: MethodInput<'recaps.list'>) {
  const api = useApi();
  return useQuery({ queryKey: recapKeys.list(filter), queryFn: () => api.call('recaps.list', filter) });
}

export function useRecap(id: string | undefined, runId?: string) {
  const api = useApi();
  return useQuery({ queryKey: recapKeys.one(id ?? '', runId), queryFn: () => api.call('recaps.get', { id: id!, ...(runId ? { runId } : {}) }), enabled: !!id });
}

export function useProductHistory(productId: string | null) {
  const api = useApi();
  return useQuery({ queryKey: recapKeys.history(productId ?? ''), queryFn: () => api.call('products.history', { id: productId! }), enabled: !!productId });
}

/** Writes of the recap page; each refreshes every recap query. */
export function useRecapMutations() {
  const api = useApi();
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: recapKeys.all });
  return {
    conclusions: useMutation({ mutationFn: (input: MethodInput<'recaps.conclusions.set'>) => api.call('recaps.conclusions.set', input), onSuccess: done }),
    totals: useMutation({ mutationFn: (input: MethodInput<'recaps.totals.set'>) => api.call('recaps.totals.set', input), onSuccess: done }),
    matches: useMutation({ mutationFn: (input: MethodInput<'recaps.matches.set'>) => api.call('recaps.matches.set', input), onSuccess: done }),
    remove: useMutation({ mutationFn: (input: MethodInput<'recaps.import.remove'>) => api.call('recaps.import.remove', input), onSuccess: done }),
  };
}

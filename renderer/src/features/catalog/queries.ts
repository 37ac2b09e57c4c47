import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProductDraft } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query';

/** Products matching `q` (server-side search); keeps the previous rows while typing. */
export function useProducts(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.products(q),
    queryFn: () => api.call('products.list', q ? { q, includeArchived: true } : { includeArchived: true }),
    placeholderData: keepPreviousData,
  });
}

/** Create (no id) or patch (with id) a product; the list refetches on success. */
export function useSaveProduct() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; draft: Partial<ProductDraft> }) =>
      input.id
        ? api.call('products.update', { ...input.draft, id: input.id })
        : api.call('products.create', input.draft as ProductDraft),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}

export function useDeleteProduct() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('products.delete', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductDraft, ProductUpdateInput } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';

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

/** A patch from the table (inline edit, archive/restore). */
export function useUpdateProduct() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProductUpdateInput) => api.call('products.update', patch),
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

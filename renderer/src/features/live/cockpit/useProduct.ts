import { useQuery } from '@tanstack/react-query';
import type { Product } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';

/** One catalog product, kept current by `data.changed products` (its key starts with 'products'). */
export function useProduct(id: string | null) {
  const api = useApi();
  return useQuery<Product>({
    queryKey: ['products', 'detail', id],
    queryFn: () => api.call('products.get', { id: id! }),
    enabled: !!id,
    staleTime: 60_000,
  });
}

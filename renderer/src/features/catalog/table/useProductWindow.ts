import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { Product } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import type { ListQuery } from '../catalog-filters';

/** Rows per `products.list` call. A screen shows ~15 rows, so one or two pages cover it. */
export const PAGE_SIZE = 100;
/** Pages scrolled away are forgotten after this: memory stays bounded however far one scrolls. */
const PAGE_GC_MS = 20_000;

export interface ProductWindow {
  /** How many products match (the last known count while a new filter loads). */
  total: number;
  /** The product at a row, or undefined while its page loads. */
  rowAt(index: number): Product | undefined;
  /** Every product on the pages held now (for "select the visible rows"). */
  loaded(): Product[];
  /** The first answer for this query has arrived. */
  ready: boolean;
  fetching: boolean;
  error: unknown;
  refetch(): void;
}

/**
 * Server-side paging for the virtual table: only the pages under the visible rows are fetched
 * (plus the first, which carries the total), each cached briefly by its query key, so 100,000
 * products cost a few hundred rows of memory. Any `data.changed` for products refetches them.
 */
export function useProductWindow(query: ListQuery, first: number, last: number): ProductWindow {
  const api = useApi();
  const pages = useMemo(() => {
    const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
    const to = Math.floor(Math.max(first, last) / PAGE_SIZE);
    const list = [0];
    for (let p = Math.max(1, from); p <= to; p++) list.push(p);
    return list;
  }, [first, last]);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: ['products', 'window', query, page] as const,
      queryFn: () => api.call('products.list', { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
      gcTime: PAGE_GC_MS,
      // The first page keeps the previous answer while the next query runs, so typing in the
      // search box swaps rows in place instead of flashing placeholders. (Only the first: a page
      // further down would show another page's rows.)
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });

  // The count of the last answer, kept while another query's first page is on its way, so the
  // table keeps its height (and shows placeholder rows) instead of collapsing on each keystroke.
  const lastTotal = useRef(0);
  const byPage = new Map<number, Product[]>();
  let total: number | null = null;
  results.forEach((r, i) => {
    if (!r.data) return;
    byPage.set(pages[i]!, r.data.items);
    if (total === null || pages[i] === 0) total = r.data.total;
  });
  if (total !== null) lastTotal.current = total;
  const head = results[0]!;

  return {
    total: total ?? lastTotal.current,
    rowAt: (index) => byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    loaded: () => [...byPage.values()].flat(),
    ready: head.isSuccess && !head.isPlaceholderData,
    fetching: results.some((r) => r.isFetching),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}

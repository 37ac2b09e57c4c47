import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Product } from '../../../../electron/contract';
import { listQuery, nextSort, type CatalogFilters } from './catalog-filters';
import { HEAD_HEIGHT, MIN_WIDTH, ROW_HEIGHT, type ColumnDef } from './table/columns';
import { useCatalogVars } from './table/css-vars';
import { ProductRow, SkeletonRow, type RowActions } from './table/ProductRow';
import { TableHeader } from './table/TableHeader';
import { PAGE_SIZE, useProductWindow } from './table/useProductWindow';

// Other areas (the show editor) colour roles the same way.
export { ROLE_COLORS, Thumb } from './table/ProductRow';

interface Props {
  filters: CatalogFilters;
  onFiltersChange(patch: Partial<CatalogFilters>): void;
  selected: ReadonlyMap<string, Product>;
  onSelectMany(products: Product[], selected: boolean): void;
  actions: RowActions;
  emptyText: string;
  /** How many products match, once known (for the page header and the empty state). */
  onTotal?(total: number): void;
  /** The rows loaded now, when they change (the toolbar offers their brands and tags). */
  onLoaded?(products: Product[]): void;
}

/**
 * The catalog table, virtual: only the rows in view (plus a few) are in the DOM, and only their
 * pages are fetched, sorted and filtered by the server, so 100,000 products scroll like 100.
 */
export function ProductTable({ filters, onFiltersChange, selected, onSelectMany, actions, emptyText, onTotal, onLoaded }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const vars = useCatalogVars();
  const query = listQuery(filters);
  const queryKey = JSON.stringify(query);
  // Pages under the visible rows; updated by the virtualizer only when they change.
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const win = useProductWindow(query, range[0] * PAGE_SIZE, range[1] * PAGE_SIZE);

  const virtualizer = useVirtualizer({
    count: win.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEAD_HEIGHT,
    onChange: (v) => {
      const items = v.getVirtualItems();
      if (items.length === 0) return;
      const next: [number, number] = [Math.floor(items[0]!.index / PAGE_SIZE), Math.floor(items[items.length - 1]!.index / PAGE_SIZE)];
      setRange((prev) => (prev[0] === next[0] && prev[1] === next[1] ? prev : next));
    },
  });

  // A new search, filter or sort starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setRange([0, 0]);
  }, [queryKey]);

  const report = useRef(onTotal);
  report.current = onTotal;
  const known = win.ready ? win.total : null;
  useEffect(() => {
    if (known !== null) report.current?.(known);
  }, [known]);

  const loaded = win.loaded();
  const loadedRef = useRef(onLoaded);
  loadedRef.current = onLoaded;
  const loadedKey = `${queryKey}|${range[0]}|${range[1]}|${win.fetching}`;
  useEffect(() => {
    if (!win.fetching) loadedRef.current?.(loaded);
    // Only when the pages on screen change, not on every render.
  }, [loadedKey]);
  const selectedLoaded = loaded.filter((p) => selected.has(p.id)).length;
  const selectState = selectedLoaded === 0 ? 'none' : selectedLoaded === loaded.length ? 'all' : 'some';
  const onSort = (c: ColumnDef) => c.sort && onFiltersChange(nextSort(filters, c.sort.key, c.sort.order));

  return (
    <div
      ref={scrollRef}
      className="cc-vtable"
      style={{ ...vars, flex: 1, minHeight: 240 }}
      data-testid="product-table"
      data-total={win.total}
      data-q={query.q ?? ''}
      data-ready={win.ready && !win.fetching ? 'true' : 'false'}
      role="table"
    >
      <div style={{ minWidth: MIN_WIDTH }}>
        <TableHeader filters={filters} onSort={onSort} selectState={selectState} onSelectAll={(on) => onSelectMany(loaded, on)} />
        {win.ready && win.total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ padding: 48 }} data-testid="catalog-no-match" />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const product = win.rowAt(item.index);
              const top = item.start - HEAD_HEIGHT;
              return product ? (
                <ProductRow key={product.id} product={product} selected={selected.has(product.id)} top={top} actions={actions} />
              ) : (
                <SkeletonRow key={`loading-${item.index}`} top={top} />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

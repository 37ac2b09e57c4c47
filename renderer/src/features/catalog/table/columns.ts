import type { ProductSortKey } from '../../../../../electron/contract';

export interface ColumnDef {
  key: 'select' | 'image' | 'sku' | 'title' | 'brand' | 'role' | 'price' | 'commission' | 'stock' | 'tags' | 'variants' | 'actions';
  /** px, or a CSS grid track for the one flexible column. */
  width: number | string;
  sort?: { key: ProductSortKey; order: 'asc' | 'desc' };
  align?: 'right' | 'center';
}

/** Dense rows: what a producer scans before and during a show, title taking the spare width. */
export const COLUMNS: ColumnDef[] = [
  { key: 'select', width: 36, align: 'center' },
  { key: 'image', width: 52 },
  { key: 'sku', width: 120, sort: { key: 'sku', order: 'asc' } },
  { key: 'title', width: 'minmax(180px, 1fr)', sort: { key: 'title', order: 'asc' } },
  { key: 'brand', width: 100 },
  { key: 'role', width: 88 },
  { key: 'price', width: 130, align: 'right', sort: { key: 'livePrice', order: 'desc' } },
  { key: 'commission', width: 88, align: 'right' },
  { key: 'stock', width: 80, align: 'right', sort: { key: 'stock', order: 'desc' } },
  { key: 'tags', width: 130 },
  { key: 'variants', width: 72, align: 'center' },
  { key: 'actions', width: 120, align: 'center' },
];

export const GRID_TEMPLATE = COLUMNS.map((c) => (typeof c.width === 'number' ? `${c.width}px` : c.width)).join(' ');
/** Below this the title would be squeezed: the table scrolls sideways instead. */
export const MIN_WIDTH = COLUMNS.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 180), 0);
export const ROW_HEIGHT = 56;
export const HEAD_HEIGHT = 40;

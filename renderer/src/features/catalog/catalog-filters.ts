import type { ProductListInput, ProductRole, ProductSortKey } from '../../../../electron/contract';

/** What the catalog shows: the search, the filters and the sort, as the toolbar holds them. */
export interface CatalogFilters {
  q: string;
  role?: ProductRole;
  tag?: string;
  brand?: string;
  /** 店铺: the shop or supplier. */
  shop?: string;
  /** `true` in stock (or not tracked), `false` sold out. */
  inStock?: boolean;
  /** Active products (the default), only archived ones, or both. */
  archived: 'active' | 'archived' | 'all';
  sort?: ProductSortKey;
  order?: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: CatalogFilters = { q: '', archived: 'active' };

export type ListQuery = Omit<ProductListInput, 'limit' | 'offset'>;

/** The filters as a `products.list` input (without the page). Empty values are left out. */
export function listQuery(f: CatalogFilters): ListQuery {
  const out: ListQuery = {};
  const q = f.q.trim();
  if (q) out.q = q;
  if (f.role) out.role = f.role;
  if (f.tag?.trim()) out.tag = f.tag.trim();
  if (f.brand?.trim()) out.brand = f.brand.trim();
  if (f.shop?.trim()) out.shop = f.shop.trim();
  if (f.inStock !== undefined) out.inStock = f.inStock;
  if (f.archived === 'archived') out.archived = true;
  if (f.archived === 'all') out.includeArchived = true;
  if (f.sort) {
    out.sort = f.sort;
    if (f.order) out.order = f.order;
  }
  return out;
}

/** True when anything narrows the list (so an empty answer means "no match", not "empty catalog"). */
export function isFiltered(f: CatalogFilters): boolean {
  return !!(f.q.trim() || f.role || f.tag?.trim() || f.brand?.trim() || f.shop?.trim() || f.inStock !== undefined || f.archived !== 'active');
}

/** Header click: default order first, then the other way, then back to the default sort. */
export function nextSort(f: CatalogFilters, key: ProductSortKey, defaultOrder: 'asc' | 'desc'): Pick<CatalogFilters, 'sort' | 'order'> {
  if (f.sort !== key) return { sort: key, order: defaultOrder };
  if (f.order === defaultOrder) return { sort: key, order: defaultOrder === 'asc' ? 'desc' : 'asc' };
  return { sort: undefined, order: undefined };
}

import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Checkbox, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogFilters } from '../catalog-filters';
import { COLUMNS, GRID_TEMPLATE, HEAD_HEIGHT, type ColumnDef } from './columns';

interface Props {
  filters: CatalogFilters;
  onSort(column: ColumnDef): void;
  /** Header checkbox: all loaded rows selected / some / none. */
  selectState: 'all' | 'some' | 'none';
  onSelectAll(selected: boolean): void;
}

const LABELS: Partial<Record<ColumnDef['key'], string>> = {
  sku: 'product.fields.sku',
  title: 'product.fields.title',
  brand: 'product.fields.brand',
  role: 'product.fields.role',
  price: 'product.fields.price',
  commission: 'catalog.table.commission',
  stock: 'product.fields.stock',
  tags: 'product.fields.tags',
  variants: 'catalog.table.variants',
  actions: 'common.actions',
};

/** Sticky column headers; sortable ones cycle default order → reverse → unsorted. */
export function TableHeader({ filters, onSort, selectState, onSelectAll }: Props) {
  const { t } = useTranslation();
  return (
    <div className="cc-vtable-head" role="row" style={{ gridTemplateColumns: GRID_TEMPLATE, height: HEAD_HEIGHT }}>
      {COLUMNS.map((c) => {
        const className = `cc-vcell ${c.align ?? ''}`;
        if (c.key === 'select') {
          return (
            <div key={c.key} className={className} role="columnheader">
              <Tooltip title={t('catalog.table.selectLoaded')}>
                <Checkbox
                  checked={selectState === 'all'}
                  indeterminate={selectState === 'some'}
                  onChange={(e) => onSelectAll(e.target.checked)}
                  aria-label={t('catalog.table.selectLoaded')}
                  data-testid="select-all"
                />
              </Tooltip>
            </div>
          );
        }
        const label = LABELS[c.key] ? t(LABELS[c.key] as 'common.actions') : '';
        if (!c.sort) return <div key={c.key} className={className} role="columnheader">{label}</div>;
        const active = filters.sort === c.sort.key;
        const Icon = filters.order === 'asc' ? CaretUpOutlined : CaretDownOutlined;
        return (
          <div
            key={c.key}
            role="columnheader"
            aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none'}
            className={`${className} cc-sort`}
            data-testid={`sort-${c.key}`}
            onClick={() => onSort(c)}
          >
            {label}
            {active && <Icon style={{ marginInlineStart: 4, fontSize: 11 }} />}
          </div>
        );
      })}
    </div>
  );
}

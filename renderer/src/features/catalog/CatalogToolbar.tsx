import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Flex, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_ROLES, type ProductRole } from '../../../../electron/contract';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import type { CatalogFilters } from './catalog-filters';

interface Props {
  filters: CatalogFilters;
  onChange(patch: Partial<CatalogFilters>): void;
  /** Brands and tags seen in the loaded rows, offered while typing. */
  brands: string[];
  tags: string[];
  shops: string[];
}

/** A filter text box that applies after a pause and offers known values. */
function FilterText({ value, onChange, options, placeholder, testId }: { value?: string; onChange(v: string | undefined): void; options: string[]; placeholder: string; testId: string }) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedValue(text.trim(), 300);
  useEffect(() => onChange(debounced || undefined), [debounced]); // onChange is a fresh closure each render: only the text matters
  return (
    <AutoComplete
      allowClear
      value={text}
      options={options.filter((o) => o.toLowerCase().includes(text.toLowerCase())).slice(0, 20).map((o) => ({ value: o }))}
      onChange={(v) => setText(v ?? '')}
      placeholder={placeholder}
      style={{ width: 130 }}
      data-testid={testId}
    />
  );
}

/** Search as you type, and the filters: role, tag, brand, shop, stock, archived. */
export function CatalogToolbar({ filters, onChange, brands, tags, shops }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.q);
  const q = useDebouncedValue(search, 200);
  useEffect(() => {
    if (q.trim() !== filters.q.trim()) onChange({ q });
  }, [q]); // only the debounced text triggers a search

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('catalog.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ width: 300 }}
        data-testid="catalog-search"
      />
      <Select<ProductRole>
        allowClear
        placeholder={t('catalog.filters.role')}
        value={filters.role}
        onChange={(role) => onChange({ role })}
        options={PRODUCT_ROLES.map((r) => ({ value: r, label: t(`product.roles.${r}`) }))}
        style={{ width: 130 }}
        data-testid="filter-role"
      />
      <FilterText value={filters.tag} onChange={(tag) => onChange({ tag })} options={tags} placeholder={t('catalog.filters.tag')} testId="filter-tag" />
      <FilterText value={filters.brand} onChange={(brand) => onChange({ brand })} options={brands} placeholder={t('catalog.filters.brand')} testId="filter-brand" />
      <FilterText value={filters.shop} onChange={(shop) => onChange({ shop })} options={shops} placeholder={t('catalog.filters.shop')} testId="filter-shop" />
      <Select<'in' | 'out'>
        allowClear
        placeholder={t('catalog.filters.stock')}
        value={filters.inStock === undefined ? undefined : filters.inStock ? 'in' : 'out'}
        onChange={(v) => onChange({ inStock: v === undefined ? undefined : v === 'in' })}
        options={[
          { value: 'in', label: t('catalog.filters.inStock') },
          { value: 'out', label: t('catalog.filters.soldOut') },
        ]}
        style={{ width: 120 }}
        data-testid="filter-stock"
      />
      <Segmented<CatalogFilters['archived']>
        value={filters.archived}
        onChange={(archived) => onChange({ archived })}
        options={[
          { value: 'active', label: t('catalog.filters.active') },
          { value: 'archived', label: t('catalog.filters.archived') },
          { value: 'all', label: t('catalog.filters.all') },
        ]}
        data-testid="filter-archived"
      />
    </Flex>
  );
}

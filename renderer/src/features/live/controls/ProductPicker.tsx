import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Avatar, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../electron/contract';
import { moneyText } from '../../../../../electron/contract/overlay-format';
import { mediaUrl } from '../../../api/media';
import { useApi } from '../../../lib/api-context';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';

/** Catalog search for the picker; under 'products' so catalog changes refetch it. */
function useProductSearch(q: string, selectedId: string | null) {
  const api = useApi();
  const list = useQuery({
    queryKey: ['products', 'overlay-picker', { q }],
    queryFn: () => api.call('products.list', { q: q || undefined, limit: 30 }),
    placeholderData: keepPreviousData,
  });
  // The picked product may not be among the results of the current search: fetch it by id.
  const picked = useQuery({
    queryKey: ['products', 'overlay-picker', 'one', selectedId],
    queryFn: () => api.call('products.get', { id: selectedId! }),
    enabled: !!selectedId && !list.data?.items.some((p) => p.id === selectedId),
  });
  const items = list.data?.items ?? [];
  const all = picked.data && !items.some((p) => p.id === picked.data!.id) ? [picked.data, ...items] : items;
  return { items: all, loading: list.isFetching };
}

function ProductOption({ product }: { product: Product }) {
  const image = product.images[0];
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <Avatar shape="square" size={22} src={image ? mediaUrl(image) : undefined} style={{ flex: 'none' }}>
        {product.title.slice(0, 1)}
      </Avatar>
      <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
        {product.shortTitle || product.title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
        {moneyText(product.livePrice, product.currency)}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Pick a product from the catalog by typing: the server searches title, short title, SKU,
 * brand and tags (`products.list` with `q`), so a catalog of thousands stays quick.
 */
export function ProductPicker({
  value,
  onChange,
  testId,
}: {
  value: string | null;
  onChange(id: string | null, product: Product | null): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const { items, loading } = useProductSearch(q, value);
  return (
    <Select
      size="small"
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      value={value ?? undefined}
      placeholder={t('live.fields.productPlaceholder')}
      loading={loading}
      notFoundContent={loading ? t('live.fields.searching') : t('live.fields.noProducts')}
      onChange={(id?: string) => onChange(id ?? null, items.find((p) => p.id === id) ?? null)}
      onOpenChange={(open) => !open && setSearch('')}
      options={items.map((p) => ({ value: p.id, label: <ProductOption product={p} />, title: p.title }))}
      style={{ width: '100%' }}
      popupMatchSelectWidth={340}
      data-testid={testId}
    />
  );
}

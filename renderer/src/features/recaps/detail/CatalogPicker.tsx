import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/api-context';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';

/** Match a platform row to a catalog product: search by title, SKU, brand or platform id. */
export function CatalogPicker({ value, label, onChange, testId }: { value: string | null; label: string | null; onChange(productId: string | null): void; testId?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const found = useQuery({ queryKey: ['products', 'recap-match', q], queryFn: () => api.call('products.list', q ? { q, limit: 30 } : { limit: 30 }) });
  const items = found.data?.items ?? [];
  const options = [
    ...(value && label && !items.some((p) => p.id === value) ? [{ value, label }] : []),
    ...items.map((p) => ({
      value: p.id,
      label: (
        <span>
          {p.title} <Typography.Text type="secondary" className="cc-num">{p.sku}</Typography.Text>
        </span>
      ),
    })),
  ];
  return (
    <Select
      size="small"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      placeholder={t('recaps.products.pickProduct')}
      options={options}
      loading={found.isFetching}
      onChange={(id: string | undefined) => onChange(id ?? null)}
      style={{ width: '100%' }}
      popupMatchSelectWidth={360}
      data-testid={testId}
    />
  );
}

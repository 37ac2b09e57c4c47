import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../../electron/contract';
import { mediaUrl } from '../../../../api/media';
import { useApi } from '../../../../lib/api-context';
import { formatMoney } from '../../../../lib/money';
import { useDebouncedValue } from '../../../../lib/useDebouncedValue';
import { useEditor } from '../editor-context';

/** Pick a product from the catalog by title, SKU, brand or tag (server-side search). */
export function ProductPicker({ value, onChange }: { value: string | null; onChange(product: Product | null): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { products, rememberProducts, lang } = useEditor();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const found = useQuery({
    queryKey: ['products', 'picker', q],
    queryFn: () => api.call('products.list', q ? { q, limit: 30 } : { limit: 30 }),
  });
  const items = found.data?.items ?? [];
  const current = value ? products.get(value) : undefined;
  const options = [...(current && !items.some((p) => p.id === current.id) ? [current] : []), ...items].map((p) => ({
    value: p.id,
    label: (
      <span style={{ display: 'flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
        {p.images[0] && <img src={mediaUrl(p.images[0])} alt="" width={22} height={22} style={{ borderRadius: 3, objectFit: 'cover', flex: 'none' }} />}
        <Typography.Text ellipsis style={{ flex: 1 }}>
          {p.title}
        </Typography.Text>
        <Typography.Text type="secondary" className="cc-num" style={{ fontSize: 12 }}>
          {p.sku} · {formatMoney(p.livePrice, p.currency, lang)}
        </Typography.Text>
      </span>
    ),
    product: p,
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      placeholder={t('plan.pickProduct')}
      options={options}
      loading={found.isFetching}
      notFoundContent={t('plan.noProduct')}
      onChange={(_id, option) => {
        const p = (option as { product?: Product } | undefined)?.product ?? null;
        if (p) rememberProducts([p]);
        onChange(p);
      }}
      style={{ width: '100%' }}
      data-testid="product-picker"
    />
  );
}

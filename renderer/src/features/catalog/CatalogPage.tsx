import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../electron/contract';
import { LoadDemoButton } from '../../components/LoadDemoButton';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useNotify } from '../../lib/notify';
import { ProductDrawer } from './ProductDrawer';
import { ProductTable } from './ProductTable';
import { useDeleteProduct, useProducts } from './queries';

/** Catalog 商品库: search, table, create/edit drawer, delete, and the demo shortcut when empty. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const products = useProducts(q);
  const remove = useDeleteProduct();
  const [target, setTarget] = useState<Product | 'new' | null>(null);

  const items = products.data?.items ?? [];
  const catalogEmpty = products.isSuccess && !q && products.data.total === 0;

  const onDelete = (p: Product) =>
    remove.mutate(p.id, {
      onSuccess: () => notify.success(t('catalog.deleted')),
      onError: (error) => notify.error(error),
    });

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        subtitle={products.data && !catalogEmpty ? t('catalog.total', { count: products.data.total }) : t('catalog.subtitle')}
        extra={
          <>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('catalog.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 280 }}
              data-testid="catalog-search"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="new-product">
              {t('catalog.new')}
            </Button>
          </>
        }
      />
      {products.isError && (
        <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} action={<Button size="small" onClick={() => products.refetch()}>{t('common.retry')}</Button>} />
      )}
      {catalogEmpty ? (
        <Card data-testid="catalog-empty">
          <Empty
            description={
              <div style={{ maxWidth: 520, margin: '0 auto' }}>
                <Typography.Title level={5}>{t('catalog.empty.title')}</Typography.Title>
                <Typography.Paragraph type="secondary">{t('catalog.empty.body')}</Typography.Paragraph>
              </div>
            }
          >
            <LoadDemoButton type="primary" />
            <Button icon={<PlusOutlined />} style={{ marginInlineStart: 8 }} onClick={() => setTarget('new')}>
              {t('catalog.new')}
            </Button>
          </Empty>
        </Card>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <ProductTable
            products={items}
            loading={products.isPending || (products.isFetching && products.isPlaceholderData)}
            emptyText={q ? t('catalog.noMatch', { q }) : undefined}
            onEdit={setTarget}
            onDelete={onDelete}
          />
        </Card>
      )}
      <ProductDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}

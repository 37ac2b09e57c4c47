import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Typography, type ButtonProps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../electron/contract';
import { LoadDemoButton } from '../../components/LoadDemoButton';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/api-context';
import { useNotify } from '../../lib/notify';
import { BulkEditModal } from './bulk/BulkEditModal';
import { DEFAULT_FILTERS, isFiltered, type CatalogFilters } from './catalog-filters';
import { CatalogToolbar } from './CatalogToolbar';
import { fieldLabel } from './drawer/field-label';
import { duplicateProduct } from './duplicate';
import { ExportButtons } from './ExportButtons';
import { ImportWizard } from './import/ImportWizard';
import { ProductDrawer } from './ProductDrawer';
import { ProductTable } from './ProductTable';
import { useDeleteProduct, useUpdateProduct } from './queries';
import type { RowActions } from './table/ProductRow';

const SEEN_MAX = 500;

/** Catalog 商品库: search and filters, the virtual table, inline and bulk edits, import/export. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const update = useUpdateProduct();
  const remove = useDeleteProduct();
  const [filters, setFilters] = useState<CatalogFilters>(DEFAULT_FILTERS);
  const [total, setTotal] = useState<number | null>(null);
  const [target, setTarget] = useState<Product | 'new' | null>(null);
  const [selected, setSelected] = useState<ReadonlyMap<string, Product>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [seen, setSeen] = useState<{ brands: string[]; tags: string[]; shops: string[] }>({ brands: [], tags: [], shops: [] });

  const catalogEmpty = total === 0 && !isFiltered(filters);
  const label = (field: string) => fieldLabel(t, field);

  const onLoaded = (products: Product[]) =>
    setSeen((prev) => {
      const brands = new Set(prev.brands);
      const tags = new Set(prev.tags);
      const shops = new Set(prev.shops);
      for (const p of products) {
        if (p.brand && brands.size < SEEN_MAX) brands.add(p.brand);
        if (p.shopName && shops.size < SEEN_MAX) shops.add(p.shopName);
        for (const tag of p.tags) if (tags.size < SEEN_MAX) tags.add(tag);
      }
      const same = brands.size === prev.brands.length && tags.size === prev.tags.length && shops.size === prev.shops.length;
      return same ? prev : { brands: [...brands].sort(), tags: [...tags].sort(), shops: [...shops].sort() };
    });

  const select = (products: Product[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const p of products) {
        if (on) next.set(p.id, p);
        else next.delete(p.id);
      }
      return next;
    });

  // Row callbacks stay the same object, so memoized rows do not re-render while scrolling.
  const { modal } = App.useApp();
  const live = useRef({ api, notify, update, remove, t, label, modal });
  live.current = { api, notify, update, remove, t, label, modal };
  const actions = useMemo<RowActions>(() => {
    const patch = async (input: Parameters<typeof update.mutateAsync>[0], done: string) => {
      const { notify: n, update: u, label: l } = live.current;
      try {
        await u.mutateAsync(input);
        n.success(done);
      } catch (error) {
        n.error(error, l);
        throw error;
      }
    };
    return {
      onSelect: (p, on) => select([p], on),
      onEdit: (p) => setTarget(p),
      onDuplicate: (p) => {
        const { api: a, notify: n, t: tr } = live.current;
        duplicateProduct(a, p).then(
          (copy) => {
            n.success(tr('catalog.duplicated', { sku: copy.sku }));
            setTarget(copy);
          },
          (error) => n.error(error),
        );
      },
      onArchive: (p, archived) => void patch({ id: p.id, archived }, live.current.t(archived ? 'catalog.archived' : 'catalog.restored', { sku: p.sku })).catch(() => undefined),
      onDelete: (p) => {
        const { t: tr, modal: m } = live.current;
        m.confirm({
          title: tr('catalog.deleteConfirm'),
          content: tr('catalog.deleteConfirmBody'),
          okText: tr('common.delete'),
          cancelText: tr('common.cancel'),
          okButtonProps: { danger: true, 'data-testid': 'confirm-delete' } as ButtonProps,
          onOk: () =>
            live.current.remove.mutateAsync(p.id).then(
              () => {
                live.current.notify.success(tr('catalog.deleted'));
                select([p], false);
              },
              (error) => live.current.notify.error(error),
            ),
        });
      },
      onSaveLivePrice: (p, livePrice) => patch({ id: p.id, livePrice }, live.current.t('catalog.priceSaved', { sku: p.sku })),
      onSaveStock: (p, stock) => patch({ id: p.id, stock }, live.current.t('catalog.stockSaved', { sku: p.sku })),
      onSaveCommission: (p, commissionRate) => patch({ id: p.id, commissionRate }, live.current.t('catalog.affiliate.commissionSaved', { sku: p.sku })),
    };
  }, []);

  return (
    <Flex vertical style={{ height: 'calc(100vh - 104px)', minHeight: 480 }}>
      <PageHeader
        title={t('catalog.title')}
        subtitle={total !== null && !catalogEmpty ? t('catalog.total', { count: total.toLocaleString() as unknown as number }) : t('catalog.subtitle')}
        extra={
          <>
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="import-button">
              {t('catalog.import.button')}
            </Button>
            <ExportButtons />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="new-product">
              {t('catalog.new')}
            </Button>
          </>
        }
      />
      {catalogEmpty && (
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
            <Button icon={<UploadOutlined />} style={{ marginInlineStart: 8 }} onClick={() => setImportOpen(true)}>
              {t('catalog.import.button')}
            </Button>
            <Button icon={<PlusOutlined />} style={{ marginInlineStart: 8 }} onClick={() => setTarget('new')}>
              {t('catalog.new')}
            </Button>
          </Empty>
        </Card>
      )}
      {/* Kept mounted while empty: it notices the first product (from anywhere) by itself. */}
      <Flex vertical style={{ flex: 1, minHeight: 0, display: catalogEmpty ? 'none' : 'flex' }}>
        <CatalogToolbar filters={filters} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} brands={seen.brands} tags={seen.tags} shops={seen.shops} />
        {selected.size > 0 && (
          <Alert
            type="info"
            style={{ marginBottom: 8, padding: '4px 12px' }}
            data-testid="selection-bar"
            title={
              <Flex align="center" gap={12}>
                <span data-testid="selection-count">{t('catalog.selection.count', { count: selected.size })}</span>
                <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setBulkOpen(true)} data-testid="bulk-edit">
                  {t('catalog.selection.bulkEdit')}
                </Button>
                <Button size="small" type="link" onClick={() => setSelected(new Map())} data-testid="selection-clear">
                  {t('catalog.selection.clear')}
                </Button>
              </Flex>
            }
          />
        )}
        <ProductTable
          filters={filters}
          onFiltersChange={(p) => setFilters((f) => ({ ...f, ...p }))}
          selected={selected}
          onSelectMany={select}
          actions={actions}
          emptyText={filters.q.trim() ? t('catalog.noMatch', { q: filters.q.trim() }) : t('catalog.noFilterMatch')}
          onTotal={setTotal}
          onLoaded={onLoaded}
        />
      </Flex>
      <ProductDrawer target={target} onClose={() => setTarget(null)} />
      <BulkEditModal
        open={bulkOpen}
        ids={[...selected.keys()]}
        onClose={(done) => {
          setBulkOpen(false);
          if (done) setSelected(new Map());
        }}
      />
      <ImportWizard open={importOpen} onClose={() => setImportOpen(false)} />
    </Flex>
  );
}

import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../electron/contract';
import { mediaUrl } from '../../../api/media';
import { useApi } from '../../../lib/api-context';
import { formatMoney } from '../../../lib/money';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { ROLE_COLORS } from '../../catalog/ProductTable';
import { useEditor } from './editor-context';

/** Pick several products from the catalog at once; each becomes a pitch cue, in the order picked. */
export function AddProductsModal({ open, onClose, onAdd }: { open: boolean; onClose(): void; onAdd(products: Product[]): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { lang } = useEditor();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const [picked, setPicked] = useState<Product[]>([]);
  const list = useQuery({
    queryKey: ['products', 'add-to-show', q],
    queryFn: () => api.call('products.list', q ? { q, limit: 200 } : { limit: 200 }),
    enabled: open,
  });
  const close = () => {
    setPicked([]);
    setSearch('');
    onClose();
  };
  return (
    <Modal
      open={open}
      width={760}
      title={t('plan.addProducts')}
      okText={t('plan.addCount', { count: picked.length })}
      okButtonProps={{ disabled: picked.length === 0, 'data-testid': 'add-products-ok' } as never}
      cancelText={t('common.cancel')}
      onOk={() => {
        onAdd(picked);
        close();
      }}
      onCancel={close}
      data-testid="add-products"
    >
      <Input allowClear prefix={<SearchOutlined />} placeholder={t('catalog.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 8 }} data-testid="add-products-search" />
      <Table<Product>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ y: 420 }}
        rowSelection={{
          selectedRowKeys: picked.map((p) => p.id),
          onSelect: (p, selected) => setPicked((cur) => (selected ? [...cur, p] : cur.filter((x) => x.id !== p.id))),
          onSelectAll: (selected, _rows, changed) =>
            setPicked((cur) => (selected ? [...cur, ...changed.filter((p) => !cur.some((x) => x.id === p.id))] : cur.filter((x) => !changed.some((p) => p.id === x.id)))),
        }}
        onRow={(p) => ({
          onClick: (e: React.MouseEvent) => {
            // The checkbox already toggled this row through rowSelection.
            if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
            setPicked((cur) => (cur.some((x) => x.id === p.id) ? cur.filter((x) => x.id !== p.id) : [...cur, p]));
          },
          'data-testid': 'add-product-row',
        } as never)}
        columns={[
          {
            key: 'img',
            width: 44,
            render: (_, p) => (p.images[0] ? <img src={mediaUrl(p.images[0])} alt="" width={28} height={28} style={{ borderRadius: 4, objectFit: 'cover', display: 'block' }} /> : null),
          },
          { title: t('product.fields.title'), dataIndex: 'title', ellipsis: true },
          { title: t('product.fields.sku'), dataIndex: 'sku', width: 110, render: (s: string) => <span className="cc-mono">{s}</span> },
          { title: t('product.fields.role'), dataIndex: 'role', width: 100, render: (r: Product['role']) => <Tag color={ROLE_COLORS[r]}>{t(`product.roles.${r}`)}</Tag> },
          {
            title: t('product.fields.livePrice'),
            key: 'price',
            width: 100,
            align: 'right',
            render: (_, p) => <span className="cc-num">{formatMoney(p.livePrice, p.currency, lang)}</span>,
          },
          {
            title: t('product.fields.stock'),
            dataIndex: 'stock',
            width: 70,
            align: 'right',
            render: (s: number | null) => (s === 0 ? <Typography.Text type="danger">{t('product.soldOut')}</Typography.Text> : <span className="cc-num">{s ?? '—'}</span>),
          },
        ]}
      />
    </Modal>
  );
}

import { DeleteOutlined, EditOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product, ProductRole } from '../../../../electron/contract';
import { mediaUrl } from '../../api/media';
import { formatMoney } from '../../lib/money';
import { normalizeLanguage } from '../../lib/prefs';

export const ROLE_COLORS: Record<ProductRole, string> = {
  traffic: 'blue',
  perk: 'gold',
  profit: 'green',
  hero: 'magenta',
  regular: 'default',
};

const THUMB = 40;

function Thumb({ product }: { product: Product }) {
  const hash = product.images[0];
  const box = { width: THUMB, height: THUMB, borderRadius: 4, flex: 'none' } as const;
  if (!hash) {
    return (
      <Flex align="center" justify="center" style={{ ...box, background: 'rgba(127,127,127,0.12)' }}>
        <PictureOutlined style={{ opacity: 0.45 }} />
      </Flex>
    );
  }
  return <img src={mediaUrl(hash)} alt="" loading="lazy" data-testid="product-thumb" style={{ ...box, objectFit: 'cover', display: 'block' }} />;
}

interface Props {
  products: Product[];
  loading: boolean;
  emptyText?: string;
  onEdit(product: Product): void;
  onDelete(product: Product): void;
}

/** The dense catalog table: what a producer scans before and during a show. */
export function ProductTable({ products, loading, emptyText, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, lang);

  const columns: TableColumnsType<Product> = [
    { key: 'image', width: THUMB + 16, render: (_, p) => <Thumb product={p} /> },
    {
      title: t('product.fields.sku'),
      dataIndex: 'sku',
      width: 120,
      render: (sku: string) => <span className="cc-mono">{sku}</span>,
    },
    {
      title: t('product.fields.title'),
      key: 'title',
      render: (_, p) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: p.title }} style={{ display: 'block' }}>
            {p.title}
          </Typography.Text>
          {(p.shortTitle || p.archived) && (
            <Space size={6}>
              {p.shortTitle && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.shortTitle}
                </Typography.Text>
              )}
              {p.archived && <Tag variant="filled">{t('product.archivedTag')}</Tag>}
            </Space>
          )}
        </div>
      ),
    },
    { title: t('product.fields.brand'), dataIndex: 'brand', width: 140, ellipsis: true },
    {
      title: t('product.fields.role'),
      dataIndex: 'role',
      width: 100,
      render: (role: ProductRole) => (
        <Tag color={ROLE_COLORS[role]} data-testid="role-tag">
          {t(`product.roles.${role}`)}
        </Tag>
      ),
    },
    {
      title: t('product.fields.price'),
      key: 'price',
      width: 150,
      align: 'right',
      render: (_, p) => (
        <Space size={6} className="cc-num">
          {p.listPrice > p.livePrice && (
            <Typography.Text delete type="secondary" style={{ fontSize: 12 }}>
              {money(p.listPrice, p.currency)}
            </Typography.Text>
          )}
          <Typography.Text strong data-testid="live-price">
            {money(p.livePrice, p.currency)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('product.fields.stock'),
      dataIndex: 'stock',
      width: 90,
      align: 'right',
      render: (stock: number | null) =>
        stock === null ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : stock === 0 ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="sold-out">
            {t('product.soldOut')}
          </Tag>
        ) : (
          <span className="cc-num">{stock.toLocaleString(lang)}</span>
        ),
    },
    {
      title: t('product.fields.tags'),
      dataIndex: 'tags',
      width: 220,
      render: (tags: string[]) => (
        <Flex gap={4} wrap>
          {tags.slice(0, 3).map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
          {tags.length > 3 && (
            <Tooltip title={tags.slice(3).join(' · ')}>
              <Tag style={{ marginInlineEnd: 0 }}>+{tags.length - 3}</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 88,
      fixed: 'right',
      align: 'center',
      render: (_, p) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} data-testid="edit-product" onClick={() => onEdit(p)} />
          </Tooltip>
          <Popconfirm
            title={t('catalog.deleteConfirm')}
            description={t('catalog.deleteConfirmBody')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
            onConfirm={() => onDelete(p)}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="delete-product" />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<Product>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={products}
      loading={loading}
      tableLayout="fixed"
      // Below this width the title column would be squeezed to nothing: scroll instead.
      scroll={{ x: 1120 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={emptyText ? { emptyText } : undefined}
      data-testid="product-table"
    />
  );
}

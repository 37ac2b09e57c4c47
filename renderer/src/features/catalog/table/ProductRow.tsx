import { CopyOutlined, DeleteOutlined, EditOutlined, InboxOutlined, PictureOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Tag, Typography } from 'antd';
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product, ProductRole } from '../../../../../electron/contract';
import { mediaUrl } from '../../../api/media';
import { formatMoney } from '../../../lib/money';
import { normalizeLanguage } from '../../../lib/prefs';
import { COLUMNS, GRID_TEMPLATE, ROW_HEIGHT } from './columns';
import { InlineNumber } from './InlineNumber';
import { checkCommission, checkLivePrice, checkStock, priceText } from './inline-values';

export const ROLE_COLORS: Record<ProductRole, string> = {
  traffic: 'blue',
  perk: 'gold',
  profit: 'green',
  hero: 'magenta',
  regular: 'default',
};

export interface RowActions {
  onSelect(product: Product, selected: boolean): void;
  onEdit(product: Product): void;
  onDuplicate(product: Product): void;
  onArchive(product: Product, archived: boolean): void;
  /** Asks first (one confirm dialog for the page, not a popover per row). */
  onDelete(product: Product): void;
  onSaveLivePrice(product: Product, minor: number): Promise<void>;
  onSaveStock(product: Product, stock: number | null): Promise<void>;
  onSaveCommission(product: Product, commissionRate: number | null): Promise<void>;
}

const THUMB = 40;

export function Thumb({ hash, size = THUMB }: { hash: string | undefined; size?: number }) {
  const box = { width: size, height: size, borderRadius: 4, flex: 'none' } as const;
  if (!hash) {
    return (
      <Flex align="center" justify="center" style={{ ...box, background: 'rgba(127,127,127,0.12)' }}>
        <PictureOutlined style={{ opacity: 0.45 }} />
      </Flex>
    );
  }
  return <img src={mediaUrl(hash)} alt="" loading="lazy" data-testid="product-thumb" style={{ ...box, objectFit: 'cover', display: 'block', background: 'rgba(127,127,127,0.12)' }} />;
}

/** Rough px of a tag: CJK is about twice as wide as Latin at 12 px, plus the tag's padding. */
const tagWidth = (text: string) => 18 + [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
const TAGS_PX = (COLUMNS.find((c) => c.key === 'tags')!.width as number) - 16;

/** As many tags as fit the column, keeping room for the "+n" of the rest. */
function visibleTags(tags: string[]): number {
  let used = 0;
  for (let i = 0; i < tags.length; i++) {
    const room = i === tags.length - 1 ? TAGS_PX : TAGS_PX - 34;
    used += tagWidth(tags[i]!) + (i > 0 ? 4 : 0);
    if (used > room) return Math.max(1, i);
  }
  return tags.length;
}

const cellClass = (i: number) => `cc-vcell ${COLUMNS[i]!.align ?? ''} ${COLUMNS[i]!.key}`;

/** A row waiting for its page: same height, quiet bars. */
export function SkeletonRow({ top }: { top: number }) {
  return (
    <div className="cc-vrow" role="row" style={rowStyle(top)} data-testid="product-row-loading">
      {COLUMNS.map((c, i) => (
        <div key={c.key} className={cellClass(i)}>
          {c.key !== 'select' && c.key !== 'actions' && <div className="cc-skeleton" style={{ width: c.key === 'title' ? '70%' : '60%' }} />}
        </div>
      ))}
    </div>
  );
}

interface Props {
  product: Product;
  selected: boolean;
  /** px from the top of the rows; a number (not a style object) so memo holds while scrolling. */
  top: number;
  actions: RowActions;
}

/** Where a row sits: absolute, moved by transform (no layout of the others). */
export const rowStyle = (top: number): CSSProperties => ({ top: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)`, gridTemplateColumns: GRID_TEMPLATE });

/** One dense product row; memoized so scrolling re-renders only rows that enter the window. */
export const ProductRow = memo(function ProductRow({ product: p, selected, top, actions }: Props) {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const money = (minor: number) => formatMoney(minor, p.currency, lang);
  const shownTags = visibleTags(p.tags);
  const cells: Record<(typeof COLUMNS)[number]['key'], React.ReactNode> = {
    select: <Checkbox checked={selected} onChange={(e) => actions.onSelect(p, e.target.checked)} aria-label={t('catalog.table.select')} data-testid="row-select" />,
    image: <Thumb hash={p.images[0]} />,
    sku: <span className="cc-mono" title={p.sku}>{p.sku}</span>,
    title: (
      <div style={{ minWidth: 0 }}>
        <div className="cc-ellipsis cc-strong" title={p.title}>
          {p.title}
        </div>
        <Flex gap={6} align="center" style={{ fontSize: 12, minWidth: 0 }}>
          {p.archived && <Tag variant="filled" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>{t('product.archivedTag')}</Tag>}
          {p.shortTitle && <span className="cc-ellipsis cc-secondary">{p.shortTitle}</span>}
        </Flex>
      </div>
    ),
    brand: (
      <div style={{ minWidth: 0 }}>
        <div className="cc-ellipsis" title={p.brand}>{p.brand}</div>
        {p.shopName && <div className="cc-ellipsis cc-secondary" style={{ fontSize: 12 }} title={p.shopName} data-testid="shop-name">{p.shopName}</div>}
      </div>
    ),
    role: (
      <Tag color={ROLE_COLORS[p.role]} data-testid="role-tag" style={{ marginInlineEnd: 0 }}>
        {t(`product.roles.${p.role}`)}
      </Tag>
    ),
    price: (
      <Flex gap={6} justify="flex-end" align="baseline" className="cc-num">
        {p.listPrice > p.livePrice && (
          <Typography.Text delete type="secondary" style={{ fontSize: 12 }} data-testid="list-price">
            {money(p.listPrice)}
          </Typography.Text>
        )}
        <InlineNumber
          testId="live-price"
          label={t('catalog.table.editLivePrice')}
          display={<Typography.Text strong data-testid="live-price">{money(p.livePrice)}</Typography.Text>}
          initial={priceText(p.livePrice, p.currency)}
          validate={(text) => { const r = checkLivePrice(text, p.currency, t); return r.ok ? null : r.message; }}
          save={(text) => { const r = checkLivePrice(text, p.currency, t); return r.ok ? actions.onSaveLivePrice(p, r.value) : Promise.reject(); }}
        />
      </Flex>
    ),
    commission: (
      <div style={{ textAlign: 'right' }}>
        <InlineNumber
          testId="commission"
          label={t('catalog.affiliate.editCommission')}
          display={
            p.commissionRate === null ? (
              <Typography.Text type="secondary">–</Typography.Text>
            ) : (
              <span className="cc-num" data-testid="commission">{t('catalog.affiliate.commissionShort', { rate: (p.commissionRate / 100).toLocaleString(lang) })}</span>
            )
          }
          initial={p.commissionRate === null ? '' : String(p.commissionRate / 100)}
          validate={(text) => { const r = checkCommission(text, t); return r.ok ? null : r.message; }}
          save={(text) => { const r = checkCommission(text, t); return r.ok ? actions.onSaveCommission(p, r.value) : Promise.reject(); }}
        />
        {p.priceAfterCoupon !== null && p.priceAfterCoupon < p.livePrice && (
          <div className="cc-secondary cc-num" style={{ fontSize: 11, whiteSpace: 'nowrap' }} data-testid="after-coupon">
            {t('catalog.affiliate.afterCoupon', { price: money(p.priceAfterCoupon) })}
          </div>
        )}
      </div>
    ),
    stock: (
      <InlineNumber
        testId="stock"
        label={t('catalog.table.editStock')}
        display={
          p.stock === null ? (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          ) : p.stock === 0 ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="sold-out">{t('product.soldOut')}</Tag>
          ) : (
            <span className="cc-num" data-testid="stock">{p.stock.toLocaleString(lang)}</span>
          )
        }
        initial={p.stock === null ? '' : String(p.stock)}
        validate={(text) => { const r = checkStock(text, t); return r.ok ? null : r.message; }}
        save={(text) => { const r = checkStock(text, t); return r.ok ? actions.onSaveStock(p, r.value) : Promise.reject(); }}
      />
    ),
    tags: (
      <Flex gap={4} style={{ overflow: 'hidden' }} title={p.tags.join(' · ')}>
        {p.tags.slice(0, shownTags).map((tag) => <Tag key={tag} style={{ marginInlineEnd: 0, flex: 'none' }}>{tag}</Tag>)}
        {p.tags.length > shownTags && <Tag style={{ marginInlineEnd: 0, flex: 'none' }}>+{p.tags.length - shownTags}</Tag>}
      </Flex>
    ),
    variants: p.variants.length > 0 ? (
      <span className="cc-num" data-testid="variants-count" title={t('catalog.table.variantsCount', { count: p.variants.length })}>{p.variants.length}</span>
    ) : (
      <Typography.Text type="secondary">–</Typography.Text>
    ),
    actions: (
      <Flex gap={0} justify="center">
        <Button title={t('common.edit')} type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} data-testid="edit-product" onClick={() => actions.onEdit(p)} />
        <Button title={t('catalog.actions.duplicate')} type="text" size="small" icon={<CopyOutlined />} aria-label={t('catalog.actions.duplicate')} data-testid="duplicate-product" onClick={() => actions.onDuplicate(p)} />
        <Button
            title={t(p.archived ? 'catalog.actions.restore' : 'catalog.actions.archive')}
            type="text"
            size="small"
            icon={p.archived ? <UndoOutlined /> : <InboxOutlined />}
            aria-label={t(p.archived ? 'catalog.actions.restore' : 'catalog.actions.archive')}
            data-testid={p.archived ? 'restore-product' : 'archive-product'}
            onClick={() => actions.onArchive(p, !p.archived)}
          />
        <Button title={t('common.delete')} type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="delete-product" onClick={() => actions.onDelete(p)} />
      </Flex>
    ),
  };
  return (
    <div
      role="row"
      className={`cc-vrow${selected ? ' selected' : ''}${p.archived ? ' archived' : ''}`}
      style={rowStyle(top)}
      data-testid="product-row"
      data-sku={p.sku}
    >
      {COLUMNS.map((c, i) => (
        <div key={c.key} role="cell" className={cellClass(i)}>
          {cells[c.key]}
        </div>
      ))}
    </div>
  );
});

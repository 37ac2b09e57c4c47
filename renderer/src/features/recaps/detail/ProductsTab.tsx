import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recap, RecapProduct } from '../../../../../electron/contract';
import { percentText } from '../../../../../electron/contract/recap-format';
import { formatClock } from '../../../../../electron/contract/schedule';
import { useNotify } from '../../../lib/notify';
import type { Language } from '../../../lib/prefs';
import { ROLE_COLORS } from '../../catalog/ProductTable';
import { ProductHistory } from '../ProductHistory';
import { useRecapMutations } from '../queries';
import { metric } from '../recap-text';
import { CatalogPicker } from './CatalogPicker';

/**
 * One row per product: sales, time on air, GMV per minute on air, estimates; a row the platform
 * file could not match gets a product picker (the match is remembered for the next file).
 */
export function ProductsTab({ recap, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { matches } = useRecapMutations();
  const [history, setHistory] = useState<RecapProduct | null>(null);
  const money = (v: number | null) => <span className="cc-num">{metric('gmv', v, lang)}</span>;
  const count = (v: number | null) => <span className="cc-num">{v === null ? '' : v.toLocaleString('en-US')}</span>;
  const match = (p: RecapProduct, productId: string | null) =>
    matches.mutate({ id: recap.show.id, matches: p.rows.map((row) => ({ row, productId })) }, { onSuccess: () => notify.success(t('recaps.products.matched')), onError: (e) => notify.error(e) });

  const columns: TableColumnsType<RecapProduct> = [
    {
      title: t('recaps.products.product'),
      key: 'title',
      width: 260,
      render: (_, p) => (
        <div>
          <Typography.Text ellipsis style={{ maxWidth: 240 }} title={p.title}>
            {p.title}
          </Typography.Text>
          <div style={{ fontSize: 11 }}>
            <Typography.Text type="secondary" className="cc-num">{p.sku ?? p.platformProductId ?? ''}</Typography.Text>
            {p.matchedBy && <Typography.Text type="secondary"> · {t(`recaps.products.matchedBy.${p.matchedBy}`)}</Typography.Text>}
            {p.productId && !p.inPlan && <Typography.Text type="warning"> · {t('recaps.products.notInPlan')}</Typography.Text>}
          </div>
        </div>
      ),
    },
    {
      title: t('recaps.products.role'),
      dataIndex: 'role',
      width: 90,
      render: (r: RecapProduct['role']) => <Tag color={r ? ROLE_COLORS[r] : 'default'}>{t(`recaps.roles.${r ?? 'unmatched'}`)}</Tag>,
    },
    { title: t('recaps.products.price'), dataIndex: 'price', width: 90, align: 'right', render: money },
    { title: t('recaps.products.gmv'), dataIndex: 'gmv', width: 110, align: 'right', render: money, sorter: (a, b) => (a.gmv ?? -1) - (b.gmv ?? -1) },
    { title: t('recaps.products.units'), dataIndex: 'units', width: 70, align: 'right', render: count },
    { title: t('recaps.products.orders'), dataIndex: 'orders', width: 70, align: 'right', render: count },
    { title: t('recaps.products.onAir'), dataIndex: 'onAirMs', width: 80, align: 'right', render: (v: number) => <span className="cc-num">{v ? formatClock(v) : ''}</span>, sorter: (a, b) => a.onAirMs - b.onAirMs },
    { title: t('recaps.products.card'), dataIndex: 'cardMs', width: 80, align: 'right', render: (v: number) => <span className="cc-num">{v ? formatClock(v) : ''}</span> },
    { title: t('recaps.products.pitches'), dataIndex: 'pitches', width: 60, align: 'right', render: (v: number) => v || '' },
    { title: t('recaps.products.perMinute'), dataIndex: 'gmvPerMinute', width: 110, align: 'right', render: money, sorter: (a, b) => (a.gmvPerMinute ?? -1) - (b.gmvPerMinute ?? -1) },
    { title: t('recaps.products.share'), dataIndex: 'gmvShare', width: 70, align: 'right', render: (v: number | null) => (v === null ? '' : <span className="cc-num">{percentText(v)}</span>) },
    { title: t('recaps.products.clickToOrder'), dataIndex: 'clickToOrder', width: 80, align: 'right', render: (v: number | null) => (v === null ? '' : <span className="cc-num">{percentText(v)}</span>) },
    {
      title: (
        <Tooltip title={t('recaps.metricHelp.commission')}>
          {t('recaps.products.commission')} <Tag color="gold">{t('recaps.estimate')}</Tag>
        </Tooltip>
      ),
      dataIndex: 'commission',
      width: 120,
      align: 'right',
      render: money,
    },
    {
      title: (
        <Tooltip title={t('recaps.metricHelp.grossMargin')}>
          {t('recaps.products.margin')} <Tag color="gold">{t('recaps.estimate')}</Tag>
        </Tooltip>
      ),
      dataIndex: 'grossMargin',
      width: 120,
      align: 'right',
      render: money,
    },
    {
      title: t('recaps.products.match'),
      key: 'match',
      width: 220,
      render: (_, p) =>
        p.rows.length === 0 ? null : (
          <CatalogPicker value={p.productId} label={p.productId ? p.title : null} onChange={(id) => match(p, id)} testId={p.productId ? 'match-product' : 'match-unmatched'} />
        ),
    },
    {
      key: 'history',
      width: 44,
      render: (_, p) =>
        p.productId ? (
          <Tooltip title={t('recaps.products.history')}>
            <Button type="text" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(p)} aria-label={t('recaps.products.history')} />
          </Tooltip>
        ) : null,
    },
  ];
  return (
    <>
      <Table<RecapProduct>
        size="small"
        rowKey="key"
        dataSource={recap.products}
        columns={columns}
        pagination={recap.products.length > 100 ? { pageSize: 100 } : false}
        scroll={{ x: 1700 }}
        rowClassName={(p) => (p.productId ? '' : 'cc-row-warning')}
        data-testid="products-table"
      />
      <Drawer open={!!history} onClose={() => setHistory(null)} size={640} title={history?.title} destroyOnHidden>
        {history?.productId && <ProductHistory productId={history.productId} />}
      </Drawer>
    </>
  );
}

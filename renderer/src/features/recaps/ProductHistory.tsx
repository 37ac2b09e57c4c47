import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductHistory as History, ProductHistoryRow } from '../../../../electron/contract';
import { moneyShort } from '../../../../electron/contract/recap-format';
import { formatClock } from '../../../../electron/contract/schedule';
import { formatDateTime } from '../../lib/format';
import { normalizeLanguage, type Language } from '../../lib/prefs';
import { useProductHistory } from './queries';

type Bucket = History['best']['slot'][number];

/**
 * A product across past shows: which slot, length, price and host sold best per minute on air,
 * and each show it was in. Shown on the recap page and beside a product in the plan editor.
 */
export function ProductHistory({ productId, compact = false }: { productId: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const history = useProductHistory(productId);
  if (history.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const h = history.data;
  if (!h || h.shows.length === 0) return <Typography.Text type="secondary" data-testid="product-history-empty">{t('recaps.history.none')}</Typography.Text>;
  const best = (title: string, list: Bucket[], label: (key: string) => string) => {
    const top = list[0];
    return (
      <Col span={compact ? 12 : 6}>
        <Statistic
          title={title}
          value={top ? label(top.key) : '—'}
          styles={{ content: { fontSize: compact ? 14 : 16 } }}
          suffix={top?.gmvPerMinute != null ? <Typography.Text type="secondary" style={{ fontSize: 11 }}>{t('recaps.history.perMinuteValue', { value: moneyShort(top.gmvPerMinute, lang) })}</Typography.Text> : null}
        />
      </Col>
    );
  };
  return (
    <div data-testid="product-history">
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        {best(t('recaps.history.bestSlot'), h.best.slot, (k) => t(`recaps.history.slots.${k as 'early'}`))}
        {best(t('recaps.history.bestLength'), h.best.length, (k) => t(`recaps.history.lengths.${k as '<5'}`))}
        {best(t('recaps.history.bestPrice'), h.best.price, (k) => moneyShort(Number(k), lang))}
        {best(t('recaps.history.bestHost'), h.best.host, (k) => k)}
      </Row>
      <HistoryTable rows={compact ? h.shows.slice(0, 5) : h.shows} lang={lang} compact={compact} />
    </div>
  );
}

function HistoryTable({ rows, lang, compact }: { rows: ProductHistoryRow[]; lang: Language; compact: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <Table<ProductHistoryRow>
          size="small"
          rowKey="showId"
          dataSource={rows}
          pagination={false}
          scroll={{ x: compact ? 560 : 720 }}
          columns={[
            {
              title: t('recaps.history.show'),
              key: 'show',
              width: compact ? 170 : 220,
              ellipsis: true,
              render: (_, r) => (
                <div>
                  <Link to={`/recaps/${r.showId}`}>{r.title}</Link>
                  <div style={{ fontSize: 11 }}>
                    <Typography.Text type="secondary">{formatDateTime(r.startAt, lang)}</Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: t('recaps.history.slot'), key: 'slot', width: 90, render: (_, r) => (r.slot === null ? '' : t('recaps.history.slotValue', { slot: r.slot, slots: r.slots })) },
            { title: t('recaps.history.length'), dataIndex: 'onAirMs', width: 70, align: 'right', render: (v: number) => <span className="cc-num">{v ? formatClock(v) : ''}</span> },
            { title: t('recaps.history.price'), dataIndex: 'price', width: 80, align: 'right', render: (v: number | null) => <span className="cc-num">{v === null ? '' : moneyShort(v, lang)}</span> },
            ...(compact ? [] : [{ title: t('recaps.history.host'), dataIndex: 'hosts', width: 90, render: (v: string[]) => v.map((n) => <Tag key={n}>{n}</Tag>) }]),
            { title: t('recaps.history.gmv'), dataIndex: 'gmv', width: 90, align: 'right', render: (v: number | null) => <span className="cc-num">{v === null ? '' : moneyShort(v, lang)}</span> },
            { title: t('recaps.history.perMinute'), dataIndex: 'gmvPerMinute', width: 90, align: 'right', render: (v: number | null) => <span className="cc-num">{v === null ? '' : moneyShort(v, lang)}</span> },
          ]}
        />
      )}
    </Card>
  );
}

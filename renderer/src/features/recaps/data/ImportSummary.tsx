import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TOTAL_KEYS, type ProductSalesRow, type RecapImportPreview, type TotalKey } from '../../../../../electron/contract';
import { clockText, durationText, metricText } from '../../../../../electron/contract/recap-format';
import { formatClock } from '../../../../../electron/contract/schedule';
import { normalizeLanguage } from '../../../lib/prefs';
import { fieldLabel } from './import-text';

const MONEY = new Set<TotalKey>(['gmv', 'refund']);
const TIME = new Set<TotalKey>(['avgWatchMs', 'durationMs']);

/** What the file would bring in: matched products, the totals read, the curve's span, the channels. */
export function ImportSummary({ preview, zone }: { preview: RecapImportPreview; zone: string }) {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  if (preview.products) {
    const p = preview.products;
    return (
      <div data-testid="import-summary">
        <Typography.Text strong data-testid="import-matches">
          {t('recaps.import.matches', { matched: p.matched, total: p.matched + p.unmatched })}
        </Typography.Text>
        <Table<ProductSalesRow>
          size="small"
          rowKey="row"
          style={{ marginTop: 6 }}
          dataSource={p.rows.slice(0, 8)}
          pagination={false}
          columns={[
            { title: t('recaps.import.row'), dataIndex: 'row', width: 56 },
            { title: t('recaps.products.product'), dataIndex: 'title', ellipsis: true },
            { title: t('recaps.products.gmv'), dataIndex: 'gmv', width: 120, align: 'right', render: (v: number) => <span className="cc-num">{metricText('gmv', v, lang)}</span> },
            {
              title: t('recaps.products.match'),
              key: 'm',
              width: 140,
              render: (_, r) => (r.productId ? <Tag color="green">{t(`recaps.products.matchedBy.${r.matchedBy!}`)}</Tag> : <Tag color="orange">{t('recaps.products.unmatched')}</Tag>),
            },
          ]}
        />
      </div>
    );
  }
  if (preview.totals) {
    const totals = preview.totals;
    const keys = TOTAL_KEYS.filter((k) => totals[k] !== null);
    const text = (k: TotalKey, v: number) => (MONEY.has(k) ? metricText('gmv', v, lang) : TIME.has(k) ? durationText(v) : v.toLocaleString('en-US'));
    return (
      <Descriptions size="small" column={4} bordered data-testid="import-summary">
        {keys.map((k) => (
          <Descriptions.Item key={k} label={fieldLabel(t, 'totals', k)}>
            <span className="cc-num">{text(k, totals[k]!)}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    );
  }
  if (preview.curve) {
    const c = preview.curve;
    return (
      <Typography.Text strong data-testid="import-summary">
        {t('recaps.import.curve', {
          points: c.points.toLocaleString(),
          from: c.startAt === null ? '—' : clockText(c.startAt, zone),
          to: c.endAt === null ? '—' : clockText(c.endAt, zone),
          step: formatClock(c.resolutionMs),
        })}
      </Typography.Text>
    );
  }
  if (preview.traffic) {
    return (
      <Table
        size="small"
        rowKey="channel"
        dataSource={preview.traffic}
        pagination={false}
        data-testid="import-summary"
        columns={[
          { title: t('recaps.traffic.channel'), dataIndex: 'channel' },
          { title: t('recaps.traffic.views'), dataIndex: 'views', align: 'right' },
          { title: t('recaps.traffic.gmv'), dataIndex: 'gmv', align: 'right', render: (v: number | null) => (v === null ? '' : metricText('gmv', v, lang)) },
        ]}
      />
    );
  }
  return null;
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { METRIC_KEYS, type MetricKey, type Recap } from '../../../../electron/contract';
import { LOWER_IS_BETTER } from '../../../../electron/contract/recap-format';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/api-context';
import { formatDateTime } from '../../lib/format';
import { normalizeLanguage } from '../../lib/prefs';
import { recapKeys } from './queries';
import { metric } from './recap-text';

/** Figures where "best" has no meaning (a length is not better for being long). */
const NO_BEST = new Set<MetricKey>(['durationMs']);

/** Two to six shows side by side, figure by figure; the best of each row stands out. */
export default function ComparePage() {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const api = useApi();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean).slice(0, 6);
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: recapKeys.one(id), queryFn: () => api.call('recaps.get', { id }) })) });
  const recaps = results.map((r) => r.data).filter((r): r is Recap => !!r);
  const keys = METRIC_KEYS.filter((k) => recaps.some((r) => r.metrics[k] !== null));
  const best = (k: MetricKey): number | null => {
    const values = recaps.map((r) => r.metrics[k]).filter((v): v is number => v !== null);
    if (values.length < 2 || NO_BEST.has(k)) return null;
    return LOWER_IS_BETTER.has(k) ? Math.min(...values) : Math.max(...values);
  };
  return (
    <div data-testid="compare-page">
      <Link to="/recaps" style={{ fontSize: 13 }}>
        <ArrowLeftOutlined /> {t('recaps.back')}
      </Link>
      <PageHeader title={t('recaps.compare.title')} />
      {ids.length < 2 ? (
        <Alert type="info" showIcon title={t('recaps.compare.tooFew')} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            loading={results.some((r) => r.isLoading)}
            scroll={{ x: 300 + recaps.length * 200 }}
            dataSource={keys.map((k) => ({ key: k }))}
            data-testid="compare-table"
            columns={[
              { title: t('recaps.compare.metric'), key: 'metric', fixed: 'left', width: 200, render: (_, row) => t(`recaps.metrics.${row.key}`) },
              ...recaps.map((r) => ({
                key: r.show.id,
                width: 200,
                align: 'right' as const,
                title: (
                  <div style={{ textAlign: 'right' }}>
                    <Link to={`/recaps/${r.show.id}`}>{r.show.title}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 400 }}>
                        {formatDateTime(r.show.startAt, lang)}
                      </Typography.Text>
                    </div>
                  </div>
                ),
                render: (_: unknown, row: { key: MetricKey }) => {
                  const v = r.metrics[row.key];
                  const top = v !== null && v === best(row.key);
                  return (
                    <Typography.Text className="cc-num" strong={top} type={top ? 'success' : undefined} data-best={top || undefined}>
                      {metric(row.key, v, lang)}
                    </Typography.Text>
                  );
                },
              })),
            ]}
          />
        </Card>
      )}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShowSummary } from '../../../../electron/contract';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/api-context';
import { formatDateTime, formatDuration } from '../../lib/format';
import { normalizeLanguage } from '../../lib/prefs';
import { queryKeys } from '../../lib/query';

const STATUS_BADGE = { draft: 'default', ready: 'processing', live: 'error', done: 'success' } as const;

/** Shows 直播计划: read-only list for now; the run-of-show editor comes later. */
export default function ShowsPage() {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const api = useApi();
  const shows = useQuery({ queryKey: queryKeys.shows, queryFn: () => api.call('shows.list', {}) });

  const columns: TableColumnsType<ShowSummary> = [
    { title: t('shows.columns.title'), dataIndex: 'title', render: (title: string) => <Typography.Text strong>{title}</Typography.Text> },
    { title: t('shows.columns.platform'), dataIndex: 'platform', width: 130, render: (p: ShowSummary['platform']) => <Tag>{t(`shows.platforms.${p}`)}</Tag> },
    { title: t('shows.columns.startAt'), dataIndex: 'startAt', width: 190, render: (ms: number) => <span className="cc-num">{formatDateTime(ms, lang)}</span> },
    { title: t('shows.columns.length'), dataIndex: 'plannedLengthMs', width: 130, render: (ms: number) => formatDuration(ms, t) },
    {
      title: t('shows.columns.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ShowSummary['status']) => <Badge status={STATUS_BADGE[s]} text={t(`shows.statuses.${s}`)} />,
    },
    {
      title: t('shows.columns.canvas'),
      dataIndex: 'canvas',
      width: 130,
      render: (c: ShowSummary['canvas']) => t(c === '9:16' ? 'shows.canvases.portrait' : 'shows.canvases.landscape'),
    },
    { title: t('shows.columns.cues'), dataIndex: 'cueCount', width: 90, align: 'right', render: (n: number) => <span className="cc-num">{n}</span> },
  ];

  return (
    <>
      <PageHeader title={t('shows.title')} subtitle={`${t('shows.subtitle')} ${t('shows.laterNote')}`} />
      {shows.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ShowSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={shows.data ?? []}
          loading={shows.isPending}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('shows.empty') }}
          data-testid="shows-table"
        />
      </Card>
    </>
  );
}

import { CopyOutlined, DeleteOutlined, DownOutlined, ImportOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Dropdown, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatClock, lengthCheck, type ShowSummary } from '../../../../electron/contract';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { normalizeLanguage } from '../../lib/prefs';
import { BundleImportModal } from './BundleImportModal';
import { useShowMutations, useShows } from './queries';
import { ShowCreateModal, type CreateTarget } from './ShowCreateModal';

const STATUS_BADGE = { draft: 'default', ready: 'processing', live: 'error', done: 'success' } as const;

/** Shows 直播计划 and templates: create, open in the editor, duplicate, template, delete, import. */
export default function ShowsPage() {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const notify = useNotify();
  const [tab, setTab] = useState<'shows' | 'templates'>('shows');
  const templates = tab === 'templates';
  const shows = useShows(templates);
  const templateList = useShows(true);
  const { duplicate, remove } = useShowMutations();
  const [creating, setCreating] = useState<CreateTarget>(null);
  const [importing, setImporting] = useState(false);

  const copy = (s: ShowSummary, asTemplate: boolean) =>
    duplicate.mutate(
      { id: s.id, asTemplate, title: asTemplate ? s.title : t('shows.copyTitle', { title: s.title }) },
      { onSuccess: () => notify.success(t(asTemplate ? 'shows.templateSaved' : 'shows.duplicated')), onError: (e) => notify.error(e) },
    );

  const columns: TableColumnsType<ShowSummary> = [
    {
      title: t('shows.columns.title'),
      dataIndex: 'title',
      render: (title: string, s) => (
        <Link to={`/shows/${s.id}`} data-testid="open-show">
          <Typography.Text strong>{title}</Typography.Text>
        </Link>
      ),
    },
    { title: t('shows.columns.platform'), dataIndex: 'platform', width: 130, render: (p: ShowSummary['platform']) => <Tag>{t(`shows.platforms.${p}`)}</Tag> },
    { title: t('shows.columns.startAt'), dataIndex: 'startAt', width: 190, render: (ms: number) => <span className="cc-num">{formatDateTime(ms, lang)}</span> },
    { title: t('shows.columns.length'), dataIndex: 'plannedLengthMs', width: 120, render: (ms: number) => formatDuration(ms, t) },
    {
      title: t('shows.columns.rundown'),
      key: 'total',
      width: 130,
      render: (_, s) => {
        const { deltaMs, state } = lengthCheck(s.totalMs, s.plannedLengthMs);
        const color = state === 'over' ? 'red' : state === 'under' ? 'orange' : 'green';
        return (
          <Tooltip title={state === 'exact' ? t('plan.timing.exact') : t(`plan.timing.${state}`, { delta: formatClock(Math.abs(deltaMs)) })}>
            <span className="cc-num">{formatClock(s.totalMs)}</span> <Badge color={color} />
          </Tooltip>
        );
      },
    },
    { title: t('shows.columns.status'), dataIndex: 'status', width: 100, render: (st: ShowSummary['status']) => <Badge status={STATUS_BADGE[st]} text={t(`shows.statuses.${st}`)} /> },
    {
      title: t('shows.columns.canvas'),
      dataIndex: 'canvas',
      width: 120,
      render: (c: ShowSummary['canvas']) => t(c === '9:16' ? 'shows.canvases.portrait' : 'shows.canvases.landscape'),
    },
    { title: t('shows.columns.cues'), dataIndex: 'cueCount', width: 96, align: 'right', render: (n: number) => <span className="cc-num">{n}</span> },
    {
      key: 'actions',
      width: 120,
      align: 'right',
      render: (_, s) => (
        <Space size={2}>
          {templates ? (
            <Tooltip title={t('shows.useTemplate')}>
              <Button type="text" size="small" icon={<PlusOutlined />} onClick={() => setCreating(s)} data-testid="use-template" aria-label={t('shows.useTemplate')} />
            </Tooltip>
          ) : (
            <Tooltip title={t('shows.saveAsTemplate')}>
              <Button type="text" size="small" icon={<SnippetsOutlined />} onClick={() => copy(s, true)} data-testid="save-template" aria-label={t('shows.saveAsTemplate')} />
            </Tooltip>
          )}
          <Tooltip title={t('shows.duplicate')}>
            <Button type="text" size="small" icon={<CopyOutlined />} onClick={() => copy(s, templates)} data-testid="duplicate-show" aria-label={t('shows.duplicate')} />
          </Tooltip>
          <Popconfirm
            title={t('shows.deleteConfirm', { title: s.title })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' } as never}
            onConfirm={() => remove.mutate(s.id, { onSuccess: () => notify.success(t('shows.deleted')), onError: (e) => notify.error(e) })}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="delete-show" />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const templateItems = (templateList.data ?? []).map((s) => ({ key: s.id, label: s.title, onClick: () => setCreating(s) }));
  return (
    <>
      <PageHeader
        title={t('shows.title')}
        subtitle={t('shows.subtitle')}
        extra={
          <>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-bundle">
              {t('bundle.import')}
            </Button>
            <Space.Compact>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('new')} data-testid="new-show">
                {t('shows.new')}
              </Button>
              <Dropdown
                menu={{ items: templateItems.length ? templateItems : [{ key: 'none', label: t('shows.noTemplates'), disabled: true }] }}
                trigger={['click']}
              >
                <Button type="primary" icon={<DownOutlined />} aria-label={t('shows.fromTemplate')} title={t('shows.fromTemplate')} data-testid="new-from-template" />
              </Dropdown>
            </Space.Compact>
          </>
        }
      />
      <Segmented
        value={tab}
        onChange={(v) => setTab(v as typeof tab)}
        options={[
          { value: 'shows', label: t('shows.tabShows') },
          { value: 'templates', label: t('shows.tabTemplates') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="shows-tab"
      />
      {shows.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ShowSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={shows.data ?? []}
          loading={shows.isPending}
          pagination={false}
          scroll={{ x: 1080 }}
          locale={{ emptyText: templates ? t('shows.noTemplates') : t('shows.empty') }}
          data-testid="shows-table"
        />
      </Card>
      <ShowCreateModal target={creating} onClose={() => setCreating(null)} />
      <BundleImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

import { BarChartOutlined, SearchOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Flex, Input, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PLATFORMS, type RecapListItem } from '../../../../electron/contract';
import { LoadDemoButton } from '../../components/LoadDemoButton';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/api-context';
import { formatDateTime } from '../../lib/format';
import { normalizeLanguage } from '../../lib/prefs';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useHosts } from '../hosts/queries';
import { DataTags } from './DataTags';
import { recapKeys, useRecapList } from './queries';
import { metric } from './recap-text';

/** Recaps 复盘: every past show with its key figures; filter, open one, or pick 2–6 to compare. */
export default function RecapsPage() {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const navigate = useNavigate();
  const api = useApi();
  const qc = useQueryClient();
  const hosts = useHosts();
  const [platform, setPlatform] = useState<RecapListItem['platform'] | undefined>();
  const [hostId, setHostId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<string[]>([]);
  const filter = {
    ...(platform ? { platform } : {}),
    ...(hostId ? { hostId } : {}),
    ...(range?.[0] ? { from: range[0].startOf('day').valueOf() } : {}),
    ...(range?.[1] ? { to: range[1].endOf('day').valueOf() + 1 } : {}),
    ...(q ? { q } : {}),
  };
  const list = useRecapList(filter);
  // A run that ends elsewhere (the Live page, another seat) shows up here at once.
  useEffect(() => api.on('live.state', (s) => s.state === 'ended' && void qc.invalidateQueries({ queryKey: recapKeys.all })), [api, qc]);

  const columns: TableColumnsType<RecapListItem> = [
    {
      title: t('recaps.list.show'),
      dataIndex: 'title',
      width: 260,
      ellipsis: true,
      render: (title: string, r) => (
        <Link to={`/recaps/${r.showId}`} data-testid="open-recap">
          <Typography.Text strong>{title}</Typography.Text>
        </Link>
      ),
    },
    { title: t('recaps.list.date'), dataIndex: 'startAt', width: 170, render: (ms: number) => <span className="cc-num">{formatDateTime(ms, lang)}</span> },
    { title: t('recaps.filters.platform'), dataIndex: 'platform', width: 110, render: (p: RecapListItem['platform']) => <Tag>{t(`shows.platforms.${p}`)}</Tag> },
    { title: t('recaps.filters.host'), key: 'hosts', width: 120, ellipsis: true, render: (_, r) => r.hosts.map((h) => h.name).join('、') || t('common.none') },
    {
      title: t('recaps.metrics.gmv'),
      dataIndex: 'gmv',
      width: 140,
      align: 'right',
      render: (v: number | null, r) => (
        <Tooltip title={r.goalAchieved !== null ? `${t('recaps.metrics.goalAchieved')} ${metric('goalAchieved', r.goalAchieved, lang)}` : undefined}>
          <span className="cc-num">{metric('gmv', v, lang, true)}</span>
          {r.goalAchieved !== null && <Typography.Text type={r.goalAchieved >= 1 ? 'success' : 'warning'} style={{ marginLeft: 6, fontSize: 12 }}>{metric('goalAchieved', r.goalAchieved, lang)}</Typography.Text>}
        </Tooltip>
      ),
    },
    { title: t('recaps.metrics.orders'), dataIndex: 'orders', width: 90, align: 'right', render: (v: number | null) => <span className="cc-num">{metric('orders', v, lang)}</span> },
    { title: t('recaps.metrics.viewers'), dataIndex: 'viewers', width: 100, align: 'right', render: (v: number | null) => <span className="cc-num">{metric('viewers', v, lang)}</span> },
    { title: t('recaps.metrics.gpm'), dataIndex: 'gpm', width: 110, align: 'right', render: (v: number | null) => <span className="cc-num">{metric('gpm', v, lang, true)}</span> },
    { title: t('recaps.metrics.uvValue'), dataIndex: 'uvValue', width: 90, align: 'right', render: (v: number | null) => <span className="cc-num">{metric('uvValue', v, lang)}</span> },
    { title: t('recaps.metrics.planAdherence'), dataIndex: 'planAdherence', width: 100, align: 'right', render: (v: number | null) => <span className="cc-num">{metric('planAdherence', v, lang)}</span> },
    { title: t('recaps.metrics.durationMs'), dataIndex: 'durationMs', width: 90, align: 'right', render: (v: number | null) => <span className="cc-num">{metric('durationMs', v, lang)}</span> },
    { title: t('recaps.list.data'), key: 'data', width: 200, render: (_, r) => <DataTags kinds={r.imports} run={r.runId !== null} /> },
  ];

  const compare = () => navigate(`/recaps/compare?ids=${picked.map(encodeURIComponent).join(',')}`);
  const empty = list.isSuccess && list.data.length === 0 && Object.keys(filter).length === 0;
  return (
    <>
      <PageHeader
        title={t('recaps.title')}
        subtitle={t('recaps.subtitle')}
        extra={
          <Tooltip title={t('recaps.list.compareHelp')}>
            <Button icon={<SwapOutlined />} disabled={picked.length < 2 || picked.length > 6} onClick={compare} data-testid="compare-shows">
              {t('recaps.list.compare')} ({picked.length})
            </Button>
          </Tooltip>
        }
      />
      {list.isError && <Alert type="error" showIcon title={t('recaps.loadFailed')} style={{ marginBottom: 12 }} />}
      {empty ? (
        <Card>
          <Empty image={<BarChartOutlined style={{ fontSize: 56, opacity: 0.5 }} />} description={<div data-testid="recaps-empty"><Typography.Title level={5}>{t('recaps.emptyTitle')}</Typography.Title><Typography.Paragraph type="secondary">{t('recaps.emptyBody')}</Typography.Paragraph></div>}>
            <LoadDemoButton />
          </Empty>
        </Card>
      ) : (
        <Card styles={{ body: { padding: 12 } }}>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('recaps.filters.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} data-testid="recaps-search" />
            <Select allowClear placeholder={t('recaps.filters.platform')} value={platform} onChange={setPlatform} style={{ width: 150 }} options={PLATFORMS.map((p) => ({ value: p, label: t(`shows.platforms.${p}`) }))} data-testid="recaps-platform" />
            <Select allowClear placeholder={t('recaps.filters.host')} value={hostId} onChange={setHostId} style={{ width: 150 }} options={(hosts.data ?? []).map((h) => ({ value: h.id, label: h.name }))} />
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} />
          </Flex>
          <Table<RecapListItem>
            size="small"
            rowKey="showId"
            loading={list.isFetching}
            dataSource={list.data ?? []}
            columns={columns}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1560 }}
            rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]), getCheckboxProps: (r) => ({ disabled: !picked.includes(r.showId) && picked.length >= 6 }) }}
            data-testid="recaps-table"
          />
        </Card>
      )}
    </>
  );
}

import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Recap, TimelineCue } from '../../../../../electron/contract';
import { clockText, durationText } from '../../../../../electron/contract/recap-format';
import { formatClock } from '../../../../../electron/contract/schedule';

type Segment = Recap['timeline']['segments'][number];

function Delta({ ms, within }: { ms: number | null; within: boolean | null }) {
  if (ms === null) return null;
  return (
    <Typography.Text className="cc-num" type={within ? 'success' : ms > 0 ? 'danger' : 'warning'}>
      {durationText(ms, true)}
    </Typography.Text>
  );
}

/** Planned against actual for every cue and segment; markers, OBS failures and outages. */
export function TimelineTab({ recap }: { recap: Recap }) {
  const { t } = useTranslation();
  const zone = recap.show.timeZone;
  const tl = recap.timeline;
  const statusTag = (c: TimelineCue) =>
    c.adHoc ? <Tag color="purple">{t('recaps.status.adHoc')}</Tag> : <Tag color={c.status === 'aired' ? 'blue' : c.status === 'skipped' ? 'orange' : 'default'}>{t(`recaps.status.${c.status}`)}</Tag>;
  const columns: TableColumnsType<TimelineCue> = [
    { title: t('recaps.timeline.index'), dataIndex: 'index', width: 48, align: 'right' },
    { title: t('recaps.timeline.segment'), dataIndex: 'segmentTitle', width: 90, ellipsis: true },
    { title: t('recaps.timeline.cue'), dataIndex: 'title', ellipsis: true },
    { title: t('recaps.timeline.plannedStart'), dataIndex: 'plannedStartAt', width: 80, render: (v: number | null) => (v === null ? '' : <span className="cc-num">{clockText(v, zone)}</span>) },
    { title: t('recaps.timeline.actualStart'), dataIndex: 'actualStartAt', width: 80, render: (v: number | null) => (v === null ? '' : <span className="cc-num">{clockText(v, zone)}</span>) },
    { title: t('recaps.timeline.planned'), dataIndex: 'plannedMs', width: 100, align: 'right', render: (v: number, c) => (c.adHoc ? '' : <span className="cc-num">{formatClock(v)}</span>) },
    { title: t('recaps.timeline.actual'), dataIndex: 'onAirMs', width: 90, align: 'right', render: (v: number, c) => <span className="cc-num">{c.status === 'aired' ? formatClock(v) : ''}</span> },
    { title: t('recaps.timeline.delta'), key: 'delta', width: 100, align: 'right', render: (_, c) => <Delta ms={c.deltaMs} within={c.withinPlan} /> },
    { title: t('recaps.timeline.status'), key: 'status', width: 96, render: (_, c) => statusTag(c) },
    {
      title: t('recaps.timeline.checklist'),
      key: 'checklist',
      width: 120,
      render: (_, c) =>
        c.checklist.length === 0 ? null : (
          <Tooltip title={<div>{c.checklist.map((i) => <div key={i.item}>{i.done ? '✔' : '○'} {i.item}</div>)}</div>}>
            <Space size={2}>
              {c.checklist.map((i, n) => (i.done ? <CheckCircleFilled key={n} style={{ color: '#52c41a' }} /> : <MinusCircleOutlined key={n} style={{ opacity: 0.5 }} />))}
            </Space>
          </Tooltip>
        ),
    },
    { title: t('recaps.timeline.obs'), dataIndex: 'obsFailures', width: 60, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : '') },
  ];
  const events = [
    ...tl.markers.map((m) => ({ at: m.at, what: t('recaps.timeline.marker'), text: m.label, tone: 'processing' as const })),
    ...tl.obsFailures.map((f) => ({ at: f.at, what: t('recaps.timeline.obsFailure'), text: [f.action, f.message].filter(Boolean).join(' · '), tone: 'error' as const })),
    ...tl.outages.map((o) => ({ at: o.startAt, what: t(o.kind === 'obs' ? 'recaps.timeline.outageObs' : 'recaps.timeline.outageApp'), text: `${formatClock(o.ms)}${o.reason ? ` · ${o.reason}` : ''}`, tone: 'warning' as const })),
  ].sort((a, b) => a.at - b.at);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Table<TimelineCue> size="small" rowKey="id" dataSource={tl.cues} columns={columns} pagination={false} scroll={{ x: 1100 }} data-testid="timeline-table" />
      <Card size="small" title={t('recaps.timeline.segments')}>
        <Table<Segment>
          size="small"
          rowKey="id"
          dataSource={tl.segments}
          pagination={false}
          columns={[
            { title: t('recaps.timeline.segment'), dataIndex: 'title' },
            { title: '#', dataIndex: 'cues', width: 60, align: 'right' },
            { title: t('recaps.timeline.planned'), dataIndex: 'plannedMs', width: 120, align: 'right', render: (v: number) => <span className="cc-num">{formatClock(v)}</span> },
            { title: t('recaps.timeline.actual'), dataIndex: 'actualMs', width: 120, align: 'right', render: (v: number) => <span className="cc-num">{formatClock(v)}</span> },
            { title: t('recaps.timeline.delta'), dataIndex: 'deltaMs', width: 120, align: 'right', render: (v: number, s) => <Delta ms={v} within={Math.abs(v) <= 0.1 * s.plannedMs} /> },
          ]}
        />
      </Card>
      <Card size="small" title={t('recaps.timeline.events')} extra={tl.ignoredGos + tl.staleGos > 0 ? <Typography.Text type="secondary">{t('recaps.timeline.ignoredGos', { count: tl.ignoredGos, stale: tl.staleGos })}</Typography.Text> : null}>
        {events.length === 0 ? (
          <Typography.Text type="secondary">{t('recaps.timeline.noEvents')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey={(e) => `${e.at}-${e.what}-${e.text}`}
            dataSource={events}
            pagination={false}
            data-testid="events-table"
            columns={[
              { title: t('recaps.timeline.time'), dataIndex: 'at', width: 80, render: (v: number) => <span className="cc-num">{clockText(v, zone)}</span> },
              { title: t('recaps.timeline.what'), key: 'what', width: 140, render: (_, e) => <Tag color={e.tone}>{e.what}</Tag> },
              { title: t('recaps.timeline.summary'), dataIndex: 'text' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

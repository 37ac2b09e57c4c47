import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogKind, LogRow, RunCue } from '../../../../../electron/contract';
import { describeRow } from '../../../../../electron/contract/live-log-text';
import { currentLanguage } from '../../../i18n';
import { useApi } from '../../../lib/api-context';
import { downloadFile } from '../../../lib/files';
import { useNotify } from '../../../lib/notify';
import { timeOfDay } from './clock-format';

const TAIL = 2000;
const KIND_COLOR: Partial<Record<LogKind, string>> = {
  go: 'red',
  'go.ignored': 'default',
  'go.stale': 'orange',
  obs: 'blue',
  'obs.status': 'geekblue',
  overlay: 'cyan',
  marker: 'gold',
  message: 'purple',
  checklist: 'green',
  product: 'volcano',
  end: 'red',
  arm: 'magenta',
  'plan.reload': 'lime',
};

/** The as-run log of the run, newest first, live (committed rows are pushed as they happen). */
export const LogPanel = memo(function LogPanel({ runId, byId, timeZone }: { runId: string; byId: Map<string, RunCue>; timeZone: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const key = useMemo(() => ['live', 'log', runId] as const, [runId]);
  const log = useQuery({ queryKey: key, queryFn: () => api.call('live.log', { runId, tail: TAIL }), staleTime: Infinity });
  useEffect(
    () =>
      api.on('live.log', ({ rows }) =>
        queryClient.setQueryData<{ rows: LogRow[]; runId: string | null; lastSeq: number }>(key, (old) => {
          if (!old) return old;
          const fresh = rows.filter((r) => r.runId === runId && r.seq > old.lastSeq);
          if (fresh.length === 0) return old;
          const all = [...old.rows, ...fresh].slice(-TAIL);
          return { ...old, rows: all, lastSeq: fresh[fresh.length - 1]!.seq };
        }),
      ),
    [api, queryClient, key, runId],
  );
  const rows = useMemo(() => [...(log.data?.rows ?? [])].reverse(), [log.data]);
  const lang = currentLanguage();
  const title = (id: string | null) => (id ? (byId.get(id)?.title ?? id) : '');
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => 30, overscan: 10 });

  const download = (format: 'csv' | 'json') =>
    downloadFile(
      api,
      `/runs/${encodeURIComponent(runId)}/log?format=${format}&lang=${lang}`,
      () => api.call('live.log.export', { runId, format, lang }),
      `as-run.${format}`,
    ).then((name) => notify.success(t('cockpit.log.saved', { name })), (e: unknown) => notify.error(e));

  return (
    <section data-testid="log-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('cockpit.log.help')}</Typography.Text>
        <Space>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download('csv')} data-testid="log-csv">
            CSV
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download('json')} data-testid="log-json">
            JSON
          </Button>
        </Space>
      </Flex>
      <div ref={parent} className="cc-log">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.seq}
                className="cc-log-row"
                data-testid="log-row"
                data-kind={row.kind}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: 30, transform: `translateY(${item.start}px)` }}
              >
                <span className="cc-num cc-log-seq">#{row.seq}</span>
                <span className="cc-num">{timeOfDay(row.at, timeZone)}</span>
                <Tag color={KIND_COLOR[row.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                  {row.kind}
                </Tag>
                <span className="cc-log-source">{row.source}</span>
                <span className="cc-log-text">{describeRow(row, title, lang)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
});

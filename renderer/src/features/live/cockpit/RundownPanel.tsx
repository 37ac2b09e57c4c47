import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Flex, Popconfirm, Popover, Tag, Tooltip, Typography, theme } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectSchedule, type CueStatus, type LiveSnapshot, type RunCue } from '../../../../../electron/contract';
import { ProductPicker } from '../controls/ProductPicker';
import { clockText, timeOfDay } from './clock-format';
import type { LiveActions } from './useLive';
import { useServerClock } from './useServerNow';

const ROW_HEIGHT = 52;
const LIST_HEIGHT = 520;

export function statusOf(cue: RunCue, snapshot: LiveSnapshot): CueStatus {
  if (cue.id === snapshot.currentCueId) return 'current';
  if (cue.id === snapshot.standbyCueId) return 'standby';
  if (snapshot.skipped.includes(cue.id)) return 'skipped';
  if (snapshot.fired[cue.id]) return 'done';
  return 'pending';
}

/**
 * The rundown: every cue with its status (done / on air / standby / skipped) and its start, actual
 * or re-flowed from the actual times. Fire any cue (confirmed), skip or take back a skip, insert
 * an encore at standby. Virtual: a 2,000-cue show keeps a small DOM.
 */
export function RundownPanel({
  snapshot,
  cues,
  timeZone,
  actions,
  canEdit,
}: {
  snapshot: LiveSnapshot;
  cues: RunCue[];
  timeZone: string;
  actions: LiveActions;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // Re-flowed starts move only while the cue on air runs over: once a second is plenty.
  const now = useServerClock(snapshot.cueStartedAt);
  const schedule = useMemo(() => projectSchedule(cues, snapshot, now), [cues, snapshot, now]);
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: cues.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const currentIndex = cues.findIndex((c) => c.id === snapshot.currentCueId);
  // Keep the cue on air in view as the show moves on, once per change of cue. Rows have one
  // height, so the offset is known: no measuring loop.
  useEffect(() => {
    const el = parent.current;
    // The list's height is fixed (no layout read, which would force the whole page to lay out).
    if (el && currentIndex >= 0) el.scrollTop = Math.max(0, currentIndex * ROW_HEIGHT - (LIST_HEIGHT - ROW_HEIGHT) / 2);
  }, [currentIndex]);
  const active = canEdit && snapshot.state !== 'ended';
  const jump = actions.jump.mutate;
  const skip = actions.skip.mutate;
  const onJump = useCallback((cueId: string) => jump(cueId), [jump]);
  const onSkip = useCallback((cueId: string, on: boolean) => skip({ cueId, skip: on }), [skip]);
  const colors: Record<CueStatus, string> = {
    current: '#ff3b30',
    standby: token.colorWarning,
    done: token.colorTextQuaternary,
    skipped: token.colorTextQuaternary,
    pending: 'transparent',
  };

  return (
    <section className="cc-panel cc-rundown" data-testid="rundown">
      <Flex justify="space-between" align="center" gap={6} wrap style={{ marginBottom: 6 }}>
        <span className="cc-label" style={{ whiteSpace: 'nowrap' }}>
          {t('cockpit.rundown.title', { count: cues.length })}
        </span>
        <Flex gap={6} align="center">
          {snapshot.planBehind && (
            <Popconfirm
              placement="bottomRight"
              title={t('cockpit.rundown.reloadConfirm')}
              description={
                <div style={{ maxWidth: 320 }} data-testid="reload-plan-help">
                  <p style={{ margin: '0 0 6px' }}>{t('cockpit.rundown.planChangedHelp')}</p>
                  <p style={{ margin: 0 }}>{t('cockpit.rundown.reloadHelp')}</p>
                </div>
              }
              okText={t('cockpit.rundown.reload')}
              onConfirm={() => actions.reloadPlan.mutate(undefined)}
              disabled={!active}
            >
              <Button size="small" type="primary" ghost icon={<SyncOutlined />} disabled={!active} loading={actions.reloadPlan.isPending} data-testid="reload-plan">
                {t('cockpit.rundown.planChanged')}
              </Button>
            </Popconfirm>
          )}
          <EncoreButton disabled={!active} actions={actions} />
        </Flex>
      </Flex>
      <div ref={parent} className="cc-rundown-list" style={{ height: LIST_HEIGHT }}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const cue = cues[item.index]!;
            const status = statusOf(cue, snapshot);
            return (
              <RundownRow
                key={cue.id}
                cue={cue}
                status={status}
                startAt={schedule.cues.get(cue.id)?.startAt ?? null}
                top={item.start}
                timeZone={timeZone}
                color={colors[status]}
                active={active}
                onJump={onJump}
                onSkip={onSkip}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}

/**
 * One row; re-rendered only when its own cue, status or start changes (the rundown re-reads the
 * clock each second, and a 2,000-cue show must not redraw every row for it). Plain text with CSS
 * ellipsis: no per-row measuring.
 */
const RundownRow = memo(function RundownRow({
  cue,
  status,
  startAt,
  top,
  timeZone,
  color,
  active,
  onJump,
  onSkip,
}: {
  cue: RunCue;
  status: CueStatus;
  startAt: number | null;
  top: number;
  timeZone: string;
  color: string;
  active: boolean;
  onJump(cueId: string): void;
  onSkip(cueId: string, skip: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={`cc-row cc-row-${status}`}
      data-testid="rundown-row"
      data-cue={cue.id}
      data-status={status}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)`, borderLeftColor: color }}
    >
      <div className="cc-row-time cc-num">
        <div>{status === 'skipped' ? '—' : timeOfDay(startAt, timeZone).slice(0, 5)}</div>
        <div className="cc-row-sub">{clockText(cue.durationMs)}</div>
      </div>
      <div className="cc-row-main">
        <span className="cc-row-title">{cue.title || t('cockpit.untitled')}</span>
        <div className="cc-row-sub">
          {cue.segmentTitle}
          {cue.adHoc && (
            <Tag color="magenta" style={{ marginLeft: 6 }}>
              {t('cockpit.rundown.encore')}
            </Tag>
          )}
          {status === 'current' && <Tag color="red">{t('cockpit.rundown.onAir')}</Tag>}
          {status === 'standby' && <Tag color="warning">{t('cockpit.rundown.standby')}</Tag>}
        </div>
      </div>
      <Flex gap={4} className="cc-row-actions">
        <Popconfirm title={t('cockpit.rundown.jumpConfirm', { title: cue.title })} okText="GO" onConfirm={() => onJump(cue.id)} disabled={!active}>
          <Button size="small" disabled={!active} data-testid="row-jump">
            {t('cockpit.rundown.jump')}
          </Button>
        </Popconfirm>
        {status !== 'current' && (
          <Tooltip title={status === 'skipped' ? t('cockpit.rundown.unskipHelp') : t('cockpit.rundown.skipHelp')}>
            <Button size="small" disabled={!active} onClick={() => onSkip(cue.id, status !== 'skipped')} data-testid="row-skip">
              {status === 'skipped' ? t('cockpit.rundown.unskip') : t('cockpit.rundown.skip')}
            </Button>
          </Tooltip>
        )}
      </Flex>
    </div>
  );
});

/** 返场: bring a product back at standby. */
function EncoreButton({ disabled, actions }: { disabled: boolean; actions: LiveActions }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('cockpit.rundown.encoreTitle')}
      content={
        <div style={{ width: 320 }}>
          <ProductPicker
            value={null}
            onChange={(id) => {
              if (!id) return;
              actions.insert.mutate({ productId: id }, { onSuccess: () => setOpen(false) });
            }}
            testId="encore-product"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('cockpit.rundown.encoreHelp')}
          </Typography.Paragraph>
        </div>
      }
    >
      <Button size="small" icon={<PlusOutlined />} disabled={disabled} data-testid="encore">
        {t('cockpit.rundown.encore')}
      </Button>
    </Popover>
  );
}

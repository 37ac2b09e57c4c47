import { PlusOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Flex, Popconfirm, Popover, Tag, Tooltip, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CueStatus, LiveSnapshot, RunCue, RunSchedule } from '../../../../../electron/contract';
import { ProductPicker } from '../controls/ProductPicker';
import { clockText, timeOfDay } from './clock-format';
import type { LiveActions } from './useLive';

const ROW_HEIGHT = 52;

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
  schedule,
  timeZone,
  actions,
  canEdit,
}: {
  snapshot: LiveSnapshot;
  cues: RunCue[];
  schedule: RunSchedule;
  timeZone: string;
  actions: LiveActions;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: cues.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const currentIndex = cues.findIndex((c) => c.id === snapshot.currentCueId);
  // Keep the cue on air in view as the show moves on.
  useEffect(() => {
    if (currentIndex >= 0) virtual.scrollToIndex(currentIndex, { align: 'center' });
  }, [currentIndex, virtual]);
  const active = canEdit && snapshot.state !== 'ended';
  const colors: Record<CueStatus, string> = {
    current: '#ff3b30',
    standby: token.colorWarning,
    done: token.colorTextQuaternary,
    skipped: token.colorTextQuaternary,
    pending: 'transparent',
  };

  return (
    <section className="cc-panel cc-rundown" data-testid="rundown">
      <Flex justify="space-between" align="center" style={{ marginBottom: 6 }}>
        <span className="cc-label">{t('cockpit.rundown.title', { count: cues.length })}</span>
        <EncoreButton disabled={!active} actions={actions} />
      </Flex>
      <div ref={parent} className="cc-rundown-list">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const cue = cues[item.index]!;
            const status = statusOf(cue, snapshot);
            const timing = schedule.cues.get(cue.id);
            return (
              <div
                key={cue.id}
                className={`cc-row cc-row-${status}`}
                data-testid="rundown-row"
                data-cue={cue.id}
                data-status={status}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, borderLeftColor: colors[status] }}
              >
                <div className="cc-row-time cc-num">
                  <div>{status === 'skipped' ? '—' : timeOfDay(timing?.startAt ?? null, timeZone).slice(0, 5)}</div>
                  <div className="cc-row-sub">{clockText(cue.durationMs)}</div>
                </div>
                <div className="cc-row-main">
                  <Typography.Text ellipsis delete={status === 'skipped'} type={status === 'done' ? 'secondary' : undefined} style={{ fontWeight: status === 'current' ? 700 : 500 }}>
                    {cue.title || t('cockpit.untitled')}
                  </Typography.Text>
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
                  <Popconfirm title={t('cockpit.rundown.jumpConfirm', { title: cue.title })} okText="GO" onConfirm={() => actions.jump.mutate(cue.id)} disabled={!active}>
                    <Button size="small" disabled={!active} data-testid="row-jump">
                      {t('cockpit.rundown.jump')}
                    </Button>
                  </Popconfirm>
                  {status !== 'current' && (
                    <Tooltip title={status === 'skipped' ? t('cockpit.rundown.unskipHelp') : t('cockpit.rundown.skipHelp')}>
                      <Button size="small" disabled={!active} onClick={() => actions.skip.mutate({ cueId: cue.id, skip: status !== 'skipped' })} data-testid="row-skip">
                        {status === 'skipped' ? t('cockpit.rundown.unskip') : t('cockpit.rundown.skip')}
                      </Button>
                    </Tooltip>
                  )}
                </Flex>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

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

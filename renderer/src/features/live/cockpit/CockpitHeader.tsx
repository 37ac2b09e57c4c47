import { DisconnectOutlined, PoweroffOutlined, SyncOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Popconfirm, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { projectSchedule, type LiveSnapshot, type RunCue } from '../../../../../electron/contract';
import { ObsOutputTally } from '../../obs/ObsOutputTally';
import { useObs } from '../../obs/useObs';
import { clockText, deltaText, endText } from './clock-format';
import type { LiveActions } from './useLive';
import { useServerClock, useStale } from './useServerNow';

/**
 * The cockpit's top line: the show, its state, the show clock, planned end against projected
 * end, who else is connected, and OBS (program scene, stream/record, and a drift from what the
 * log says is on air, with "re-apply"). A stale seat says so here at once.
 */
export function CockpitHeader({
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
  const obs = useObs().data;
  const stateColor = { idle: 'default', armed: 'gold', running: 'red', ended: 'default' }[snapshot.state];
  const obsConnected = obs?.status.state === 'connected';
  const drift = snapshot.drift;
  // The standby cue's scene was refused for Preview (missing in OBS): said while it is in standby.
  const previewFailures =
    snapshot.lastPreview && snapshot.lastPreview.cueId === snapshot.standbyCueId ? snapshot.lastPreview.outcomes.filter((o) => !o.ok && o.code !== 'not_connected') : [];
  const standbyScene = cues.find((c) => c.id === snapshot.standbyCueId)?.actions?.scene ?? '';
  const previewHelp = previewFailures
    .map((o) => (o.code === 'not_found' && standbyScene ? t('cockpit.obs.previewMissing', { scene: standbyScene }) : `${o.action}: ${o.message ?? o.code ?? ''}`))
    .join('\n');

  return (
    <div className="cc-header" data-testid="cockpit-header" data-state={snapshot.state}>
      <StaleBanner />
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <Tag color={snapshot.rehearsal && snapshot.state === 'running' ? 'purple' : stateColor} className="cc-state" data-testid="run-state">
            {snapshot.rehearsal && snapshot.state === 'running' ? t('cockpit.states.rehearsing') : t(`cockpit.states.${snapshot.state}`)}
          </Tag>
          {snapshot.rehearsal && (
            <Tag color="purple" data-testid="rehearsal-tag">
              {t('cockpit.rehearsal')}
            </Tag>
          )}
          <Typography.Title level={4} style={{ margin: 0 }} ellipsis data-testid="page-title">
            {snapshot.showTitle}
          </Typography.Title>
        </Flex>
        <Flex align="center" gap={22} wrap>
          <ShowClocks snapshot={snapshot} cues={cues} timeZone={timeZone} />
          <Tooltip title={snapshot.seats.map((s) => `${s.name} (${t(`cockpit.roles.${s.role}`)})`).join(', ') || t('cockpit.seatsNone')}>
            <Tag icon={<TeamOutlined />} data-testid="seats">
              {snapshot.seats.length}
            </Tag>
          </Tooltip>
          {snapshot.state === 'ended' ? (
            <Button icon={<PoweroffOutlined />} disabled={!canEdit} onClick={() => actions.close.mutate(undefined)} data-testid="close-run">
              {t('cockpit.close')}
            </Button>
          ) : (
            <Popconfirm title={t('cockpit.endConfirm')} okText={t('cockpit.end')} okButtonProps={{ danger: true }} onConfirm={() => actions.end.mutate(undefined)} disabled={!canEdit}>
              <Button danger icon={<PoweroffOutlined />} disabled={!canEdit} data-testid="end-run">
                {t('cockpit.end')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      <Flex align="center" gap={14} wrap className="cc-obsline" data-testid="obs-line">
        <Typography.Text type="secondary">OBS</Typography.Text>
        {snapshot.rehearsal ? (
          <Typography.Text type="secondary">{t('cockpit.obs.rehearsal')}</Typography.Text>
        ) : obsConnected && obs ? (
          <>
            <Typography.Text>
              {t('cockpit.obs.program')} <b data-testid="obs-program">{obs.mirror.programScene ?? '—'}</b>
            </Typography.Text>
            {obs.mirror.studioMode && (
              <Typography.Text type="secondary">
                {t('cockpit.obs.preview')} <b data-testid="obs-preview">{obs.mirror.previewScene ?? '—'}</b>
              </Typography.Text>
            )}
            {obs.mirror.studioMode && previewFailures.length > 0 && (
              <Tooltip title={previewHelp}>
                <Tag color="warning" icon={<WarningOutlined />} data-testid="obs-preview-failed">
                  {t('cockpit.obs.previewFailed')}
                </Tag>
              </Tooltip>
            )}
            <ObsOutputTally kind="stream" output={obs.mirror.stream} />
            <ObsOutputTally kind="record" output={obs.mirror.record} />
          </>
        ) : (
          <Tag color="error" icon={<DisconnectOutlined />} data-testid="obs-down">
            {t('cockpit.obs.down')}
          </Tag>
        )}
        {snapshot.lastObs && snapshot.lastObs.outcomes.some((o) => !o.ok) && (
          <Tooltip title={snapshot.lastObs.outcomes.filter((o) => !o.ok).map((o) => `${o.action}: ${o.message ?? o.code ?? ''}`).join('\n')}>
            <Tag color="warning" icon={<WarningOutlined />} data-testid="obs-failures">
              {t('cockpit.obs.failures', { count: snapshot.lastObs.outcomes.filter((o) => !o.ok).length })}
            </Tag>
          </Tooltip>
        )}
        {drift && (
          <Flex align="center" gap={6} data-testid="drift">
            <Tag color="warning" icon={<WarningOutlined />}>
              {drift.scene
                ? t('cockpit.obs.driftScene', { expected: drift.scene.expected, actual: drift.scene.actual ?? '—' })
                : t('cockpit.obs.driftSources', { count: drift.sources.length })}
            </Tag>
            <Button size="small" icon={<SyncOutlined />} disabled={!canEdit} loading={actions.reapply.isPending} onClick={() => actions.reapply.mutate()} data-testid="reapply">
              {t('cockpit.obs.reapply')}
            </Button>
          </Flex>
        )}
      </Flex>
    </div>
  );
}

/** A seat that has not heard from Cuecart for 3 s says so at once (instead of a frozen clock). */
function StaleBanner() {
  const { t } = useTranslation();
  const stale = useStale();
  return stale ? <Alert type="error" showIcon icon={<DisconnectOutlined />} title={t('cockpit.stale')} className="cc-stale" data-testid="stale" banner /> : null;
}

/** Show clock, planned and projected end: the only part of the header that moves with time. */
function ShowClocks({ snapshot, cues, timeZone }: { snapshot: LiveSnapshot; cues: RunCue[]; timeZone: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = useServerClock(snapshot.startedAt);
  const stale = useStale();
  const elapsed = snapshot.startedAt === null ? null : Math.max(0, (snapshot.endedAt ?? now) - snapshot.startedAt);
  const projectedEndAt = projectSchedule(cues, snapshot, now).projectedEndAt;
  const delta = projectedEndAt !== null && snapshot.plannedEndAt !== null ? projectedEndAt - snapshot.plannedEndAt : null;
  return (
    <>
          <div>
        <div className="cc-label">{t('cockpit.clock.show')}</div>
        <div className="cc-show-clock cc-num" data-testid="show-elapsed" style={{ opacity: stale ? 0.35 : 1 }}>
          {clockText(elapsed)}
        </div>
      </div>
      <div>
        <div className="cc-label">{t('cockpit.clock.plannedEnd')}</div>
        <div className="cc-num cc-mid" data-testid="planned-end">
          {endText(snapshot.plannedEndAt, now, timeZone)}
        </div>
      </div>
      <div>
        <div className="cc-label">{t('cockpit.clock.projectedEnd')}</div>
        <div className="cc-num cc-mid" data-testid="projected-end">
          {endText(projectedEndAt, now, timeZone)}{' '}
          {delta !== null && (
            <span data-testid="over-under" style={{ color: delta > 30_000 ? token.colorError : delta < -30_000 ? token.colorSuccess : token.colorTextSecondary, fontSize: 15 }}>
              {deltaText(delta)}
            </span>
          )}
        </div>
      </div>
    </>
  );
}

import { Badge, Button, Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ObsStatus } from '../../../../electron/contract';
import { ObsOutputTally } from './ObsOutputTally';
import { PHASE_BADGE, obsPhase } from './obs-view';
import { useObs } from './useObs';

/**
 * OBS in the header of every screen: a coloured dot with a short state ("OBS 12 ms",
 * "OBS 重连中 (3)", "OBS 未连接"), the stream/record tally with timecode while on air, and a
 * click that opens Settings where the connection lives.
 */
export function ObsStatusBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useObs();
  const status = data?.status;
  const phase = status ? obsPhase(status) : null;
  const connected = phase === 'connected';
  const mirror = data?.mirror;
  return (
    <Flex align="center" gap={14}>
      {connected && mirror && <ObsOutputTally kind="stream" output={mirror.stream} />}
      {connected && mirror && <ObsOutputTally kind="record" output={mirror.record} />}
      <Tooltip title={status ? <BadgeTip status={status} /> : t('obs.badge.open')} placement="bottomRight">
        <Button
          type="text"
          size="small"
          onClick={() => void navigate('/settings')}
          aria-label={t('obs.badge.open')}
          data-testid="obs-badge"
          data-state={phase ?? 'loading'}
        >
          <Badge status={phase ? PHASE_BADGE[phase] : 'default'} text={status ? <BadgeText status={status} /> : t('obs.badge.loading')} />
        </Button>
      </Tooltip>
    </Flex>
  );
}

function BadgeText({ status }: { status: ObsStatus }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (obsPhase(status)) {
      case 'connected':
        return status.rttMs === undefined ? t('obs.badge.connectedPlain') : t('obs.badge.connected', { rtt: status.rttMs });
      case 'connecting':
        return t('obs.badge.connecting');
      case 'reconnecting':
        return t('obs.badge.reconnecting', { attempt: status.attempt ?? 1 });
      case 'failed':
        return t('obs.badge.failed', { reason: t(`obs.reasons.${status.reason?.code ?? 'connection_lost'}.short`) });
      case 'disconnected':
        return t('obs.badge.disconnected');
    }
  })();
  return (
    <span className="cc-num" data-testid="obs-badge-text">
      {text}
    </span>
  );
}

/** The longer story on hover: why it is not connected, or where it is connected to. */
function BadgeTip({ status }: { status: ObsStatus }) {
  const { t } = useTranslation();
  const reason = status.state !== 'connected' ? status.reason : undefined;
  return (
    <div style={{ maxWidth: 320 }}>
      <div>{t(`obs.state.${obsPhase(status)}`)}{status.target ? ` · ${status.target}` : ''}</div>
      {reason && <div style={{ marginTop: 4 }}>{t(`obs.reasons.${reason.code}.title`)}</div>}
      {status.state === 'connected' && status.obsVersion && (
        <div style={{ marginTop: 4 }}>
          OBS {status.obsVersion} · obs-websocket {status.obsWebSocketVersion}
        </div>
      )}
      <div style={{ marginTop: 6, opacity: 0.75 }}>{t('obs.badge.open')}</div>
    </div>
  );
}

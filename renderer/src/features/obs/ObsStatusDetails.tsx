import { Alert, Badge, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObsMirror, ObsStatus } from '../../../../electron/contract';
import { formatDateTime } from '../../lib/format';
import { PHASE_BADGE, obsPhase, retryInSeconds } from './obs-view';
import { useTicker } from './useTicker';

/**
 * The live connection state in words a producer can act on: what is happening, why it failed
 * and what to do, the retry countdown while reconnecting, and versions + round trip when up.
 */
export function ObsStatusDetails({ status, mirror }: { status: ObsStatus; mirror: ObsMirror }) {
  const { t, i18n } = useTranslation();
  const phase = obsPhase(status);
  const reason = phase === 'connected' || phase === 'disconnected' ? undefined : status.reason;
  return (
    <Flex vertical gap={12} data-testid="obs-status">
      <Badge
        status={PHASE_BADGE[phase]}
        text={
          <Typography.Text strong style={{ fontSize: 15 }} data-testid="obs-state" data-state={phase}>
            {t(`obs.state.${phase}`)}
          </Typography.Text>
        }
      />
      {reason && (
        <Alert
          type={phase === 'failed' ? 'error' : 'warning'}
          showIcon
          data-testid="obs-reason"
          data-code={reason.code}
          title={t(`obs.reasons.${reason.code}.title`)}
          description={
            <>
              <div>{t(`obs.reasons.${reason.code}.help`)}</div>
              {phase === 'reconnecting' && <RetryLine status={status} />}
            </>
          }
        />
      )}
      {phase === 'disconnected' && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('obs.details.notConnectedHint')}
        </Typography.Text>
      )}
      <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 140 } }}>
        {status.target && (
          <Descriptions.Item label={t('obs.details.target')}>
            <span className="cc-mono">{status.target}</span>
          </Descriptions.Item>
        )}
        {phase === 'connected' && (
          <>
            <Descriptions.Item label={t('obs.details.obsVersion')}>
              <span className="cc-num" data-testid="obs-version">{status.obsVersion ?? t('common.none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('obs.details.wsVersion')}>
              <span className="cc-num" data-testid="obs-ws-version">{status.obsWebSocketVersion ?? t('common.none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('obs.details.rtt')}>
              <span className="cc-num" data-testid="obs-rtt">
                {status.rttMs === undefined ? t('common.none') : t('obs.details.rttValue', { ms: status.rttMs })}
              </span>
            </Descriptions.Item>
            {status.connectedAt !== undefined && (
              <Descriptions.Item label={t('obs.details.since')}>{formatDateTime(status.connectedAt, i18n.language)}</Descriptions.Item>
            )}
            {mirror.sceneCollection && (
              <Descriptions.Item label={t('obs.details.collection')}>{mirror.sceneCollection}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('obs.details.studioMode')}>
              {t(mirror.studioMode ? 'obs.details.on' : 'obs.details.off')}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
    </Flex>
  );
}

/** "Attempt 4 in 2 s", counting down once a second until the core tries again. */
function RetryLine({ status }: { status: ObsStatus }) {
  const { t } = useTranslation();
  const scheduled = status.nextRetryAt !== undefined;
  const now = useTicker(scheduled, (at) => {
    const left = (status.nextRetryAt ?? at) - at;
    return left > 0 ? left % 1000 || 1000 : 1000;
  });
  const seconds = retryInSeconds(status, now);
  const attempt = status.attempt ?? 1;
  return (
    <div className="cc-num" style={{ marginTop: 4, opacity: 0.85 }} data-testid="obs-retry">
      {seconds ? t('obs.details.retryIn', { attempt, seconds }) : t('obs.details.retryingNow', { attempt })}
    </div>
  );
}

import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTimecode, msToNextSecond, outputElapsedMs, type ObsOutput } from './obs-view';
import { useTicker } from './useTicker';

/**
 * A red "on air" dot with the running timecode of OBS's stream or recording. The time is
 * computed from the last reading (durationMs + now − measuredAt), re-rendered once a second on
 * the second boundary, and only while the output runs; nothing ticks while it is off or paused.
 */
export function ObsOutputTally({ kind, output }: { kind: 'stream' | 'record'; output: ObsOutput }) {
  const { t } = useTranslation();
  const running = output.active && !output.paused;
  const now = useTicker(running, (at) => msToNextSecond(output, at));
  if (!output.active) return null;
  const label = kind === 'stream' ? t('obs.badge.live') : t('obs.badge.rec');
  return (
    <span
      className="cc-num"
      data-testid={`obs-${kind}`}
      style={{ display: 'inline-flex', alignItems: 'baseline', gap: 6, fontSize: 13 }}
    >
      <span
        aria-hidden
        style={{
          alignSelf: 'center',
          width: 8,
          height: 8,
          borderRadius: '50%',
          background: output.paused ? '#faad14' : '#ff4d4f',
          boxShadow: output.paused ? undefined : '0 0 0 3px rgba(255, 77, 79, 0.25)',
        }}
      />
      <Typography.Text strong style={{ fontSize: 12, color: output.paused ? '#faad14' : '#ff4d4f' }}>
        {label}
      </Typography.Text>
      <Typography.Text data-testid={`obs-${kind}-timecode`}>{formatTimecode(outputElapsedMs(output, now))}</Typography.Text>
      {output.paused && <Typography.Text type="secondary">{t('obs.badge.paused')}</Typography.Text>}
    </span>
  );
}

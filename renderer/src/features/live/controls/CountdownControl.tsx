import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Segmented, Switch, Tooltip } from 'antd';
import { useState } from 'react';
import { useSeededDraft } from './useSeededDraft';
import { useTranslation } from 'react-i18next';
import { COUNTDOWN_STYLES, type OverlayState } from '../../../../../electron/contract';
import { countdownView, LABELS } from '../../../../../electron/contract/overlay-format';
import { useTicker } from '../useTicker';
import { countdownLabel, joinDuration, parseCountdownLabel } from '../overlay-state';
import { useKindActions } from '../useOverlays';
import { Field } from './Field';
import { KindCard } from './KindCard';

type Style = (typeof COUNTDOWN_STYLES)[number];
const PRESETS = [30, 60, 180, 300, 600] as const;

/**
 * 秒杀/福袋倒计时. Show starts it (the server turns the duration into an end time, so pages never
 * drift); Update changes label or sold-out without touching the running clock; Restart starts
 * the duration again.
 */
export function CountdownControl({ layer, locale, serverOffset }: { layer: OverlayState['layers']['countdown']; locale: 'zh-CN' | 'en'; serverOffset: number }) {
  const { t } = useTranslation();
  const { show, hide } = useKindActions('countdown');
  const c = layer.content;
  // The duration is the next take's; style, label, quantity and sold-out follow what is on air.
  const [minutes, setMinutes] = useState<number | null>(5);
  const [seconds, setSeconds] = useState<number | null>(0);
  const { draft, edit, sent } = useSeededDraft(c, layer.changedAt, (x) => ({
    style: (x?.style ?? 'flash') as Style,
    ...parseCountdownLabel(x?.label ?? ''),
    soldOut: x?.soldOut ?? false,
  }));
  const { style, label, quantity, soldOut } = draft;

  const durationMs = joinDuration(minutes, seconds);
  const now = useTicker(layer.visible && !!c && !c.soldOut) + serverOffset;
  const view = c ? countdownView(c, now) : null;
  const running = layer.visible && view?.phase === 'running';
  const fallback = LABELS[locale][style === 'giveaway' ? 'giveaway' : 'flash'];
  const content = { style, label: countdownLabel(label, quantity, locale, fallback), soldOut };
  const start = () => show.mutate({ kind: 'countdown', content: { ...content, durationMs } }, { onSuccess: sent });

  return (
    <KindCard
      kind="countdown"
      onAir={layer.visible}
      summary={c && view && `${c.label || LABELS[locale][c.style]} · ${view.phase === 'running' ? view.clock : t(`live.countdownPhase.${view.phase}`)}`}
      ready={durationMs >= 1000}
      busy={{ show: show.isPending, hide: hide.isPending }}
      onShow={() => (running ? show.mutate({ kind: 'countdown', content }, { onSuccess: sent }) : start())}
      onHide={() => hide.mutate()}
      extra={
        running && (
          <Tooltip title={t('live.actions.restartHelp')}>
            <Button size="small" icon={<ReloadOutlined />} onClick={start} data-testid="countdown-restart">
              {t('live.actions.restart')}
            </Button>
          </Tooltip>
        )
      }
    >
      <Field label={t('live.fields.style')}>
        <Segmented
          size="small"
          value={style}
          onChange={(v) => edit({ style: v as Style })}
          options={COUNTDOWN_STYLES.map((s) => ({ value: s, label: t(`live.countdownStyles.${s}`) }))}
        />
      </Field>
      <Field label={t('live.fields.duration')} align="flex-start">
        <Flex gap={4} align="center">
          <InputNumber size="small" min={0} max={1440} value={minutes} onChange={setMinutes} suffix={t('live.units.min')} style={{ width: 80 }} data-testid="countdown-minutes" />
          <InputNumber size="small" min={0} max={59} value={seconds} onChange={setSeconds} suffix={t('live.units.sec')} style={{ width: 72 }} data-testid="countdown-seconds" />
        </Flex>
        <Flex gap={2} style={{ marginTop: 4 }}>
          {PRESETS.map((s) => (
            <Button
              key={s}
              size="small"
              type={durationMs === s * 1000 ? 'primary' : 'text'}
              ghost={durationMs === s * 1000}
              style={{ paddingInline: 5 }}
              onClick={() => (setMinutes(Math.floor(s / 60)), setSeconds(s % 60))}
            >
              {s < 60 ? t('live.units.presetSec', { n: s }) : t('live.units.presetMin', { n: s / 60 })}
            </Button>
          ))}
        </Flex>
      </Field>
      <Field label={t('live.fields.label')}>
        <Input size="small" value={label} maxLength={30} placeholder={fallback} onChange={(e) => edit({ label: e.target.value })} data-testid="countdown-label" />
      </Field>
      <Field label={t('live.fields.quantity')}>
        <Flex gap={10} align="center">
          <InputNumber size="small" min={1} max={99999} value={quantity} onChange={(q) => edit({ quantity: q })} placeholder={t('live.placeholders.quantity')} style={{ width: 110 }} />
          <Switch size="small" checked={soldOut} onChange={(v) => edit({ soldOut: v })} data-testid="countdown-soldout" />
          <span style={{ fontSize: 12 }}>{t('live.fields.soldOut')}</span>
        </Flex>
      </Field>
    </KindCard>
  );
}

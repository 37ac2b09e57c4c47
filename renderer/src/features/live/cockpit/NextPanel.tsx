import { CaretRightOutlined, RollbackOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { projectSchedule, type LiveSettings, type LiveSnapshot, type RunCue } from '../../../../../electron/contract';
import { moneyText } from '../../../../../electron/contract/overlay-format';
import { clockText, timeOfDay } from './clock-format';
import { offerOf } from './cue-offer';
import { keyLabel } from './key-label';
import { CueKindTag } from './NowPanel';
import type { LiveActions } from './useLive';
import { useProduct } from './useProduct';
import { useServerClock } from './useServerNow';

/** A button click must not leave focus on the button: Space would press it again. */
const blurAfter = (fn: () => void) => (event: MouseEvent<HTMLElement>) => {
  event.currentTarget.blur();
  fn();
};

/**
 * NEXT: the standby cue and the one big button. GO carries the cue this seat sees on air, so a
 * second seat's late press changes nothing; Back re-fires the previous cue; Skip moves standby on.
 */
export function NextPanel({
  snapshot,
  cues,
  standby,
  previous,
  timeZone,
  keys,
  actions,
  canEdit,
}: {
  snapshot: LiveSnapshot;
  cues: RunCue[];
  standby: RunCue | undefined;
  previous: RunCue | undefined;
  timeZone: string;
  keys: LiveSettings['keys'] | undefined;
  actions: LiveActions;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const product = useProduct(standby?.productId ?? null).data;
  const offer = offerOf(standby, product, snapshot);
  const ended = snapshot.state === 'ended';
  return (
    <section className="cc-panel cc-next" data-testid="next-panel" data-cue={standby?.id ?? ''}>
      <Flex justify="space-between" align="center">
        <Space size={6}>
          <span className="cc-standby">{t('cockpit.next.label')}</span>
          {standby && <CueKindTag kind={standby.kind} />}
        </Space>
        {standby && <StandbyStart snapshot={snapshot} cues={cues} standby={standby} timeZone={timeZone} />}
      </Flex>
      <div className="cc-next-title" data-testid="next-title">
        {standby ? standby.title || product?.title || t('cockpit.untitled') : ended ? t('cockpit.next.ended') : t('cockpit.next.none')}
      </div>
      {standby && product && (
        <Typography.Text type="secondary" ellipsis>
          {product.shortTitle || product.title}
          {offer.livePrice !== null && ` · ${moneyText(offer.livePrice, offer.currency)}`}
          {offer.mechanism && ` · ${offer.mechanism}`}
        </Typography.Text>
      )}
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Tooltip title={previous ? t('cockpit.next.backTo', { title: previous.title }) : undefined}>
          <Button
            size="large"
            icon={<RollbackOutlined />}
            disabled={!canEdit || ended || !previous}
            loading={actions.back.isPending}
            onClick={blurAfter(() => actions.back.mutate('button'))}
            data-testid="back"
          >
            {t('cockpit.next.back')} <kbd className="cc-kbd">{keyLabel(keys?.back)}</kbd>
          </Button>
        </Tooltip>
        <Button
          type="primary"
          size="large"
          className="cc-go"
          icon={<CaretRightOutlined />}
          disabled={!canEdit || ended || !standby}
          onClick={blurAfter(() => actions.go.mutate('button'))}
          data-testid="go"
        >
          GO <kbd className="cc-kbd">{keyLabel(keys?.go)}</kbd>
        </Button>
        <Tooltip title={t('cockpit.next.skipHelp')}>
          <Button
            size="large"
            icon={<StepForwardOutlined />}
            disabled={!canEdit || ended || !standby}
            onClick={blurAfter(() => standby && actions.skip.mutate({ cueId: standby.id, skip: true }))}
            data-testid="skip-standby"
          >
            {t('cockpit.next.skip')}
          </Button>
        </Tooltip>
      </Flex>
      {snapshot.rehearsal && (
        <Tag color="purple" style={{ marginTop: 8 }}>
          {t('cockpit.rehearsalHint')}
        </Tag>
      )}
    </section>
  );
}

/** When standby is due, re-flowed from the actual times (re-read each second). */
function StandbyStart({ snapshot, cues, standby, timeZone }: { snapshot: LiveSnapshot; cues: RunCue[]; standby: RunCue; timeZone: string }) {
  const now = useServerClock(snapshot.cueStartedAt);
  const startAt = projectSchedule(cues, snapshot, now).cues.get(standby.id)?.startAt ?? null;
  return (
    <Typography.Text type="secondary" className="cc-num">
      {timeOfDay(startAt, timeZone)} · {clockText(standby.durationMs)}
    </Typography.Text>
  );
}

import { CheckSquareOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, InputNumber, Popover, Progress, Space, Switch, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CueKind, LiveSnapshot, RunCue } from '../../../../../electron/contract';
import { moneyText } from '../../../../../electron/contract/overlay-format';
import { mediaUrl } from '../../../api/media';
import { clockText, remainingText } from './clock-format';
import { checklistAt, offerOf } from './cue-offer';
import type { LiveActions } from './useLive';
import { useProduct } from './useProduct';
import { useServerClock } from './useServerNow';

const KIND_COLOR: Record<string, string> = { pitch: 'blue', flash_sale: 'red', giveaway: 'gold', interaction: 'green', break: 'default', generic: 'purple' };

export function CueKindTag({ kind }: { kind: CueKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind] ?? 'default'}>{t(`plan.kinds.${kind}`)}</Tag>;
}

/**
 * NOW: the cue on air, large enough to read from two metres. Cue clock (elapsed and remaining,
 * red once over), the auto-go countdown, the product with its live price and stock (editable on
 * the fly: the card on air follows), the platform checklist with reminders.
 */
export function NowPanel({
  snapshot,
  cue,
  byId,
  actions,
  canEdit,
}: {
  snapshot: LiveSnapshot;
  cue: RunCue | undefined;
  byId: Map<string, RunCue>;
  actions: LiveActions;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const product = useProduct(cue?.productId ?? null).data;
  const offer = offerOf(cue, product, snapshot);
  const checklist = checklistAt(snapshot.currentCueId, byId, snapshot);

  if (!cue) {
    return (
      <section className="cc-panel cc-now" data-testid="now-panel" data-cue="">
        <Typography.Text type="secondary" style={{ fontSize: 15 }}>
          {snapshot.state === 'armed' ? t('cockpit.now.armed') : t('cockpit.now.none')}
        </Typography.Text>
      </section>
    );
  }

  return (
    <section className="cc-panel cc-now" data-testid="now-panel" data-cue={cue.id}>
      <Flex justify="space-between" align="center" gap={8}>
        <Space size={6}>
          <span className="cc-onair">{t('cockpit.now.label')}</span>
          <CueKindTag kind={cue.kind} />
          {cue.adHoc && <Tag color="magenta">{t('cockpit.rundown.encore')}</Tag>}
          <Typography.Text type="secondary">{cue.segmentTitle}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" className="cc-num">
          {t('cockpit.now.planned')} {clockText(cue.durationMs)}
        </Typography.Text>
      </Flex>
      <div className="cc-now-title" data-testid="now-title">
        {cue.title || product?.title || t('cockpit.untitled')}
      </div>
      <CueClock snapshot={snapshot} cue={cue} actions={actions} canEdit={canEdit} />

      {product && (
        <Flex gap={14} className="cc-product" data-testid="now-product">
          {product.images[0] && <img src={mediaUrl(product.images[0]) ?? undefined} alt="" className="cc-product-img" />}
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong style={{ fontSize: 17 }} ellipsis>
              {product.shortTitle || product.title}
            </Typography.Text>
            <Flex align="baseline" gap={10} wrap>
              <span className="cc-price cc-num" data-testid="now-price">
                {offer.livePrice === null ? '—' : moneyText(offer.livePrice, offer.currency)}
              </span>
              {offer.listPrice !== null && offer.livePrice !== null && offer.listPrice > offer.livePrice && (
                <Typography.Text delete type="secondary" className="cc-num">
                  {moneyText(offer.listPrice, offer.currency)}
                </Typography.Text>
              )}
              {canEdit && <PriceStockEditor productId={product.id} price={offer.livePrice} stock={offer.stock} soldOut={offer.soldOut} actions={actions} />}
            </Flex>
            <Space size={[6, 4]} wrap style={{ marginTop: 4 }}>
              <Tag color={offer.soldOut ? 'default' : offer.stock !== null && offer.stock <= 20 ? 'red' : 'green'} data-testid="now-stock">
                {offer.soldOut ? t('cockpit.now.soldOut') : offer.stock === null ? t('cockpit.now.stockUnknown') : t('cockpit.now.stock', { count: offer.stock })}
              </Tag>
              {offer.mechanism && <Tag color="volcano">{offer.mechanism}</Tag>}
              {offer.perk && <Tag color="gold">{offer.perk}</Tag>}
            </Space>
          </div>
        </Flex>
      )}

      {checklist.length > 0 && (
        <div className="cc-checklist" data-testid="checklist">
          <div className="cc-label">
            <CheckSquareOutlined /> {t('cockpit.checklist.title')}
          </div>
          {checklist.map((item, i) => (
            <Flex key={`${item.cueId}.${item.index}`} align="center" gap={8} className={item.carried ? 'cc-carried' : undefined}>
              <Checkbox
                checked={item.done}
                disabled={!canEdit}
                onChange={(e) => actions.tick.mutate({ cueId: item.cueId, index: item.index, done: e.target.checked })}
                data-testid={`check-${i + 1}`}
              >
                <span style={{ fontSize: 15 }}>{item.item}</span>
              </Checkbox>
              {item.carried && <Tag color="warning">{t('cockpit.checklist.reminder', { cue: byId.get(item.cueId)?.title ?? '' })}</Tag>}
              {i < 9 && <kbd className="cc-kbd">⇧{i + 1}</kbd>}
            </Flex>
          ))}
        </div>
      )}
    </section>
  );
}

/** Change the product's live price and stock for this show, on the fly. */
function PriceStockEditor({ productId, price, stock, soldOut, actions }: { productId: string; price: number | null; stock: number | null; soldOut: boolean; actions: LiveActions }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [yuan, setYuan] = useState<number | null>(price === null ? null : price / 100);
  const [units, setUnits] = useState<number | null>(stock);
  const [out, setOut] = useState(soldOut);
  const reset = () => {
    setYuan(price === null ? null : price / 100);
    setUnits(stock);
    setOut(soldOut);
  };
  const save = () => {
    actions.product.mutate(
      { productId, livePrice: yuan === null ? null : Math.round(yuan * 100), stock: units, soldOut: out },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <Popover
      open={open}
      onOpenChange={(v) => {
        if (v) reset();
        setOpen(v);
      }}
      trigger="click"
      title={t('cockpit.now.editTitle')}
      content={
        <Flex vertical gap={8} style={{ width: 220 }}>
          <label>
            <div className="cc-label">{t('cockpit.now.livePrice')}</div>
            <InputNumber value={yuan} onChange={setYuan} min={0} step={1} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="edit-price" autoFocus />
          </label>
          <label>
            <div className="cc-label">{t('cockpit.now.stockLabel')}</div>
            <InputNumber value={units} onChange={setUnits} min={0} step={1} precision={0} style={{ width: '100%' }} data-testid="edit-stock" />
          </label>
          <Flex align="center" gap={8}>
            <Switch size="small" checked={out} onChange={setOut} data-testid="edit-soldout" />
            <span>{t('cockpit.now.soldOut')}</span>
          </Flex>
          <Button type="primary" loading={actions.product.isPending} onClick={save} data-testid="edit-save">
            {t('cockpit.now.applyOnAir')}
          </Button>
        </Flex>
      }
    >
      <Button size="small" icon={<EditOutlined />} data-testid="edit-offer">
        {t('cockpit.now.edit')}
      </Button>
    </Popover>
  );
}

/** The cue's clocks and the auto-GO countdown: re-rendered ten times a second, alone. */
function CueClock({ snapshot, cue, actions, canEdit }: { snapshot: LiveSnapshot; cue: RunCue; actions: LiveActions; canEdit: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = useServerClock(snapshot.cueStartedAt);
  const elapsed = snapshot.cueStartedAt === null ? null : Math.max(0, (snapshot.endedAt ?? now) - snapshot.cueStartedAt);
  const remaining = elapsed !== null ? cue.durationMs - elapsed : null;
  const over = remaining !== null && remaining < 0 && cue.durationMs > 0;
  const auto = snapshot.autoGo;
  const autoVisible = auto && now >= auto.startsAt;
  return (
    <>
      <Flex align="baseline" gap={24} wrap>
        <div>
          <div className="cc-label">{t('cockpit.now.elapsed')}</div>
          <div className="cc-clock cc-num" data-testid="cue-elapsed">
            {clockText(elapsed)}
          </div>
        </div>
        <div>
          <div className="cc-label">{over ? t('cockpit.now.over') : t('cockpit.now.remaining')}</div>
          <div className="cc-clock cc-num" data-testid="cue-remaining" data-over={over ? 'true' : 'false'} style={{ color: over ? token.colorError : undefined }}>
            {over ? `+${clockText(-remaining!)}` : remainingText(remaining)}
          </div>
        </div>
      </Flex>
      {cue.durationMs > 0 && elapsed !== null && (
        <Progress percent={Math.min(100, (elapsed / cue.durationMs) * 100)} showInfo={false} size="small" status={over ? 'exception' : 'normal'} strokeColor={over ? token.colorError : undefined} />
      )}

      {autoVisible && (
        <Flex className="cc-autogo" align="center" justify="space-between" data-testid="autogo">
          <span>
            {t('cockpit.now.autoGo', { seconds: Math.max(0, Math.ceil((auto.firesAt - now) / 1000)) })}
          </span>
          <Button size="small" danger icon={<CloseOutlined />} disabled={!canEdit} onClick={() => actions.cancelAutoGo.mutate(undefined)} data-testid="autogo-cancel">
            {t('cockpit.now.cancelAutoGo')}
          </Button>
        </Flex>
      )}

    </>
  );
}

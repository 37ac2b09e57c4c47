import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Divider, Flex, Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OVERLAY_KINDS, type Cue, type CueActions, type CueOverlayAction, type OverlayKind } from '../../../../../electron/contract';
import { useEditor } from './editor-context';
import { useObsLists } from './useObsLists';

const opts = (names: string[]) => names.map((n) => ({ value: n }));

/** A new "show" action, filled from the cue where that makes sense (its product, its countdown). */
function showAction(kind: OverlayKind, cue: Cue): CueOverlayAction {
  switch (kind) {
    case 'product-card':
    case 'price-sticker':
      return { op: 'show', overlay: cue.productId ? { kind, productId: cue.productId } : { kind } };
    case 'countdown': {
      const seconds = cue.kind === 'flash_sale' ? cue.seconds : cue.kind === 'giveaway' ? cue.countdownSec : 60;
      return { op: 'show', overlay: { kind, content: { style: cue.kind === 'giveaway' ? 'giveaway' : 'flash', durationMs: Math.max(1, seconds) * 1000 } } };
    }
    case 'lower-third':
      return { op: 'show', overlay: { kind, content: cue.hostIds[0] ? { hostId: cue.hostIds[0] } : {} } };
    case 'banner':
      return { op: 'show', overlay: { kind, content: { text: cue.title } } };
    case 'ticker':
      return { op: 'show', overlay: { kind, content: { items: cue.title ? [cue.title] : [] } } };
  }
}

/** The main content field of each overlay kind, edited in place. */
function OverlayContent({ action, onChange }: { action: Extract<CueOverlayAction, { op: 'show' }>; onChange(a: CueOverlayAction): void }) {
  const { t } = useTranslation();
  const { hosts } = useEditor();
  const o = action.overlay;
  const set = (content: Record<string, unknown>) => onChange({ op: 'show', overlay: { ...o, content: { ...(o.content ?? {}), ...content } } as typeof o });
  switch (o.kind) {
    case 'product-card':
    case 'price-sticker':
      return <Typography.Text type="secondary">{o.productId ? t('plan.actions.cueProduct') : t('plan.actions.noProduct')}</Typography.Text>;
    case 'countdown':
      return (
        <InputNumber
          size="small"
          min={1}
          max={86400}
          value={Math.round((o.content?.durationMs ?? 60_000) / 1000)}
          onChange={(s) => set({ durationMs: Math.max(1, s ?? 1) * 1000 })}
          suffix={t('plan.secondsShort')}
        />
      );
    case 'lower-third':
      return (
        <Select
          size="small"
          style={{ minWidth: 160 }}
          value={o.content?.hostId ?? undefined}
          allowClear
          placeholder={t('plan.actions.host')}
          options={[...hosts.values()].map((h) => ({ value: h.id, label: h.name }))}
          onChange={(hostId) => set({ hostId: hostId ?? null })}
        />
      );
    case 'banner':
      return <Input size="small" value={o.content?.text ?? ''} maxLength={300} onChange={(e) => set({ text: e.target.value })} placeholder={t('plan.actions.text')} />;
    case 'ticker':
      return (
        <Select size="small" mode="tags" style={{ minWidth: 200 }} value={o.content?.items ?? []} onChange={(items) => set({ items })} placeholder={t('plan.actions.items')} />
      );
  }
}

/**
 * What the cue puts on air: an OBS scene, overlays to show (with content) or hide, sources to
 * switch on or off, texts for OBS text sources ({price}, {mechanism}... filled when the cue
 * fires). Names come from OBS while it is connected; offline they are typed freely.
 */
export function CueActionsEditor({ cue, onChange }: { cue: Cue; onChange(actions: CueActions): void }) {
  const { t } = useTranslation();
  const obs = useObsLists();
  const a = cue.actions;
  const unknownScene = obs.connected && a.scene !== '' && !obs.scenes.includes(a.scene);
  return (
    <div data-testid="cue-actions">
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Tag color={obs.connected ? 'green' : 'default'}>{obs.connected ? t('plan.actions.obsOnline') : t('plan.actions.obsOffline')}</Tag>
      </Flex>
      <Form.Item label={t('plan.actions.scene')} validateStatus={unknownScene ? 'warning' : undefined} help={unknownScene ? t('plan.actions.unknownScene') : undefined}>
        <AutoComplete options={opts(obs.scenes)} value={a.scene} onChange={(scene: string) => onChange({ ...a, scene })} placeholder={t('plan.actions.scenePlaceholder')} allowClear data-testid="action-scene" />
      </Form.Item>
      <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
        {t('plan.actions.overlays')}
      </Divider>
      {a.overlays.map((o, i) => (
        <Flex key={i} gap={6} align="center" wrap style={{ marginBottom: 6 }} data-testid="overlay-action">
          <Select
            size="small"
            value={o.op}
            style={{ width: 84 }}
            options={[
              { value: 'show', label: t('common.show') },
              { value: 'hide', label: t('common.hide') },
            ]}
            onChange={(op) => {
              const kind = o.op === 'show' ? o.overlay.kind : o.kind;
              const next = op === 'show' ? showAction(kind, cue) : ({ op: 'hide', kind } as const);
              onChange({ ...a, overlays: a.overlays.map((x, j) => (j === i ? next : x)) });
            }}
          />
          <Select
            size="small"
            value={o.op === 'show' ? o.overlay.kind : o.kind}
            style={{ width: 140 }}
            options={OVERLAY_KINDS.map((k) => ({ value: k, label: t(`live.kinds.${k}`) }))}
            onChange={(kind: OverlayKind) => {
              const next = o.op === 'show' ? showAction(kind, cue) : ({ op: 'hide', kind } as const);
              onChange({ ...a, overlays: a.overlays.map((x, j) => (j === i ? next : x)) });
            }}
          />
          {o.op === 'show' && <OverlayContent action={o} onChange={(next) => onChange({ ...a, overlays: a.overlays.map((x, j) => (j === i ? next : x)) })} />}
          <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => onChange({ ...a, overlays: a.overlays.filter((_, j) => j !== i) })} aria-label={t('common.remove')} />
        </Flex>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={a.overlays.length >= 12}
        onClick={() => onChange({ ...a, overlays: [...a.overlays, showAction(cue.productId ? 'product-card' : 'banner', cue)] })}
        data-testid="add-overlay-action"
      >
        {t('plan.actions.addOverlay')}
      </Button>
      <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
        {t('plan.actions.sources')}
      </Divider>
      {a.sources.map((s, i) => {
        const set = (patch: Partial<typeof s>) => onChange({ ...a, sources: a.sources.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          <Flex key={i} gap={6} align="center" style={{ marginBottom: 6 }}>
            <AutoComplete size="small" style={{ width: 140 }} options={opts(obs.scenes)} value={s.scene} onChange={(scene: string) => set({ scene })} placeholder={t('plan.actions.sameScene')} />
            <AutoComplete size="small" style={{ flex: 1 }} options={opts(obs.sources(s.scene || a.scene))} value={s.source} onChange={(source: string) => set({ source })} placeholder={t('plan.actions.source')} />
            <Switch size="small" checked={s.visible} onChange={(visible) => set({ visible })} checkedChildren={t('common.show')} unCheckedChildren={t('common.hide')} />
            <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => onChange({ ...a, sources: a.sources.filter((_, j) => j !== i) })} aria-label={t('common.remove')} />
          </Flex>
        );
      })}
      <Button size="small" icon={<PlusOutlined />} disabled={a.sources.length >= 30} onClick={() => onChange({ ...a, sources: [...a.sources, { scene: '', source: '', visible: true }] })}>
        {t('plan.actions.addSource')}
      </Button>
      <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
        {t('plan.actions.texts')}
      </Divider>
      {a.texts.map((x, i) => {
        const set = (patch: Partial<typeof x>) => onChange({ ...a, texts: a.texts.map((y, j) => (j === i ? { ...y, ...patch } : y)) });
        return (
          <Flex key={i} gap={6} align="center" style={{ marginBottom: 6 }} data-testid="text-action">
            <AutoComplete size="small" style={{ width: 160 }} options={opts(obs.textInputs)} value={x.input} onChange={(input: string) => set({ input })} placeholder={t('plan.actions.textInput')} />
            <Input size="small" style={{ flex: 1 }} value={x.text} maxLength={2000} onChange={(e) => set({ text: e.target.value })} placeholder="{price} · {mechanism}" />
            <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => onChange({ ...a, texts: a.texts.filter((_, j) => j !== i) })} aria-label={t('common.remove')} />
          </Flex>
        );
      })}
      <Button size="small" icon={<PlusOutlined />} disabled={a.texts.length >= 20} onClick={() => onChange({ ...a, texts: [...a.texts, { input: obs.textInputs[0] ?? '', text: '{price}' }] })} data-testid="add-text-action">
        {t('plan.actions.addText')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 6, marginBottom: 0 }}>
        {t('plan.actions.textHelp')}
      </Typography.Paragraph>
    </div>
  );
}

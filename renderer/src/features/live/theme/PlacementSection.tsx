import { UndoOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, InputNumber, Radio, Select, Slider, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANCHORS,
  CANVAS_SIZE,
  DEFAULT_THEME,
  OVERLAY_KINDS,
  OVERLAY_LAYOUTS,
  type OverlayCanvas,
  type OverlayKind,
  type OverlayTheme,
  type OverlayThemePatch,
  type Placement,
} from '../../../../../electron/contract';
import { Field } from '../controls/Field';

const ARROWS: Record<(typeof ANCHORS)[number], string> = {
  'top-left': '↖',
  top: '↑',
  'top-right': '↗',
  left: '←',
  center: '•',
  right: '→',
  'bottom-left': '↙',
  bottom: '↓',
  'bottom-right': '↘',
};

/** Nine buttons, laid out as the canvas: which corner or edge the overlay sticks to. */
function AnchorGrid({ value, onChange }: { value: Placement['anchor']; onChange(anchor: Placement['anchor']): void }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 26px)', gap: 3 }} role="radiogroup" aria-label={t('live.theme.anchor')}>
      {ANCHORS.map((anchor) => (
        <Button
          key={anchor}
          size="small"
          type={anchor === value ? 'primary' : 'default'}
          role="radio"
          aria-checked={anchor === value}
          aria-label={t(`live.theme.anchors.${anchor}`)}
          title={t(`live.theme.anchors.${anchor}`)}
          onClick={() => onChange(anchor)}
          style={{ width: 26, height: 22, padding: 0, fontSize: 12 }}
          data-testid={`theme-anchor-${anchor}`}
        >
          {ARROWS[anchor]}
        </Button>
      ))}
    </div>
  );
}

/**
 * Per kind: its layout (several looks per kind), and where it sits on the canvas the preview
 * shows (each canvas has its own placement: a vertical stream puts things elsewhere).
 */
export function PlacementSection({ theme, canvas, edit }: { theme: OverlayTheme; canvas: OverlayCanvas; edit(patch: OverlayThemePatch): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<OverlayKind>('product-card');
  const place = theme.placement[canvas][kind];
  const { width, height } = CANVAS_SIZE[canvas];
  const move = (p: Partial<Placement>) => edit({ placement: { [canvas]: { [kind]: p } } });
  const reset = () =>
    edit({ layouts: { [kind]: DEFAULT_THEME.layouts[kind] }, placement: { [canvas]: { [kind]: DEFAULT_THEME.placement[canvas][kind] } } });

  return (
    <div>
      <Select
        size="small"
        value={kind}
        onChange={setKind}
        options={OVERLAY_KINDS.map((k) => ({ value: k, label: t(`live.kinds.${k}`) }))}
        style={{ width: '100%', marginBottom: 12 }}
        data-testid="theme-kind"
      />
      <Field label={t('live.theme.layout')}>
        <Radio.Group
          size="small"
          optionType="button"
          buttonStyle="solid"
          value={theme.layouts[kind]}
          onChange={(e) => edit({ layouts: { [kind]: e.target.value as string } } as OverlayThemePatch)}
          options={OVERLAY_LAYOUTS[kind].map((layout) => ({ value: layout, label: t(`live.layouts.${layout}`) }))}
          data-testid="theme-layout"
        />
      </Field>
      <Divider titlePlacement="start" plain style={{ margin: '12px 0 10px' }}>
        {t('live.theme.placementOn', { canvas: t(`live.canvas.${canvas}`), width, height })}
      </Divider>
      <Field label={t('live.theme.anchor')} align="flex-start">
        <AnchorGrid value={place.anchor} onChange={(anchor) => move({ anchor })} />
      </Field>
      <Field label={t('live.theme.offset')}>
        <Flex gap={6}>
          <InputNumber size="small" prefix="X" min={-4000} max={4000} step={8} value={place.x} onChange={(x) => x !== null && move({ x: Math.round(x) })} style={{ width: 110 }} data-testid="theme-x" />
          <InputNumber size="small" prefix="Y" min={-4000} max={4000} step={8} value={place.y} onChange={(y) => y !== null && move({ y: Math.round(y) })} style={{ width: 110 }} data-testid="theme-y" />
        </Flex>
      </Field>
      <Field label={t('live.theme.scale')}>
        <Flex gap={8} align="center">
          <Slider min={0.25} max={3} step={0.05} value={place.scale} onChange={(scale: number) => move({ scale })} style={{ flex: 1, margin: '0 4px' }} data-testid="theme-scale" />
          <InputNumber size="small" min={0.25} max={3} step={0.05} value={place.scale} onChange={(scale) => scale !== null && move({ scale })} style={{ width: 72 }} />
        </Flex>
      </Field>
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {t('live.theme.offsetHelp')}
        </Typography.Text>
        <Tooltip title={t('live.theme.resetKindHelp')}>
          <Button size="small" type="text" icon={<UndoOutlined />} onClick={reset}>
            {t('live.theme.resetKind')}
          </Button>
        </Tooltip>
      </Flex>
    </div>
  );
}

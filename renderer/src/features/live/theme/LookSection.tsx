import { Button, Divider, Flex, Input, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FONT_STACK, FontStack, type OverlayTheme, type OverlayThemePatch } from '../../../../../electron/contract';
import { ColorField } from './ColorField';
import { LogoField } from './LogoField';

type Colors = OverlayTheme['colors'];
const COLOR_KEYS = ['accent', 'accent2', 'highlight', 'panel', 'ink', 'inkMuted', 'onAccent'] as const satisfies readonly (keyof Colors)[];

/** Starting points; every colour stays editable after picking one. */
const PALETTES = {
  douyin: { accent: '#ff2442', accent2: '#ff7a1a', highlight: '#ffd84d', panel: '#ffffff', ink: '#1c1c24', inkMuted: '#8a8a99', onAccent: '#ffffff' },
  taobao: { accent: '#ff5000', accent2: '#ff9000', highlight: '#ffe14d', panel: '#ffffff', ink: '#1f1f1f', inkMuted: '#8c8c8c', onAccent: '#ffffff' },
  luxe: { accent: '#c9a45c', accent2: '#e8cf8f', highlight: '#f5e3b3', panel: '#16161b', ink: '#f5f1e8', inkMuted: '#9a958a', onAccent: '#16161b' },
  fresh: { accent: '#12b886', accent2: '#5fd3a7', highlight: '#ffe066', panel: '#ffffff', ink: '#14261f', inkMuted: '#7b8a84', onAccent: '#ffffff' },
} satisfies Record<string, Colors>;
type PaletteKey = keyof typeof PALETTES;

/** Font stacks with CJK faces for macOS, Windows and Linux, then Latin fallbacks. */
const FONT_PRESETS = {
  sans: DEFAULT_FONT_STACK,
  latin: '"Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  display: '"Alibaba PuHuiTi", "HarmonyOS Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif',
  serif: '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, Georgia, serif',
};
type FontKey = keyof typeof FONT_PRESETS | 'custom';

function FontField({ value, onChange }: { value: string; onChange(stack: string): void }) {
  const { t } = useTranslation();
  const [typing, setTyping] = useState<string | null>(null);
  const text = typing ?? value;
  const valid = FontStack.safeParse(text).success;
  const commit = () => {
    if (typing !== null && valid && typing.trim() !== value) onChange(typing.trim());
    setTyping(null);
  };
  const preset = (Object.keys(FONT_PRESETS) as (keyof typeof FONT_PRESETS)[]).find((key) => FONT_PRESETS[key] === value);
  return (
    <>
      <Select
        size="small"
        value={preset ?? 'custom'}
        onChange={(key: FontKey) => key !== 'custom' && onChange(FONT_PRESETS[key])}
        options={([...Object.keys(FONT_PRESETS), 'custom'] as FontKey[]).map((key) => ({ value: key, label: t(`live.theme.fonts.${key}`) }))}
        style={{ width: '100%', marginBottom: 6 }}
        data-testid="theme-font-preset"
      />
      <Input.TextArea
        size="small"
        value={text}
        status={valid ? undefined : 'error'}
        autoSize={{ minRows: 2, maxRows: 3 }}
        spellCheck={false}
        onChange={(e) => setTyping(e.target.value)}
        onBlur={commit}
        onPressEnter={(e) => (e.preventDefault(), commit())}
        style={{ fontSize: 12 }}
        data-testid="theme-font"
      />
      <Typography.Text type={valid ? 'secondary' : 'danger'} style={{ fontSize: 11 }}>
        {valid ? t('live.theme.fontHelp') : t('live.theme.fontInvalid')}
      </Typography.Text>
    </>
  );
}

/** Language of the built-in labels, colours, font stack and logo. */
export function LookSection({ theme, edit }: { theme: OverlayTheme; edit(patch: OverlayThemePatch): void }) {
  const { t } = useTranslation();
  return (
    <div>
      <Divider titlePlacement="start" plain style={{ margin: '4px 0 10px' }}>
        {t('live.theme.labels')}
      </Divider>
      <Segmented
        size="small"
        block
        value={theme.locale}
        onChange={(locale) => edit({ locale: locale as OverlayTheme['locale'] })}
        options={[
          { value: 'zh-CN', label: '中文 · 直播价' },
          { value: 'en', label: 'English · Live price' },
        ]}
        data-testid="theme-locale"
      />
      <Divider titlePlacement="start" plain style={{ margin: '14px 0 10px' }}>
        {t('live.theme.colors')}
      </Divider>
      <Flex gap={6} style={{ marginBottom: 10 }} wrap>
        {(Object.entries(PALETTES) as [PaletteKey, Colors][]).map(([key, colors]) => (
          <Button
            key={key}
            size="small"
            onClick={() => edit({ colors })}
            icon={<span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: `linear-gradient(135deg, ${colors.accent}, ${colors.accent2})`, border: `1px solid ${colors.panel}` }} />}
            data-testid={`theme-palette-${key}`}
          >
            {t(`live.theme.palettes.${key}`)}
          </Button>
        ))}
      </Flex>
      {COLOR_KEYS.map((key) => (
        <ColorField key={key} label={t(`live.theme.color.${key}`)} value={theme.colors[key]} onChange={(hex) => edit({ colors: { [key]: hex } })} testId={`theme-color-${key}`} />
      ))}
      <Divider titlePlacement="start" plain style={{ margin: '14px 0 10px' }}>
        {t('live.theme.font')}
      </Divider>
      <FontField value={theme.fontStack} onChange={(fontStack) => edit({ fontStack })} />
      <Divider titlePlacement="start" plain style={{ margin: '14px 0 10px' }}>
        {t('live.theme.logo')}
      </Divider>
      <LogoField value={theme.logo} onChange={(logo) => edit({ logo })} />
      <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block', marginTop: 6 }}>
        {t('live.theme.logoHelp')}
      </Typography.Text>
    </div>
  );
}

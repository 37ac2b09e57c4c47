import { theme, type ThemeConfig } from 'antd';
import type { ThemeMode } from '../lib/prefs';

/**
 * Latin faces first, then CJK faces per platform (macOS, Windows, Linux), so mixed text like
 * "SKU 已存在" uses a proper Latin face and a proper Simplified Chinese face.
 */
export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  'system-ui',
  'sans-serif',
].join(', ');

const SURFACES = {
  dark: { layout: '#0b0b0d', chrome: '#141417', border: '#26262b' },
  light: { layout: '#f4f5f7', chrome: '#ffffff', border: '#e6e7eb' },
} as const;

/** Dark by default: producers sit in dim studios next to bright monitors. */
export function themeConfig(mode: ThemeMode): ThemeConfig {
  const s = SURFACES[mode];
  return {
    algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
    token: {
      fontFamily: FONT_FAMILY,
      colorPrimary: '#5b6cff',
      borderRadius: 6,
      colorBgLayout: s.layout,
    },
    components: {
      Layout: { headerBg: s.chrome, siderBg: s.chrome, bodyBg: s.layout, headerPadding: '0 20px', headerHeight: 52 },
      Menu: { itemBg: s.chrome, activeBarBorderWidth: 0 },
      Table: { cellPaddingBlockSM: 6 },
    },
  };
}

export function surfaceBorder(mode: ThemeMode): string {
  return SURFACES[mode].border;
}

/** Page background and native controls (scrollbars) follow the theme, also before antd paints. */
export function applyDocumentTheme(mode: ThemeMode): void {
  document.documentElement.style.colorScheme = mode;
  document.body.style.background = SURFACES[mode].layout;
}

import { theme } from 'antd';
import type { CSSProperties } from 'react';
import '../catalog.css';

/** antd's tokens as the CSS variables catalog.css reads (portals need them set on their own root). */
export function useCatalogVars(): CSSProperties {
  const { token } = theme.useToken();
  return {
    '--cc-border': token.colorBorderSecondary,
    '--cc-border-soft': token.colorSplit,
    '--cc-border-strong': token.colorBorder,
    '--cc-bg': token.colorBgContainer,
    '--cc-head-bg': token.colorFillQuaternary,
    '--cc-hover': token.colorFillQuaternary,
    '--cc-selected': token.controlItemBgActive,
    '--cc-primary': token.colorPrimary,
  } as CSSProperties;
}

import { GlobalOutlined, SaveOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Popconfirm, Tabs, theme as antTheme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverlayCanvas, OverlayState } from '../../../../../electron/contract';
import { LookSection } from './LookSection';
import { PlacementSection } from './PlacementSection';
import { useThemeEditor } from './useThemeEditor';

/** Which theme the drawer edits, and the switch between a show's own theme and the global one. */
function ScopeBar({ state, showTitle, editor }: { state: OverlayState; showTitle: string | null; editor: ReturnType<typeof useThemeEditor> }) {
  const { t } = useTranslation();
  const { token } = antTheme.useToken();
  const own = state.themeSource === 'show';
  const show = showTitle ?? state.activeShowId ?? '';
  return (
    <div
      style={{ padding: '8px 10px', marginBottom: 12, borderRadius: 6, background: token.colorFillTertiary, border: `1px solid ${own ? token.purple6 : token.colorBorderSecondary}` }}
      data-testid="theme-scope"
      data-scope={own ? 'show' : 'global'}
    >
      <Flex align="center" gap={8}>
        {own ? <VideoCameraOutlined style={{ color: token.purple5 }} /> : <GlobalOutlined />}
        <Typography.Text strong style={{ fontSize: 13 }} ellipsis>
          {own ? t('live.theme.scopeShow', { show }) : t('live.theme.scopeGlobal')}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '2px 0 6px' }}>
        {own ? t('live.theme.scopeShowHelp') : state.activeShowId ? t('live.theme.scopeGlobalShowHelp', { show }) : t('live.theme.scopeGlobalHelp')}
      </Typography.Text>
      {state.activeShowId &&
        (own ? (
          <Popconfirm title={t('live.theme.useGlobalConfirm', { show })} onConfirm={() => void editor.useGlobal()}>
            <Button size="small" icon={<GlobalOutlined />} data-testid="theme-use-global">
              {t('live.theme.useGlobal')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" type="primary" ghost icon={<SaveOutlined />} onClick={() => void editor.saveForShow()} data-testid="theme-save-show">
            {t('live.theme.saveForShow')}
          </Button>
        ))}
    </div>
  );
}

/**
 * The overlay theme, edited live: no mask, so the preview stays in view and shows every change
 * as the overlay pages receive it.
 */
export function ThemeDrawer({
  open,
  onClose,
  state,
  canvas,
  showTitle,
}: {
  open: boolean;
  onClose(): void;
  state: OverlayState;
  canvas: OverlayCanvas;
  showTitle: string | null;
}) {
  const { t } = useTranslation();
  const editor = useThemeEditor(state);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      mask={false}
      size={400}
      title={t('live.theme.title')}
      styles={{ body: { padding: '12px 16px' } }}
      data-testid="theme-drawer"
    >
      <ScopeBar state={state} showTitle={showTitle} editor={editor} />
      <Tabs
        size="small"
        items={[
          { key: 'look', label: t('live.theme.tabLook'), children: <LookSection theme={editor.draft} edit={editor.edit} /> },
          { key: 'placement', label: t('live.theme.tabPlacement'), children: <PlacementSection theme={editor.draft} canvas={canvas} edit={editor.edit} /> },
        ]}
      />
    </Drawer>
  );
}

import { BgColorsOutlined, ClearOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Result, Segmented, Spin, Tooltip, Typography } from 'antd';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlayCanvas } from '../../../../electron/contract';
import { ActiveShowSelect, useShowList } from './ActiveShowSelect';
import { CountdownControl } from './controls/CountdownControl';
import { PriceStickerControl, ProductCardControl } from './controls/ProductControls';
import { BannerControl, LowerThirdControl, TickerControl } from './controls/TextControls';
import { Kbd } from './Kbd';
import { canvasOfShow, type PreviewBackdrop } from './overlay-state';
import { OverlayPreview } from './OverlayPreview';
import { Tally } from './Tally';
import { ThemeDrawer } from './theme/ThemeDrawer';
import { useHideAllShortcut } from './useHideAllShortcut';
import { useOverlayActions, useOverlayState } from './useOverlays';
import { useStoredChoice } from './useStoredChoice';

/**
 * The overlay control room: the overlay output at the real canvas aspect on the left (the same
 * page OBS loads), one card per overlay kind on the right, the theme in a drawer. By hand it sets
 * the active show; inside a run (the cockpit's Overlays tab) the run decides the show and
 * `runCanvas` the preview's shape. Everything goes through the contract; the picture stays
 * current from pushed snapshots.
 */
export const OverlayRoom = memo(function OverlayRoom({ runCanvas, hideAllKey = true }: { runCanvas?: OverlayCanvas | null; hideAllKey?: boolean }) {
  const { t } = useTranslation();
  const overlays = useOverlayState();
  const state = overlays.data;
  const { clear, hideAll, activeShow, onAir } = useOverlayActions(state);
  const shows = useShowList();
  const [storedCanvas, setCanvas] = useStoredChoice<OverlayCanvas>('cuecart.live.canvas', ['16x9', '9x16'], '16x9');
  const canvas = runCanvas ?? storedCanvas;
  const inRun = runCanvas !== undefined;
  const [backdrop, setBackdrop] = useStoredChoice<PreviewBackdrop>('cuecart.live.backdrop', ['checker', 'dark', 'studio'], 'checker');
  const [themeOpen, setThemeOpen] = useState(false);
  // Server time minus ours, from the latest snapshot: countdown summaries read the server clock.
  const serverOffset = useMemo(() => (state ? state.now - Date.now() : 0), [state]);
  useHideAllShortcut(() => hideAllKey && onAir.length > 0 && hideAll.mutate(onAir));

  if (overlays.isError) {
    return <Result status="warning" title={t('live.loadFailed')} extra={<Button onClick={() => void overlays.refetch()}>{t('common.retry')}</Button>} />;
  }
  if (!state) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin />
      </Flex>
    );
  }

  const pickShow = (showId: string | null) => {
    activeShow.mutate(showId);
    // The preview follows the show's canvas (most Douyin/Taobao shows are vertical).
    const next = canvasOfShow(shows.data?.find((s) => s.id === showId)?.canvas);
    if (next) setCanvas(next);
  };
  const vertical = canvas === '9x16';
  const layers = state.layers;

  return (
    <div data-testid="overlay-room">
      <Flex align="center" justify="space-between" gap={12} wrap style={{ marginBottom: 14 }}>
        <Flex align="center" gap={16} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('live.title')}
          </Typography.Title>
          {!inRun && <ActiveShowSelect state={state} shows={shows.data ?? []} loading={shows.isLoading} pending={activeShow.isPending} onChange={pickShow} />}
        </Flex>
        <Flex align="center" gap={8} wrap>
          {!inRun && (
            <Segmented
              size="small"
              value={canvas}
              onChange={(v) => setCanvas(v as OverlayCanvas)}
              options={[
                { value: '16x9', label: t('live.canvas.16x9') },
                { value: '9x16', label: t('live.canvas.9x16') },
              ]}
              data-testid="canvas-switch"
            />
          )}
          <Button size="small" icon={<BgColorsOutlined />} onClick={() => setThemeOpen(true)} data-testid="open-theme">
            {t('live.theme.open')}
          </Button>
          <Tooltip title={t('live.shortcuts.hideAll')}>
            <Button size="small" icon={<EyeInvisibleOutlined />} disabled={onAir.length === 0} loading={hideAll.isPending} onClick={() => hideAll.mutate(onAir)} data-testid="hide-all">
              {t('live.actions.hideAll')}
              <Kbd>Esc</Kbd>
            </Button>
          </Tooltip>
          <Popconfirm title={t('live.actions.clearConfirm')} okText={t('live.actions.clearAll')} okButtonProps={{ danger: true }} onConfirm={() => clear.mutate()}>
            <Button size="small" danger icon={<ClearOutlined />} loading={clear.isPending} data-testid="clear-all">
              {t('live.actions.clearAll')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>

      <div style={{ display: 'grid', gridTemplateColumns: vertical ? '350px minmax(0, 1fr)' : 'minmax(0, 11fr) minmax(0, 13fr)', gap: 16, alignItems: 'start' }}>
        <Card size="small" style={{ position: 'sticky', top: 64 }} styles={{ body: { padding: 12 } }}>
          <OverlayPreview canvas={canvas} backdrop={backdrop} onBackdrop={setBackdrop} maxHeight="calc(100vh - 250px)" />
          <Tally state={state} />
        </Card>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 12 }}>
          <ProductCardControl layer={layers['product-card']} />
          <PriceStickerControl layer={layers['price-sticker']} />
          <LowerThirdControl layer={layers['lower-third']} />
          <CountdownControl layer={layers.countdown} locale={state.theme.locale} serverOffset={serverOffset} />
          <BannerControl layer={layers.banner} />
          <TickerControl layer={layers.ticker} />
        </div>
      </div>

      <ThemeDrawer
        open={themeOpen}
        onClose={() => setThemeOpen(false)}
        state={state}
        canvas={canvas}
        showTitle={shows.data?.find((s) => s.id === state.activeShowId)?.title ?? null}
      />
    </div>
  );
});

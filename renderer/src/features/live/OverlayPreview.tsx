import { CopyOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CANVAS_SIZE, type OverlayCanvas } from '../../../../electron/contract';
import { useNotify } from '../../lib/notify';
import { overlayPageUrl, PREVIEW_BACKDROPS, type PreviewBackdrop } from './overlay-state';
import { useOverlayDoor } from './useOverlays';

/**
 * The live preview: the combined overlay page (the very page OBS loads) in a frame at the real
 * canvas aspect. It scales itself to fit and gets every change over its own channel, so what
 * shows here is what the browser sources show.
 */
export function OverlayPreview({
  canvas,
  backdrop,
  onBackdrop,
  maxHeight,
}: {
  canvas: OverlayCanvas;
  backdrop: PreviewBackdrop;
  onBackdrop(bg: PreviewBackdrop): void;
  maxHeight: string;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { width, height } = CANVAS_SIZE[canvas];
  // In a rehearsal the preview shows the rehearsal's channel; OBS's pages never see it.
  const { channel } = useOverlayDoor();
  const src = overlayPageUrl('all', { canvas, bg: backdrop, channel });
  const obsUrl = new URL(overlayPageUrl('all', { canvas }), location.href).href;
  const copy = () =>
    navigator.clipboard.writeText(obsUrl).then(
      () => notify.success(t('live.preview.copied')),
      (error: unknown) => notify.error(error),
    );
  return (
    <div data-testid="overlay-preview" data-canvas={canvas}>
      <Flex align="center" justify="space-between" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} ellipsis>
          {t('live.preview.title')} · {width}×{height}
        </Typography.Text>
        <Flex align="center" gap={2} style={{ flex: 'none' }}>
          <Tooltip title={t('live.preview.backdrop')} placement="left">
            <Select
              size="small"
              variant="borderless"
              value={backdrop}
              onChange={(v: PreviewBackdrop) => onBackdrop(v)}
              options={PREVIEW_BACKDROPS.map((bg) => ({ value: bg, label: t(`live.preview.bg.${bg}`) }))}
              popupMatchSelectWidth={false}
              aria-label={t('live.preview.backdrop')}
              data-testid="preview-backdrop"
            />
          </Tooltip>
          <Tooltip title={t('live.preview.copyHelp')}>
            <Button size="small" type="text" icon={<CopyOutlined />} onClick={() => void copy()} aria-label={t('live.preview.copy')} />
          </Tooltip>
        </Flex>
      </Flex>
      <div
        style={{
          // The box has the canvas's aspect, as wide as the column allows and no taller than maxHeight.
          aspectRatio: `${width} / ${height}`,
          width: `min(100%, calc(${maxHeight} * ${width / height}))`,
          margin: '0 auto',
          background: '#000',
          border: '1px solid #2a2a30',
          borderRadius: 4,
          overflow: 'hidden',
          boxShadow: '0 0 0 1px rgba(0,0,0,.4), 0 8px 24px rgba(0,0,0,.35)',
        }}
      >
        <iframe
          key={src}
          src={src}
          title={t('live.preview.frameTitle')}
          referrerPolicy="no-referrer"
          style={{ width: '100%', height: '100%', border: 0, display: 'block', pointerEvents: 'none' }}
        />
      </div>
    </div>
  );
}

import { DeleteOutlined, PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../../api/media';
import { useImageUpload } from '../../../lib/useImageUpload';

const MAX_SIDE = 512;

/**
 * A logo at most 512 px on its longer side, as PNG so transparency survives: sharp on a
 * lower-third at 1080p, and far below the media upload's size cap whatever was picked.
 */
async function shrinkLogo(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/png'));
}

/** The theme's logo: upload (stored in the media library through `media.upload`) or remove. */
export function LogoField({ value, onChange }: { value: string | null; onChange(hash: string | null): void }) {
  const { t } = useTranslation();
  const { input, busy, pick } = useImageUpload(shrinkLogo, onChange);

  return (
    <Flex align="center" gap={10}>
      <Flex
        align="center"
        justify="center"
        style={{
          width: 72,
          height: 48,
          borderRadius: 4,
          flex: 'none',
          background: 'repeating-conic-gradient(#3a3a40 0 25%, #2a2a2f 0 50%) 0 0 / 12px 12px',
          overflow: 'hidden',
        }}
      >
        {value ? (
          <img src={mediaUrl(value)} alt="" style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} data-testid="logo-preview" />
        ) : (
          <PictureOutlined style={{ fontSize: 20, opacity: 0.4 }} />
        )}
      </Flex>
      <input ref={input} type="file" accept="image/png,image/jpeg,image/webp,image/gif" hidden onChange={(e) => void pick(e.target.files?.[0])} data-testid="logo-input" />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {t('live.theme.logoUpload')}
      </Button>
      {value && (
        <Button size="small" icon={<DeleteOutlined />} onClick={() => onChange(null)}>
          {t('common.remove')}
        </Button>
      )}
    </Flex>
  );
}

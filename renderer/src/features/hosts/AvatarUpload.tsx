import { DeleteOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../api/media';
import { useImageUpload } from '../../lib/useImageUpload';

const SIZE = 512;

/**
 * A square JPEG of the picture's centre, 512 px: plenty for a lower-third, and small enough
 * for one WebSocket frame whatever the phone photo weighed.
 */
async function squareJpeg(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.min(SIZE, side);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', 0.88));
}

/** The host photo: pick a file, it is squared, shrunk and stored in the media library. */
export function AvatarUpload({ value, onChange }: { value?: string | null; onChange?: (hash: string | null) => void }) {
  const { t } = useTranslation();
  const { input, busy, pick } = useImageUpload(squareJpeg, (hash) => onChange?.(hash));

  return (
    <Flex align="center" gap={12}>
      <Avatar size={64} src={value ? mediaUrl(value) : undefined} icon={<UserOutlined />} data-testid="avatar-preview" />
      <input ref={input} type="file" accept="image/png,image/jpeg,image/webp,image/gif" style={{ display: 'none' }} onChange={(e) => void pick(e.target.files?.[0])} data-testid="avatar-input" />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {t('hosts.avatarUpload')}
      </Button>
      {value && (
        <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)} aria-label={t('common.remove')}>
          {t('common.remove')}
        </Button>
      )}
    </Flex>
  );
}

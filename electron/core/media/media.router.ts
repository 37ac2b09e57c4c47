import { AppError, MEDIA_UPLOAD_MAX_BYTES } from '../../contract';
import type { EventBus } from '../events';
import type { RouterPart } from '../handlers';
import type { MediaStore } from './media.store';

/** Uploads through the contract (avatars, logos). The store sniffs the type; SVG is refused there. */
export function mediaRouter(media: MediaStore, bus: EventBus): RouterPart<'media.upload'> {
  return {
    'media.upload': ({ contentBase64 }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > MEDIA_UPLOAD_MAX_BYTES) {
        throw new AppError('BAD_INPUT', `Image is larger than ${MEDIA_UPLOAD_MAX_BYTES} bytes`, { reason: 'too_large', limit: MEDIA_UPLOAD_MAX_BYTES });
      }
      const stored = media.put(bytes);
      if (stored.created) bus.dataChanged('media');
      return { ...stored, size: bytes.length };
    },
  };
}

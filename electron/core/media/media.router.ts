import { MEDIA_UPLOAD_MAX_BYTES } from '../../contract';
import type { EventBus } from '../events';
import type { RouterPart } from '../handlers';
import type { MediaStore } from './media.store';

/** Uploads through the contract (product images, avatars, logos), checked for real by the store. */
export function mediaRouter(media: MediaStore, bus: EventBus): RouterPart<'media.upload'> {
  return {
    'media.upload': async ({ contentBase64 }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      const { hash, mime, created } = await media.put(bytes, MEDIA_UPLOAD_MAX_BYTES);
      if (created) bus.dataChanged('media');
      return { hash, mime, created, size: bytes.length };
    },
  };
}

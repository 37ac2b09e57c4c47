import { MEDIA_UPLOAD_MAX_BYTES } from '../../../../../electron/contract';
import type { ApiClient } from '../../../api/client';
import { fileToBase64 } from '../../../lib/files';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** Re-encode a picture too big for one upload: at most `side` px, WebP (keeps transparency). */
async function shrink(file: Blob, side: number, quality: number): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/webp', quality));
}

/**
 * Store a product image in the media library (content-addressed: the same picture twice is one
 * file) and answer its hash. Pictures over the upload cap are shrunk first; the core sniffs the
 * bytes and refuses anything that is not PNG, JPEG, WebP or GIF.
 */
export async function uploadImage(api: ApiClient, file: File): Promise<string> {
  let blob: Blob = file;
  for (const [side, quality] of [[2400, 0.9], [1600, 0.82], [1200, 0.75]] as const) {
    if (blob.size <= MEDIA_UPLOAD_MAX_BYTES) break;
    blob = await shrink(file, side, quality);
  }
  const { hash } = await api.call('media.upload', { contentBase64: await fileToBase64(blob) }, { timeoutMs: 60_000 });
  return hash;
}

/** Files from a drop or a picker that look like images (the server checks the bytes anyway). */
export function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((f) => f.type === '' || f.type.startsWith('image/'));
}

import { webcrypto } from 'node:crypto';
import sharp from 'sharp';
import { AppError, formatBytes, IMAGE_MAX_PIXELS } from '../../contract';
import { ImageRefused, readImageStructure, type ImageStructure } from './image-structure';

export interface CheckedImage extends ImageStructure {
  /** sha256 of the bytes, hex: the file's name in the media folder. */
  hash: string;
}

// libvips runs on libuv's thread pool: decoding never blocks the event loop. One at a time is
// plenty for uploads and keeps a bundle of many images from filling every pool thread.
sharp.concurrency(1);
sharp.cache(false);

/**
 * Check that bytes are an image we serve, for real, off the event loop: the container walked
 * from signature to end marker (image-structure.ts), at most IMAGE_MAX_PIXELS by its header
 * (before anything is decoded), then every pixel decoded by libvips (sharp), so a body that is
 * not the image its header says is refused. The hash is computed on the thread pool too.
 * Refusals are BAD_INPUT with a reason: not_image, damaged, too_large.
 */
export async function checkImage(bytes: Buffer, maxBytes: number): Promise<CheckedImage> {
  if (bytes.length > maxBytes) {
    throw new AppError('BAD_INPUT', `Image is larger than ${formatBytes(maxBytes)} (limit ${maxBytes} bytes)`, { reason: 'too_large', limit: maxBytes });
  }
  let structure: ImageStructure;
  try {
    structure = readImageStructure(bytes);
  } catch (error) {
    if (error instanceof ImageRefused) throw new AppError('BAD_INPUT', error.message, { reason: error.reason });
    throw error;
  }
  const pixels = structure.width * structure.height;
  if (pixels > IMAGE_MAX_PIXELS) {
    throw new AppError(
      'BAD_INPUT',
      `Image is ${structure.width} × ${structure.height} pixels; at most ${IMAGE_MAX_PIXELS / 1_000_000} megapixels are accepted`,
      { reason: 'too_large', limit: IMAGE_MAX_PIXELS, width: structure.width, height: structure.height },
    );
  }
  const [hash] = await Promise.all([sha256(bytes), decodeAll(bytes, structure)]);
  return { ...structure, hash };
}

/** All frames of an animation together: a 40-megapixel GIF may move, not hold a film. */
const ANIMATION_MAX_PIXELS = 10 * IMAGE_MAX_PIXELS;

async function decodeAll(bytes: Buffer, structure: ImageStructure): Promise<void> {
  const refuse = (why: string) => new AppError('BAD_INPUT', `Not a valid ${structure.kind.toUpperCase()} image: ${why}`, { reason: 'damaged' });
  let total: number;
  try {
    const meta = await sharp(bytes, { failOn: 'error', limitInputPixels: IMAGE_MAX_PIXELS }).metadata();
    total = (meta.pages ?? 1) * (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  } catch (error) {
    throw refuse((error as Error).message);
  }
  if (total > ANIMATION_MAX_PIXELS) {
    throw new AppError('BAD_INPUT', `The animation has ${Math.round(total / 1e6)} megapixels in all its frames; at most ${ANIMATION_MAX_PIXELS / 1e6} are accepted`, {
      reason: 'too_large',
      limit: ANIMATION_MAX_PIXELS,
    });
  }
  try {
    // Every frame, every pixel (shrunk to a thumbnail, so the output costs nothing): a decoder
    // error anywhere refuses the file.
    await sharp(bytes, { failOn: 'error', limitInputPixels: Math.max(total, 1), animated: true })
      .resize(16, 16, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch (error) {
    throw refuse((error as Error).message);
  }
}

async function sha256(bytes: Buffer): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}

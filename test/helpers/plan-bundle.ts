import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * A real 1×1 PNG; `variant` adds a text chunk before its end (IEND), so each image has its own
 * hash and stays a valid PNG (bytes after IEND are refused as not the image).
 */
export function tinyPng(variant = 0): Buffer {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  if (variant === 0) return png;
  const body = Buffer.from(`tEXtvariant\0${variant}`, 'latin1');
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(zlib.crc32(body) >>> 0, body.length + 4);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A small, valid version-1 plan bundle as a plain object (tests damage it on purpose). */
export function sampleBundle(): Record<string, any> {
  const img = tinyPng(1);
  const avatar = tinyPng(2);
  const now = Date.UTC(2026, 10, 20);
  return {
    format: 'cuecart.plan',
    version: 1,
    exportedAt: now,
    generator: { app: 'cuecart', version: '0.1.0' },
    show: {
      id: 'shw_bundle1',
      isTemplate: false,
      title: '样例直播 <b>bold</b>',
      platform: 'xiaohongshu',
      startAt: Date.UTC(2026, 10, 25, 12),
      timeZone: 'Asia/Shanghai',
      plannedLengthMs: 3_600_000,
      status: 'draft',
      canvas: '9:16',
      goalGmv: 1_000_000,
      goalOrders: 100,
      notes: '',
      hostIds: ['hst_b1'],
    },
    segments: [
      {
        id: 'seg_b1',
        title: '开场',
        cues: [
          { id: 'cue_b1', kind: 'generic', title: '开场', durationMs: 300_000 },
          { id: 'cue_b2', kind: 'pitch', productId: 'prd_b1', durationMs: 600_000, livePrice: 9900, mechanism: '满199减30', hostIds: ['hst_b1'] },
        ],
      },
    ],
    products: [
      {
        id: 'prd_b1',
        sku: 'BND-1',
        title: '面霜',
        listPrice: 19900,
        livePrice: 12900,
        images: [sha256(img)],
        variants: [{ sku: 'BND-1-S', listPrice: 19900, livePrice: 12900 }],
        createdAt: now,
        updatedAt: now,
      },
    ],
    hosts: [{ id: 'hst_b1', name: '小溪', role: 'host', avatar: sha256(avatar), createdAt: now, updatedAt: now }],
    media: [
      { hash: sha256(img), mime: 'image/png', data: img.toString('base64') },
      { hash: sha256(avatar), mime: 'image/png', data: avatar.toString('base64') },
    ],
  };
}

export const bundleBytes = (b: unknown) => Buffer.from(JSON.stringify(b), 'utf8');

import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';

// Real image files for tests, made here byte by byte: valid PNGs of a chosen size (random pixels
// do not compress, so a file's size follows its dimensions), and hostile variants of them.

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(width, 0);
  b.writeUInt32BE(height, 4);
  b[8] = 8; // bit depth
  b[9] = 2; // truecolour RGB
  return b;
}

/** A valid RGB PNG; `noise` fills it with random pixels (about 3 bytes a pixel), else one colour. */
export function makePng(width: number, height: number, { noise = false } = {}): Buffer {
  const row = 1 + width * 3;
  const raw = noise ? randomBytes(row * height) : Buffer.alloc(row * height, 0x7f);
  for (let y = 0; y < height; y += 1) raw[y * row] = 0; // filter byte: none
  const idat = zlib.deflateSync(raw, { level: noise ? 0 : 9 });
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr(width, height)), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** A noisy PNG of close to `bytes` bytes (never more). */
export function pngOfSize(bytes: number): Buffer {
  const width = 1000;
  let height = Math.floor((bytes - 200) / (width * 3 + 1) / 1.0004);
  let png = makePng(width, height, { noise: true });
  while (png.length > bytes) png = makePng(width, --height, { noise: true });
  return png;
}

/** A tiny PNG whose header claims `width` × `height` (a decompression bomb's calling card). */
export function pngClaiming(width: number, height: number): Buffer {
  const idat = zlib.deflateSync(Buffer.alloc(1024));
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr(width, height)), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

const HTML = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>\n'.repeat(4));

/** Each image signature followed by HTML and script instead of an image. */
export const signatureThenHtml = {
  png: Buffer.concat([PNG_SIGNATURE, HTML]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]),
  gif: Buffer.concat([Buffer.from('GIF89a', 'latin1'), HTML]),
  webp: (() => {
    const b = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), HTML]);
    b.writeUInt32LE(b.length - 8, 4);
    return b;
  })(),
};

/** A valid PNG with a script appended after its end. */
export function pngThenScript(): Buffer {
  return Buffer.concat([makePng(8, 8), HTML]);
}

// The container of an image, walked for real: every chunk, block or segment from the signature to
// the end marker, with the dimensions the header gives. A signature followed by anything else
// (HTML, a script) fails here, before any decoder runs; so does data after the end (a PNG with a
// script appended), except a JPEG's appended JPEGs (phones store their extra pictures so, MPF).
// Pure functions over a Buffer: no Node APIs beyond it, fast (native indexOf for JPEG scans).

export type ImageKind = 'png' | 'jpg' | 'webp' | 'gif';

export interface ImageStructure {
  kind: ImageKind;
  mime: string;
  width: number;
  height: number;
}

export class ImageRefused extends Error {
  constructor(
    readonly reason: 'not_image' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

const MIME: Record<ImageKind, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The kind its first bytes claim, or null. SVG and everything else is no image of ours. */
export function claimedKind(b: Buffer): ImageKind | null {
  if (b.length < 12) return null;
  if (b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.toString('latin1', 0, 6) === 'GIF87a' || b.toString('latin1', 0, 6) === 'GIF89a') return 'gif';
  return null;
}

const damaged = (kind: ImageKind, why: string) => new ImageRefused('damaged', `Not a valid ${kind.toUpperCase()} image: ${why}`);

/** Walk the whole container; throws ImageRefused with the reason. */
export function readImageStructure(b: Buffer): ImageStructure {
  const kind = claimedKind(b);
  if (!kind) throw new ImageRefused('not_image', 'Not a supported image (PNG, JPEG, WebP or GIF)');
  const size = kind === 'png' ? png(b) : kind === 'jpg' ? jpeg(b) : kind === 'webp' ? webp(b) : gif(b);
  if (size.width < 1 || size.height < 1) throw damaged(kind, 'it has no pixels');
  return { kind, mime: MIME[kind], ...size };
}

type Size = { width: number; height: number };

function png(b: Buffer): Size {
  let at = 8;
  let size: Size | null = null;
  for (;;) {
    if (at + 12 > b.length) throw damaged('png', 'it is cut off before its end (IEND)');
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw damaged('png', `byte ${at} is not a chunk`);
    const end = at + 12 + length;
    if (end > b.length) throw damaged('png', `chunk ${type} runs past the end of the file`);
    if (size === null) {
      if (type !== 'IHDR' || length !== 13) throw damaged('png', 'it does not start with its header (IHDR)');
      size = { width: b.readUInt32BE(at + 8), height: b.readUInt32BE(at + 12) };
    }
    at = end;
    if (type === 'IEND') break;
  }
  if (at !== b.length) throw damaged('png', `${b.length - at} bytes follow its end (IEND)`);
  return size;
}

function gif(b: Buffer): Size {
  const size = { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  let at = 13;
  if (b[10]! & 0x80) at += 3 * 2 ** ((b[10]! & 0x07) + 1); // global colour table
  const subBlocks = () => {
    for (;;) {
      if (at >= b.length) throw damaged('gif', 'it is cut off inside a block');
      const n = b[at]!;
      at += 1 + n;
      if (n === 0) return;
    }
  };
  for (;;) {
    if (at >= b.length) throw damaged('gif', 'it is cut off before its end (trailer)');
    const block = b[at]!;
    if (block === 0x3b) {
      at += 1;
      break;
    }
    if (block === 0x21) {
      at += 2; // introducer, label
      subBlocks();
    } else if (block === 0x2c) {
      if (at + 10 > b.length) throw damaged('gif', 'it is cut off inside an image');
      const flags = b[at + 9]!;
      at += 10;
      if (flags & 0x80) at += 3 * 2 ** ((flags & 0x07) + 1); // local colour table
      at += 1; // LZW minimum code size
      subBlocks();
    } else {
      throw damaged('gif', `byte ${at} is not a GIF block`);
    }
  }
  if (at !== b.length) throw damaged('gif', `${b.length - at} bytes follow its end (trailer)`);
  return size;
}

function webp(b: Buffer): Size {
  const riff = b.readUInt32LE(4) + 8;
  if (riff > b.length) throw damaged('webp', 'it is cut off (shorter than its RIFF size)');
  if (riff < b.length) throw damaged('webp', `${b.length - riff} bytes follow its end`);
  let at = 12;
  let size: Size | null = null;
  while (at < riff) {
    if (at + 8 > riff) throw damaged('webp', 'a chunk header is cut off');
    const type = b.toString('latin1', at, at + 4);
    const length = b.readUInt32LE(at + 4);
    const data = at + 8;
    if (data + length > riff) throw damaged('webp', `chunk ${type} runs past the end`);
    if (size === null) {
      if (type === 'VP8X' && length >= 10) {
        size = { width: 1 + b.readUIntLE(data + 4, 3), height: 1 + b.readUIntLE(data + 7, 3) };
      } else if (type === 'VP8 ' && length >= 10 && b[data + 3] === 0x9d && b[data + 4] === 0x01 && b[data + 5] === 0x2a) {
        size = { width: b.readUInt16LE(data + 6) & 0x3fff, height: b.readUInt16LE(data + 8) & 0x3fff };
      } else if (type === 'VP8L' && length >= 5 && b[data] === 0x2f) {
        const bits = b.readUInt32LE(data + 1);
        size = { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
      } else {
        throw damaged('webp', `it starts with ${JSON.stringify(type)}, not an image chunk`);
      }
    }
    at = data + length + (length & 1);
  }
  if (!size) throw damaged('webp', 'it holds no image');
  return size;
}

/** Markers without a length: TEM, RST0-7, SOI, EOI. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd9);
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpeg(b: Buffer): Size {
  let at = 2;
  let size: Size | null = null;
  for (;;) {
    if (at + 2 > b.length) throw damaged('jpg', 'it is cut off before its end (EOI)');
    if (b[at] !== 0xff) throw damaged('jpg', `byte ${at} is not a marker`);
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      at += 2;
      break;
    }
    if (standalone(marker)) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) throw damaged('jpg', 'a segment header is cut off');
    const length = b.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > b.length) throw damaged('jpg', 'a segment runs past the end of the file');
    if (isSof(marker)) {
      if (length < 8) throw damaged('jpg', 'its frame header is too short');
      size = { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    at = end;
    if (marker === 0xda) at = afterScan(b, at); // entropy-coded data up to the next real marker
  }
  if (!size) throw damaged('jpg', 'it has no frame header');
  const rest = b.length - at;
  // Phones append their other pictures (MPF) as whole JPEGs; anything else after EOI is refused.
  if (rest > 0 && !(b[at] === 0xff && b[at + 1] === 0xd8 && b[at + 2] === 0xff)) {
    throw damaged('jpg', `${rest} bytes follow its end (EOI)`);
  }
  return size;
}

function afterScan(b: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = b.indexOf(0xff, at);
    if (at < 0 || at + 1 >= b.length) throw damaged('jpg', 'it is cut off inside its image data');
    const next = b[at + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      at += next === 0xff ? 1 : 2;
      continue;
    }
    return at;
  }
}

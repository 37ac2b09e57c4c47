import zlib from 'node:zlib';
import { AppError } from '../../contract/errors';
import { LIMITS } from './limits';

const refuse = (reason: string, message: string) => new AppError('BAD_INPUT', message, { reason });

let table: Int32Array | null = null;
/** CRC-32 as ZIP uses it. zlib.crc32 exists from Node 20.15; the engines field allows 20.11. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  return native ? native(data) : crc32Js(data);
}

export function crc32Js(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i += 1) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  crc: number;
  localOffset: number;
}

/**
 * Check an XLSX (a ZIP) before the spreadsheet library unpacks all of it in memory: a sane
 * central directory, the parts of a workbook, no zip bomb (total unpacked size, packing ratio)
 * and every part really inflating to the size it declares — a lying header is how the nastier
 * bombs get past size checks. Truncated or bit-flipped archives fail here with a clear reason.
 */
export function checkXlsxZip(buf: Buffer): void {
  const entries = centralDirectory(buf);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw refuse('not_xlsx', 'This ZIP file is not an Excel workbook (no xl/workbook.xml).');
  }
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > LIMITS.maxUnzippedBytes) throw refuse('zip_bomb', 'The workbook unpacks to more than 300 MB; it is refused as a possible zip bomb.');
    if (e.size > 1024 * 1024 && e.size > e.compressed * LIMITS.maxZipRatio) {
      throw refuse('zip_bomb', `The part ${e.name} packs ${Math.round(e.size / Math.max(1, e.compressed))}:1; it is refused as a possible zip bomb.`);
    }
  }
  for (const e of entries) verifyEntry(buf, e);
}

/** The entries of a ZIP's central directory (names, sizes, offsets); refuses damaged archives. */
export function centralDirectory(buf: Buffer): ZipEntry[] {
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the very end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('truncated', 'The XLSX file is truncated or damaged (no ZIP directory at its end).');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw refuse('zip64', 'ZIP64 workbooks are not supported.');
  if (count > LIMITS.maxZipEntries) throw refuse('zip_bomb', `The workbook has ${count} parts; it is refused.`);
  if (cdOffset + cdSize > eocd) throw refuse('truncated', 'The XLSX file is truncated or damaged (bad ZIP directory).');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw refuse('damaged', 'The XLSX file is damaged (bad ZIP directory entry).');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (flags & 1) throw refuse('encrypted', 'The workbook is encrypted; remove the password and import again.');
    if (method !== 0 && method !== 8) throw refuse('damaged', `The workbook uses an unsupported ZIP method (${method}).`);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.push({ name, method, compressed, size, crc, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * One entry's bytes, unpacked and checked (declared size, CRC): the same checks as a workbook's
 * parts get. Used for the parts of a workbook read on their own and for files in a ZIP upload.
 */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  return verifyEntry(buf, e);
}

function verifyEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw refuse('damaged', `The XLSX file is damaged (part ${e.name} is missing).`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressed;
  if (end > buf.length) throw refuse('truncated', `The XLSX file is truncated (part ${e.name} is cut off).`);
  let out: Buffer;
  if (e.method === 0) {
    if (e.compressed !== e.size) throw refuse('damaged', `The XLSX file is damaged (part ${e.name}).`);
    out = buf.subarray(start, end);
  } else out = inflate(buf.subarray(start, end), e);
  if (out.length !== e.size) throw refuse('damaged', `The XLSX file is damaged (part ${e.name} has the wrong size).`);
  // The spreadsheet library does not check CRCs: a flipped bit would otherwise reach the XML.
  if (crc32(out) !== e.crc) throw refuse('damaged', `The XLSX file is damaged (part ${e.name} fails its checksum).`);
  return out;
}

function inflate(data: Buffer, e: ZipEntry): Buffer {
  let out: Buffer;
  try {
    // One byte over the declared size is enough to catch a lie without inflating the bomb.
    out = zlib.inflateRawSync(data, { maxOutputLength: e.size + 1 });
  } catch (error) {
    const tooBig = error instanceof RangeError || /maxOutputLength|buffer/i.test(String((error as Error).message));
    throw tooBig
      ? refuse('zip_bomb', `The part ${e.name} unpacks to more than it declares; it is refused as a possible zip bomb.`)
      : refuse('damaged', `The XLSX file is damaged (part ${e.name} does not unpack).`);
  }
  return out;
}

import iconv from 'iconv-lite';
import { AppError } from '../../contract/errors';

export type Sniffed =
  | { kind: 'csv'; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { kind: 'xlsx' };

const refuse = (reason: string, message: string) => new AppError('BAD_INPUT', message, { reason });

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * What is in these bytes, and as which text? Detected, never asked: XLSX by its ZIP signature,
 * a BOM if there is one (UTF-8, UTF-16 LE/BE), UTF-16 without BOM by its zero bytes, strict
 * UTF-8, and else the GB18030 family that Chinese Excel writes (GBK and GB2312 are subsets).
 * Anything else — binary, old .xls, other legacy encodings — is refused with the reason.
 */
export function sniff(bytes: Buffer): Sniffed {
  if (bytes.length === 0) throw refuse('empty', 'The file is empty.');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw refuse('xls', 'This is an old Excel .xls workbook; save it as .xlsx or CSV and import that.');
  }
  if (startsWith(bytes, [0x50, 0x4b])) throw refuse('zip', 'This ZIP file is not an Excel workbook (or it is damaged).');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw refuse('binary', 'This is a PDF, not a spreadsheet.');
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw refuse('encoding', 'UTF-32 text is not supported; save the file as CSV UTF-8.');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return csv(strictUtf8(bytes.subarray(3)), 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return csv(utf16(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return csv(utf16(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  const bomless = guessUtf16(bytes);
  if (bomless) return csv(utf16(bytes, bomless), bomless);
  // A few NUL bytes are text that happens to hold a NUL (our own export of a title with one in
  // it); many of them are a binary file.
  if (tooManyControls(countNul(bytes), bytes.length)) throw refuse('binary', 'The file contains binary data; it is not a CSV or XLSX spreadsheet.');
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return csv(utf8, 'utf-8');
  return csv(gb18030(bytes), 'gb18030');
}

function csv(text: string, encoding: Extract<Sniffed, { kind: 'csv' }>['encoding']): Sniffed {
  checkText(text);
  return { kind: 'csv', text, encoding };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function strictUtf8(bytes: Uint8Array): string {
  const text = tryUtf8(bytes);
  if (text === null) throw refuse('encoding', 'The file says it is UTF-8 (it has a BOM) but contains bytes that are not UTF-8.');
  return text;
}

function utf16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) throw refuse('truncated', 'The UTF-16 file has an odd number of bytes: it is truncated or damaged.');
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), enc === 'utf-16le' ? 'utf16le' : 'utf16be');
  if (text.includes('\ufffd')) throw refuse('encoding', 'The file is not valid UTF-16 text.');
  return text;
}

/** Spreadsheet text in UTF-16 without a BOM: every other byte of ASCII is zero. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Not UTF-8, so maybe GBK/GB18030 from Chinese Excel. That decoder accepts almost any bytes, so
 * we also ask whether the result looks like Chinese: most double-byte characters of real text
 * sit in the GB2312 block (common hanzi). Latin-1, Shift-JIS or random bytes mostly do not.
 */
function gb18030(bytes: Uint8Array): string {
  let common = 0;
  let rare = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const t = bytes[i + 1];
    if (b === 0x80 || b === 0xff || t === undefined) {
      rare += 1;
      i += 1;
      continue;
    }
    if (t >= 0x30 && t <= 0x39) {
      rare += 1; // four-byte GB18030 sequence: legal, but rare in product sheets
      i += 4;
      continue;
    }
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common += 1;
    else rare += 1;
    i += 2;
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'gb18030');
  if (text.includes('\ufffd') || common < rare) {
    throw refuse(
      'encoding',
      'The file is neither UTF-8 nor GBK/GB18030 Chinese text (wrong or unknown encoding). Save it as "CSV UTF-8" and import again.',
    );
  }
  return text;
}

// Control characters other than tab, LF and CR: what binary data looks like once decoded.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** More than a handful and more than one in a thousand (or a tenth of a tiny file): binary data, not a stray character. */
const tooManyControls = (controls: number, length: number) => controls > length / 10 || (controls > 16 && controls > length / 1000);

function countNul(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) n += 1;
  return n;
}

/**
 * Text with many control characters in it is a binary file that happened to decode. A few are
 * kept: a title may hold one, and the catalog's own export must read back (issue 11, finding 5).
 */
function checkText(text: string): void {
  if (!CONTROL.test(text)) return; // the common case, answered by one native scan
  const controls = text.match(CONTROLS)?.length ?? 0;
  if (tooManyControls(controls, text.length)) {
    throw refuse('binary', 'The file contains binary data (control characters); it is not a text spreadsheet.');
  }
}

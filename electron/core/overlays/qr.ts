import qrcode from 'qrcode-generator';
import type { QrMatrix } from '../../contract';

/**
 * A product link as QR modules for the overlay pages to draw on a canvas (no image data URLs,
 * so the pages keep `img-src 'self'`). Level M survives a busy video frame; the URL is
 * normalised to ASCII (punycode host, percent-encoded path) so byte mode encodes it exactly.
 */
export function qrMatrix(link: string): QrMatrix {
  const text = new URL(link).href;
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const bytes = new Uint8Array(Math.ceil((size * size) / 8));
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.isDark(row, col)) continue;
      const i = row * size + col;
      bytes[i >> 3]! |= 0x80 >> (i & 7);
    }
  }
  return { size, bits: Buffer.from(bytes).toString('base64') };
}

/** Read a module back (tests, and the pages do the same in the browser). */
export function qrDark(qr: QrMatrix, row: number, col: number): boolean {
  const bytes = Buffer.from(qr.bits, 'base64');
  const i = row * qr.size + col;
  return ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0;
}

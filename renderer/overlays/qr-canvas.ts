import type { QrMatrix } from '../../electron/contract/overlays';

const QUIET = 2;

/** Draw QR modules on a canvas: whole device pixels per module, a quiet zone, no data URLs. */
const drawn = new WeakMap<HTMLCanvasElement, string>();

export function drawQr(canvas: HTMLCanvasElement, qr: QrMatrix | null): void {
  const key = qr ? `${qr.size}:${qr.bits}` : '';
  if (drawn.get(canvas) === key) return; // most updates (price, stock) keep the same link
  drawn.set(canvas, key);
  canvas.hidden = qr === null;
  if (!qr) return;
  const bits = Uint8Array.from(atob(qr.bits), (c) => c.charCodeAt(0));
  const cells = qr.size + QUIET * 2;
  const module = Math.max(2, Math.floor(256 / cells));
  canvas.width = canvas.height = cells * module;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      const i = row * qr.size + col;
      if ((bits[i >> 3]! & (0x80 >> (i & 7))) !== 0) ctx.fillRect((col + QUIET) * module, (row + QUIET) * module, module, module);
    }
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export interface DiffResult {
  sameSize: boolean;
  width: number;
  height: number;
  /** Pixels where any channel (alpha included) differs by more than the threshold. */
  differing: number;
  ratio: number;
}

/**
 * Compare two PNGs by decoding them in Chromium (createImageBitmap + canvas), so no image
 * library is needed. A pixel counts as different when a channel moves by more than `threshold`
 * (0-255): anti-aliasing noise stays under it, a moved or changed glyph does not.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function diffPng(page: Page, a: Buffer, b: Buffer, ignore: Rect[] = [], threshold = 48): Promise<DiffResult> {
  return page.evaluate(
    async ({ a, b, ignore, threshold }) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), {
          colorSpaceConversion: 'none',
          premultiplyAlpha: 'none',
        });
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.width !== y.width || x.height !== y.height) {
        return { sameSize: false, width: x.width, height: x.height, differing: x.width * x.height, ratio: 1 };
      }
      let differing = 0;
      const skip = (p: number) => {
        const px = p % x.width;
        const py = Math.floor(p / x.width);
        return ignore.some((r) => px >= r.x && px < r.x + r.width && py >= r.y && py < r.y + r.height);
      };
      for (let i = 0; i < x.data.length; i += 4) {
        if (ignore.length > 0 && skip(i / 4)) continue;
        for (let c = 0; c < 4; c++) {
          if (Math.abs(x.data[i + c]! - y.data[i + c]!) > threshold) {
            differing++;
            break;
          }
        }
      }
      return { sameSize: true, width: x.width, height: x.height, differing, ratio: differing / (x.width * x.height) };
    },
    { a: a.toString('base64'), b: b.toString('base64'), ignore, threshold },
  );
}

export const BASELINES = path.join(import.meta.dirname, '__screenshots__');

/**
 * Save `png` under `outDir/<name>.png` and compare it with the committed baseline, except inside
 * `ignore` (a running countdown's digits, which depend on when the shot was taken). A missing
 * baseline (or UPDATE_SCREENSHOTS=1) writes it and passes: the first run records, later runs check.
 */
export async function matchBaseline(
  browser: Browser,
  name: string,
  png: Buffer,
  outDir: string,
  opts: { ignore?: Rect[]; maxPixels?: number } = {},
): Promise<{ written: boolean; diff?: DiffResult; ok: boolean }> {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `${name}.png`), png);
  const baseline = path.join(BASELINES, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' || !fs.existsSync(baseline)) {
    fs.mkdirSync(BASELINES, { recursive: true });
    fs.writeFileSync(baseline, png);
    return { written: true, ok: true };
  }
  const page = await browser.newPage();
  try {
    const diff = await diffPng(page, fs.readFileSync(baseline), png, opts.ignore);
    // An absolute budget, not a share of the canvas: a one-digit price change in a small sticker
    // is a few hundred pixels of a two-million-pixel frame and must still fail.
    return { written: false, diff, ok: diff.sameSize && diff.differing <= (opts.maxPixels ?? 250) };
  } finally {
    await page.close();
  }
}

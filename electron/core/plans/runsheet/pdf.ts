import fs from 'node:fs';
import { AppError } from '../../../contract';

/** Where a Chromium may be; the desktop app prints with Electron's webContents.printToPDF instead. */
function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * HTML to an A4 PDF with a headless Chromium. The core runs in plain Node, so it needs a browser
 * on the machine (Debian's, never a download) and playwright-core to drive it; without either it
 * answers UNAVAILABLE with `message`, and the caller can offer the HTML instead.
 */
export async function htmlToPdf(html: string, message: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new AppError('UNAVAILABLE', message, { reason: 'no_chromium' });
  let chromium: typeof import('playwright-core').chromium;
  try {
    // Imported on demand: a build without playwright-core still runs everything but PDF.
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new AppError('UNAVAILABLE', message, { reason: 'no_driver' });
  }
  const browser = await chromium.launch({
    executablePath,
    timeout: 20_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    // Offline: the document is self-contained (images inline), so block every request out.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout: 20_000 });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

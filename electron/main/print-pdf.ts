import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintPdf } from '../core/plans/runsheet/runsheet.service';
import type { ElectronApis } from './startup';

/** The printing session: in memory, its own, so nothing it loads touches the app's. */
export const PRINT_PARTITION = 'cuecart-print';

/**
 * Cue cards to PDF with Electron's own Chromium (the packaged app has no other browser). The
 * HTML is our own, self-contained document (images inline as data: URLs); it is written to a
 * private temporary file and loaded in a hidden window that runs no script, reaches nothing but
 * that file and data: URLs, cannot navigate or open windows, and is destroyed after printing.
 * (A data: URL of the whole document would hit Chromium's 2 MB URL limit with pictures in it.)
 */
export function createPdfPrinter(e: Pick<ElectronApis, 'BrowserWindow' | 'session'>, tmpDir: string): PrintPdf {
  let guarded = false;
  const allowed = new Set<string>();
  return async (html) => {
    const ses = e.session.fromPartition(PRINT_PARTITION);
    if (!guarded) {
      ses.webRequest.onBeforeRequest((details, callback) => {
        callback({ cancel: !(allowed.has(details.url) || details.url.startsWith('data:')) });
      });
      ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      guarded = true;
    }
    fs.mkdirSync(tmpDir, { recursive: true });
    const file = path.join(tmpDir, `cue-cards-${randomUUID()}.html`);
    fs.writeFileSync(file, html, { mode: 0o600 });
    const url = pathToFileURL(file).href;
    allowed.add(url);
    const win = new e.BrowserWindow({
      show: false,
      webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
    });
    try {
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await win.loadURL(url);
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return Buffer.from(pdf);
    } finally {
      allowed.delete(url);
      if (!win.isDestroyed()) win.destroy();
      fs.rmSync(file, { force: true });
    }
  };
}

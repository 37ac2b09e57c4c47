import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfPrinter, PRINT_PARTITION } from '../../../electron/main/print-pdf';

// The desktop app's PDF printer with a stand-in `electron` (no runtime here): what it loads, what
// it lets through, what it asks Chromium for, and that it leaves nothing behind.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-print-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function fakeElectron(opts: { failPrint?: boolean } = {}) {
  const windows: FakeWindow[] = [];
  let filter: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
  let permissions: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
  const partitions: string[] = [];
  const session = {
    webRequest: { onBeforeRequest: (f: typeof filter) => (filter = f) },
    setPermissionRequestHandler: (f: typeof permissions) => (permissions = f),
  };
  class FakeWindow {
    destroyed = false;
    loaded: string | null = null;
    seenOnDisk: string | null = null;
    printedWith: unknown = null;
    navigateGuard: ((event: { preventDefault(): void }) => void) | null = null;
    openHandler: (() => { action: string }) | null = null;
    readonly webContents = {
      on: (name: string, f: (event: { preventDefault(): void }) => void) => {
        if (name === 'will-navigate') this.navigateGuard = f;
      },
      setWindowOpenHandler: (f: () => { action: string }) => (this.openHandler = f),
      printToPDF: async (options: unknown) => {
        this.printedWith = options;
        if (opts.failPrint) throw new Error('printing failed');
        return Buffer.from(`%PDF-1.7 ${this.seenOnDisk}`);
      },
    };
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded = url;
      this.seenOnDisk = fs.readFileSync(new URL(url), 'utf8');
    }
    isDestroyed = () => this.destroyed;
    destroy() {
      this.destroyed = true;
    }
  }
  const e = {
    BrowserWindow: FakeWindow,
    session: { fromPartition: (name: string) => (partitions.push(name), session) },
  } as unknown as Parameters<typeof createPdfPrinter>[0];
  const ask = (url: string) => new Promise<boolean>((resolve) => filter!({ url }, (r) => resolve(r.cancel)));
  return { e, windows, partitions, ask, permission: (p: string) => new Promise<boolean>((r) => permissions!(null, p, r)) };
}

describe('PDF printing in the desktop app', () => {
  it('prints our HTML in a hidden, script-less, sandboxed window, A4 with backgrounds, and cleans up', async () => {
    const f = fakeElectron();
    const print = createPdfPrinter(f.e, path.join(tmp, 'a'));
    const pdf = await print('<!doctype html><title>直播脚本</title><p>主推款</p>', 'unavailable');
    expect(pdf.toString()).toContain('%PDF-1.7 <!doctype html><title>直播脚本</title><p>主推款</p>');
    const [win] = f.windows;
    expect(win!.options.show).toBe(false);
    expect(win!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(win!.printedWith).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(win!.destroyed).toBe(true);
    expect(f.partitions).toEqual([PRINT_PARTITION]);
    expect(fs.readdirSync(path.join(tmp, 'a'))).toEqual([]); // the temporary file is gone
  });

  it('lets the page reach only its own file and data: URLs; no navigation, windows or permissions', async () => {
    const f = fakeElectron();
    const print = createPdfPrinter(f.e, path.join(tmp, 'b'));
    let during: Record<string, boolean> = {};
    const original = f.e.BrowserWindow.prototype.loadURL;
    f.e.BrowserWindow.prototype.loadURL = async function (this: { loaded: string }, url: string) {
      await original.call(this, url);
      during = {
        own: await f.ask(url),
        data: await f.ask('data:image/png;base64,AAAA'),
        web: await f.ask('https://example.com/track.png'),
        otherFile: await f.ask('file:///etc/passwd'),
      };
    };
    await print('<p>x</p>', 'unavailable');
    expect(during).toEqual({ own: false, data: false, web: true, otherFile: true });
    // After printing, even its own file is refused.
    expect(await f.ask(f.windows[0]!.loaded!)).toBe(true);
    let prevented = false;
    f.windows[0]!.navigateGuard!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(f.windows[0]!.openHandler!()).toEqual({ action: 'deny' });
    expect(await f.permission('media')).toBe(false);
  });

  it('a failed print still closes the window and removes the file', async () => {
    const f = fakeElectron({ failPrint: true });
    const print = createPdfPrinter(f.e, path.join(tmp, 'c'));
    await expect(print('<p>x</p>', 'unavailable')).rejects.toThrow('printing failed');
    expect(f.windows[0]!.destroyed).toBe(true);
    expect(fs.readdirSync(path.join(tmp, 'c'))).toEqual([]);
  });
});

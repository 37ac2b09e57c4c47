import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/log';
import type { ShellPaths } from '../../../electron/main/paths';
import { startShell, type ElectronApis } from '../../../electron/main/startup';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../electron/preload/channels';

/**
 * The shell's wiring with a stand-in `electron` (no runtime here) around the real core and
 * server: Node's own better-sqlite3 build plays the Electron-ABI binding.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-shell-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function paths(over: Partial<ShellPaths> = {}): ShellPaths {
  const rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Cuecart</title>');
  return {
    rendererDir,
    preload: '/app/out/preload/index.cjs',
    migrationsFolder: path.join(ROOT, 'db', 'migrations'),
    resourcesDir: path.join(ROOT, 'resources'),
    nativeBinding: path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    icon: path.join(ROOT, 'resources', 'icon.png'),
    dataDir: path.join(tmp, 'data'),
    logDir: path.join(tmp, 'data', 'logs'),
    ...over,
  };
}

function fakeElectron() {
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  class FakeWindow {
    destroyed = false;
    focused = 0;
    readonly url = 'app://cuecart/index.html';
    readonly webContents = {
      mainFrame: { url: this.url, processId: 3, routingId: 1, parent: null },
      isDestroyed: () => false,
      getURL: () => this.url,
      send: vi.fn(),
      on: vi.fn(),
      reload: vi.fn(),
    };
    loadURL = vi.fn(async () => {});
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    on() {}
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {
      this.focused += 1;
    }
  }
  const e = {
    app: { isPackaged: false, getVersion: () => '9.9.9', name: 'Cuecart', getPath: (name: string) => path.join(tmp, name) },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => void ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (t: unknown) => t },
    protocol: { handle: (_scheme: string, fn: typeof protocolHandler) => void (protocolHandler = fn) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openPath: vi.fn(), openExternal: vi.fn() },
    globalShortcut: {
      registered: new Map<string, () => void>(),
      register(accelerator: string, fn: () => void) {
        if (accelerator === 'F24') return false; // held by another app
        this.registered.set(accelerator, fn);
        return true;
      },
      unregister(accelerator: string) {
        this.registered.delete(accelerator);
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (t: string) => Buffer.from(t, 'utf8').reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
    },
  };
  return { e: e as unknown as ElectronApis, raw: e, windows, ipcHandlers, protocol: () => protocolHandler! };
}

describe('startShell', () => {
  it('builds core, server, protocol, IPC, events, menu and one hardened window', async () => {
    const f = fakeElectron();
    const shell = await startShell(f.e, { paths: paths(), log: silentLogger, isDev: false, env: { CUECART_PORT: '0' } });
    try {
      expect(shell.serverOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(f.windows).toHaveLength(1);
      const win = f.windows[0]!;
      const prefs = win.options.webPreferences as Record<string, unknown>;
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(prefs.additionalArguments).toEqual([`--cuecart-server-origin=${shell.serverOrigin}`]);
      expect(win.loadURL).toHaveBeenCalledWith('app://cuecart/index.html');

      const page = await f.protocol()(new Request('app://cuecart/'));
      expect(page.headers.get('content-security-policy')).toContain(`img-src 'self' data: blob: ${shell.serverOrigin}`);

      const trusted = { senderFrame: win.webContents.mainFrame, sender: win.webContents };
      const status = (await f.ipcHandlers.get(CALL_CHANNEL)!(trusted, 'app.status', {})) as { ok: boolean; output: { appVersion: string; dataDir: string } };
      expect(status).toMatchObject({ ok: true, output: { appVersion: '9.9.9', dataDir: path.join(tmp, 'data') } });
      const refused = await f.ipcHandlers.get(CALL_CHANNEL)!({ senderFrame: { ...win.webContents.mainFrame, url: 'https://evil.example/' }, sender: win.webContents }, 'app.status', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      shell.core.bus.dataChanged('products');
      expect(win.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, { topic: 'data.changed', payload: { table: 'products', revision: 1 } });

      const token = fs.readFileSync(path.join(tmp, 'data', 'access-token'), 'utf8').trim();
      const api = await fetch(`${shell.serverOrigin}/api/v1/status`, { headers: { Authorization: `Bearer ${token}` } });
      expect(api.status).toBe(200);

      expect(f.raw.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
      expect(f.raw.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();

      shell.showWindow(); // a second launch focuses the existing window
      expect(f.windows).toHaveLength(1);
      expect(win.focused).toBe(1);
    } finally {
      await shell.close();
    }
    expect(f.ipcHandlers.has(CALL_CHANNEL)).toBe(false);
    await expect(fetch(`${shell.serverOrigin}/api/v1/status`)).rejects.toThrow();
  });

  it('registers global GO/Back shortcuts only when turned on, and a press fires the next cue', async () => {
    const f = fakeElectron();
    const shell = await startShell(f.e, { paths: paths({ dataDir: path.join(tmp, 'data-shortcuts') }), log: silentLogger, isDev: false, env: { CUECART_PORT: '0' } });
    try {
      const call = (method: string, input: unknown) => shell.core.dispatch(method, input, { door: 'internal' });
      expect(f.raw.globalShortcut.registered.size).toBe(0); // off by default
      await call('live.settings.set', { globalShortcuts: { enabled: true, go: 'CommandOrControl+Shift+G', back: 'F24' } });
      expect([...f.raw.globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+G']); // F24 is taken: skipped

      const product = await call('products.create', { sku: 'GS-1', title: 'x', listPrice: 100, livePrice: 100 });
      const productId = product.ok ? (product.output as { id: string }).id : '';
      const created = await call('shows.create', { title: 's', startAt: 0, segments: [{ id: 'g', cues: [{ id: 'c1', kind: 'pitch', productId }, { id: 'c2', kind: 'generic' }] }] });
      const showId = created.ok ? (created.output as { id: string }).id : '';
      await call('live.arm', { id: showId });
      f.raw.globalShortcut.registered.get('CommandOrControl+Shift+G')!();
      await vi.waitFor(async () => {
        const view = await call('live.get', {});
        expect(view.ok && (view.output as { state: string }).state).toBe('running');
      });
      const log = await call('live.log', {});
      const go = log.ok ? (log.output as { rows: { kind: string; source: string; details: { trigger: string } }[] }).rows.find((r) => r.kind === 'go') : null;
      expect(go).toMatchObject({ source: 'desk-global', details: { trigger: 'global' } });

      await call('live.settings.set', { globalShortcuts: { enabled: false, go: 'CommandOrControl+Shift+G', back: 'F24' } });
      expect(f.raw.globalShortcut.registered.size).toBe(0);
    } finally {
      await shell.close();
    }
  });

  it('fails with a readable error when the dev Electron binding is missing', async () => {
    const f = fakeElectron();
    await expect(
      startShell(f.e, { paths: paths({ nativeBinding: path.join(tmp, 'nope', 'better_sqlite3.node') }), log: silentLogger, isDev: true }),
    ).rejects.toThrow(/electron-native\.mjs/);
    expect(f.windows).toHaveLength(0);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** electron/main/index.ts itself, with a stand-in `electron` module. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-entry-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function electronStub(lock: boolean) {
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const app = {
    isPackaged: false,
    name: 'Cuecart',
    getVersion: () => '0.1.0',
    // A project without the Electron SQLite binding: startup must fail readably.
    getAppPath: () => tmp,
    getPath: () => path.join(tmp, 'userData'),
    setPath: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => lock),
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) => appEvents.set(name, fn)),
    whenReady: vi.fn(() => ready),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const stub = {
    app,
    dialog: { showErrorBox: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
    BrowserWindow: vi.fn(),
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
    session: { defaultSession: {} },
  };
  return { stub, appEvents, ready: () => readyResolve() };
}

describe('main entry', () => {
  beforeEach(() => {
    vi.resetModules();
    // Keep the entry's process-wide handlers (signals, uncaughtException) off the test worker.
    vi.spyOn(process, 'on').mockImplementation(() => process);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.doUnmock('electron');
  });

  it('a second instance quits at once and starts nothing', async () => {
    const { stub } = electronStub(false);
    vi.doMock('electron', () => ({ ...stub, default: stub }));
    await import('../../../electron/main/index');
    expect(stub.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(stub.app.quit).toHaveBeenCalled();
    expect(stub.app.whenReady).not.toHaveBeenCalled();
  });

  it('the first instance listens for second launches, and a fatal startup error shows a dialog', async () => {
    const { stub, appEvents, ready } = electronStub(true);
    vi.doMock('electron', () => ({ ...stub, default: stub }));
    await import('../../../electron/main/index');
    expect(appEvents.has('second-instance')).toBe(true);
    expect(appEvents.has('web-contents-created')).toBe(true);
    ready();
    await vi.waitFor(() => expect(stub.app.exit).toHaveBeenCalledWith(1));
    const [title, text] = stub.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Cuecart could not start');
    expect(text).toContain('electron-native.mjs');
    expect(text).toContain(path.join(tmp, 'userData', 'logs', 'main.log'));
    expect(text).not.toMatch(/\n\s+at /);
    expect(stub.BrowserWindow).not.toHaveBeenCalled();
    expect(fs.readFileSync(path.join(tmp, 'userData', 'logs', 'main.log'), 'utf8')).toContain('startup failed');
  });
});

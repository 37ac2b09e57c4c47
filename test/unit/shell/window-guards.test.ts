import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/log';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { serverOriginFor, startOnPreferredPort } from '../../../electron/main/server-port';
import { describeStartupError } from '../../../electron/main/startup-error';
import { denyAllPermissions, guardWebContents } from '../../../electron/main/window-guards';

type Handler = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, fn: Handler) => (handlers.set(name, fn), contents),
    setWindowOpenHandler: (fn: typeof openHandler) => void (openHandler = fn),
  };
  const shell = { openExternal: vi.fn(async () => {}) };
  guardWebContents(contents as never, shell, silentLogger);
  const fire = (name: string, url = '') => {
    const event = { preventDefault: vi.fn() };
    handlers.get(name)!(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, open: (url: string) => openHandler!({ url }), shell };
}

describe('web contents guards', () => {
  it('prevents navigation and redirects to other origins', () => {
    const g = fakeContents();
    expect(g.fire('will-navigate', 'app://cuecart/index.html#/live')).toBe(false);
    expect(g.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(g.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(g.fire('will-redirect', 'http://127.0.0.1:5170/')).toBe(true);
  });

  it('refuses <webview>', () => {
    expect(fakeContents().fire('will-attach-webview')).toBe(true);
  });

  it('denies window.open and passes only http(s) to openExternal', () => {
    const g = fakeContents();
    expect(g.open('https://obsproject.com/')).toEqual({ action: 'deny' });
    expect(g.shell.openExternal).toHaveBeenCalledWith('https://obsproject.com/');
    for (const url of ['javascript:alert(1)', 'file:///C:/Windows/calc.exe', 'app://cuecart/index.html', 'smb://x/y', 'cuecart://x']) {
      expect(g.open(url)).toEqual({ action: 'deny' });
    }
    expect(g.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions(
      { setPermissionRequestHandler: (fn: never) => void (request = fn), setPermissionCheckHandler: (fn: never) => void (check = fn) } as never,
      silentLogger,
    );
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request!({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
  });
});

describe('menu', () => {
  const opts = { platform: 'linux', appName: 'Cuecart', openLogs: () => {}, openDataFolder: () => {} };
  const roles = (template: ReturnType<typeof buildMenuTemplate>) =>
    template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu.map((i) => i.role) : [])).filter(Boolean);

  it('has an Edit menu with copy and paste', () => {
    const edit = buildMenuTemplate({ ...opts, isDev: false }).find((m) => m.label === 'Edit')!;
    const editRoles = (edit.submenu as { role?: string }[]).map((i) => i.role);
    expect(editRoles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo']));
  });

  it('offers reload and DevTools in development only', () => {
    expect(roles(buildMenuTemplate({ ...opts, isDev: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    const prod = roles(buildMenuTemplate({ ...opts, isDev: false }));
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('forceReload');
    expect(prod).not.toContain('toggleDevTools');
  });

  it('has the macOS app menu on macOS', () => {
    expect(buildMenuTemplate({ ...opts, platform: 'darwin', isDev: false })[0]!.label).toBe('Cuecart');
  });
});

describe('server port', () => {
  it('uses the preferred port, or a free one when it is taken', async () => {
    const start = vi.fn(async (port: number) => {
      if (port === 5170) throw Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
      return port;
    });
    const fallback = vi.fn();
    await expect(startOnPreferredPort(start, 5170, fallback)).resolves.toBe(0);
    expect(fallback).toHaveBeenCalled();
    await expect(startOnPreferredPort(async () => 'ok', 5170)).resolves.toBe('ok');
    await expect(startOnPreferredPort(async () => Promise.reject(new Error('other')), 5170)).rejects.toThrow('other');
  });

  it('gives a loopback origin for wildcard binds', () => {
    expect(serverOriginFor('127.0.0.1', 5170)).toBe('http://127.0.0.1:5170');
    expect(serverOriginFor('0.0.0.0', 80)).toBe('http://127.0.0.1:80');
    expect(serverOriginFor('::1', 5170)).toBe('http://[::1]:5170');
  });
});

describe('startup error text', () => {
  const opts = { logFile: '/logs/main.log', isPackaged: false };

  it('explains a migration failure and names the backup, without a stack', () => {
    const error = Object.assign(new Error('foreign_key_check failed after 0003_rebuild'), {
      name: 'MigrationError',
      backupPath: '/data/backups/cuecart-1.db',
    });
    const text = describeStartupError(error, opts);
    expect(text).toContain('could not update its database');
    expect(text).toContain('/data/backups/cuecart-1.db');
    expect(text).toContain('/logs/main.log');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('tells a developer how to make the Electron SQLite binding', () => {
    const text = describeStartupError(new Error('...was compiled against a different Node.js version using NODE_MODULE_VERSION 115'), opts);
    expect(text).toContain('scripts/electron-native.mjs');
  });
});

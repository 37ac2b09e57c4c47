import type { BrowserWindow as BrowserWindowType, IpcMain } from 'electron';
import type * as Electron from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { LiveSettings } from '../contract';
import { createCore, type Core } from '../core';
import type { Logger } from '../core/log';
import { DEFAULT_PORT, startServer, type RunningServer } from '../server';
import { loadOrCreateToken, VIEWER_TOKEN_FILE } from '../server/token';
import { createAppProtocolHandler } from './app-protocol';
import { wireGlobalShortcuts } from './global-shortcuts';
import { forwardEvents, registerIpc, type IpcMainLike } from './ipc';
import { buildMenuTemplate } from './menu';
import type { ShellPaths } from './paths';
import { APP_SCHEME, buildCsp } from './security';
import { serverOriginFor, startOnPreferredPort } from './server-port';
import { createPdfPrinter } from './print-pdf';
import { createSecretStore } from './safe-secrets';
import { missingNativeBindingError } from './startup-error';
import { denyAllPermissions } from './window-guards';
import { createMainWindow, focusWindow } from './window';

export type ElectronApis = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'Menu' | 'protocol' | 'session' | 'shell' | 'safeStorage' | 'globalShortcut'
>;

export interface Shell {
  readonly core: Core;
  readonly server: RunningServer;
  readonly serverOrigin: string;
  /** Open the window, or bring the existing one to the front. */
  showWindow(): void;
  close(): Promise<void>;
}

export interface ShellOptions {
  paths: ShellPaths;
  log: Logger;
  isDev: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Build the brain, open the doors, then the window, in that order: the window needs the
 * server's origin (media, overlays) before its preload runs. Throws on failure (the caller shows
 * a dialog) after closing whatever was already open.
 */
export async function startShell(e: ElectronApis, options: ShellOptions): Promise<Shell> {
  const { paths, log, isDev } = options;
  const env = options.env ?? process.env;
  if (!e.app.isPackaged && !fs.existsSync(paths.nativeBinding)) throw missingNativeBindingError(paths.nativeBinding);

  const viewerToken = loadOrCreateToken(paths.dataDir, VIEWER_TOKEN_FILE);
  const core = createCore({
    dataDir: paths.dataDir,
    viewerToken,
    nativeBinding: paths.nativeBinding,
    migrationsFolder: paths.migrationsFolder,
    resourcesDir: paths.resourcesDir,
    appVersion: e.app.getVersion(),
    log,
    secrets: createSecretStore(e.safeStorage, paths.dataDir),
    printPdf: createPdfPrinter(e, path.join(e.app.getPath('temp'), 'cuecart-print')),
  });
  let server: RunningServer;
  try {
    const token = loadOrCreateToken(core.dataDir);
    const host = env.CUECART_HOST || '127.0.0.1'; // LAN stays opt-in
    const preferred = env.CUECART_PORT ? Number(env.CUECART_PORT) : DEFAULT_PORT;
    server = await startOnPreferredPort(
      (port) => startServer({ core, token, viewerToken, host, port, rendererDir: paths.rendererDir, log }),
      Number.isInteger(preferred) && preferred >= 0 && preferred <= 65535 ? preferred : DEFAULT_PORT,
      () => log.warn('preferred port taken, using a free one', { port: preferred }),
    );
  } catch (error) {
    await core.close();
    throw error;
  }
  const serverOrigin = serverOriginFor(server.host, server.port);
  log.info('server listening', { origin: serverOrigin, lan: server.lan });

  let win: BrowserWindowType | null = null;
  const getWindow = () => (win && !win.isDestroyed() ? win : null);

  e.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: paths.rendererDir, csp: buildCsp(serverOrigin) }));
  denyAllPermissions(e.session.defaultSession, log);
  const unregisterIpc = registerIpc(e.ipcMain as IpcMain & IpcMainLike, core.dispatch, {
    getWindow,
    onRefused: (reason, url) => log.warn('ipc call refused', { reason, url }),
  });
  const stopEvents = forwardEvents((listener) => core.bus.subscribe(listener), getWindow);
  // The desktop window is a seat of the show runner like any browser (its Gos log as `desk`).
  const deskSeat = core.live.seats.add({ name: 'desktop', door: 'ipc', role: 'operator', connectedAt: core.clock.now() });
  // GO/Back from anywhere on the desktop, only when the producer turned it on.
  const shortcuts = wireGlobalShortcuts(e.globalShortcut, core.dispatch, log);
  const initial = await core.dispatch('live.settings.get', {}, { door: 'internal' });
  if (initial.ok) shortcuts.apply((initial.output as LiveSettings).globalShortcuts);
  const stopShortcutSync = core.bus.subscribe((event) => {
    if (event.topic === 'live.settings') shortcuts.apply(event.payload.globalShortcuts);
  });

  e.Menu.setApplicationMenu(
    e.Menu.buildFromTemplate(
      buildMenuTemplate({
        isDev,
        platform: process.platform,
        appName: e.app.name,
        openLogs: () => void e.shell.openPath(paths.logDir),
        openDataFolder: () => void e.shell.openPath(paths.dataDir),
      }),
    ),
  );

  const showWindow = () => {
    if (getWindow()) return focusWindow(win);
    win = createMainWindow({ BrowserWindow: e.BrowserWindow, paths, serverOrigin, isDev, log });
    win.on('closed', () => (win = null));
  };
  showWindow();

  let closing: Promise<void> | null = null;
  return {
    core,
    server,
    serverOrigin,
    showWindow,
    close: () =>
      (closing ??= (async () => {
        stopEvents();
        deskSeat.remove();
        stopShortcutSync();
        shortcuts.release();
        unregisterIpc();
        await server.close().catch((error: unknown) => log.error('server close failed', { error: String(error) }));
        await core.close().catch((error: unknown) => log.error('core close failed', { error: String(error) }));
        log.info('shut down');
      })()),
  };
}

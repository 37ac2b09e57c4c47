import type { BrowserWindow as BrowserWindowType } from 'electron';
import type { Logger } from '../core/log';
import { serverOriginArg } from '../preload/channels';
import type { ShellPaths } from './paths';
import { APP_URL, buildWindowOptions } from './security';

export interface WindowDeps {
  BrowserWindow: typeof BrowserWindowType;
  paths: ShellPaths;
  serverOrigin: string;
  isDev: boolean;
  log: Logger;
}

/** The one app window, hardened (see security.ts), showing app://cuecart/index.html. */
export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const win = new deps.BrowserWindow(
    buildWindowOptions(deps.paths.preload, {
      additionalArguments: [serverOriginArg(deps.serverOrigin)],
      devTools: deps.isDev,
      icon: deps.paths.icon,
    }),
  );
  win.once('ready-to-show', () => win.show());

  // A crashed renderer in the middle of a show comes back by itself, but not in a tight loop.
  let lastReload = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    deps.log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    if (Date.now() - lastReload < 10_000) return;
    lastReload = Date.now();
    win.webContents.reload();
  });
  win.webContents.on('did-fail-load', (_event, code, description, url) => {
    deps.log.error('page failed to load', { code, description, url });
  });

  void win.loadURL(APP_URL).catch((error: unknown) => deps.log.error('loadURL failed', { error: String(error) }));
  return win;
}

export function focusWindow(win: BrowserWindowType | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

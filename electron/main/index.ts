import * as electron from 'electron';
import { app, dialog, protocol, shell } from 'electron';
import path from 'node:path';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { createFileLogger } from './file-log';
import { resolveShellPaths } from './paths';
import { startShell, type Shell } from './startup';
import { describeStartupError } from './startup-error';
import { guardAllWebContents } from './window-guards';

/**
 * Electron main: a thin shell around the core and server (see ARCHITECTURE.md). One instance
 * per user; the renderer lives on app://cuecart/ and reaches the core through one checked IPC
 * channel; the same server as `npm run serve` runs for overlays, Stream Deck and LAN tablets.
 */

// Same override as `npm run serve` (CUECART_DATA_DIR), set before anything reads userData.
if (process.env.CUECART_DATA_DIR) app.setPath('userData', path.resolve(process.env.CUECART_DATA_DIR));

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const isDev = !app.isPackaged;
const paths = resolveShellPaths({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  userData: app.getPath('userData'),
  electronVersion: process.versions.electron ?? '',
  platform: process.platform,
  arch: process.arch,
});
const log = createFileLogger(paths.logDir, { echo: isDev });

if (!app.requestSingleInstanceLock()) {
  // Another Cuecart owns this profile; it gets 'second-instance' and comes to the front.
  app.quit();
} else {
  run();
}

function run(): void {
  let running: Shell | null = null;
  let shutDown = false;

  process.on('uncaughtException', (error) => log.error('uncaught exception', { error: error.stack ?? String(error) }));
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { reason: String(reason) }));

  guardAllWebContents(app, shell, log);
  app.on('second-instance', () => running?.showWindow());
  app.on('activate', () => running?.showWindow()); // macOS: dock click with no window open
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Graceful shutdown: close the server and the database before the process ends.
  app.on('will-quit', (event) => {
    if (shutDown || !running) return;
    event.preventDefault();
    const shell = running;
    running = null;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
    void Promise.race([shell.close(), timeout]).finally(() => {
      shutDown = true;
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(async () => {
      log.info('starting', { version: app.getVersion(), electron: process.versions.electron, dataDir: paths.dataDir });
      running = await startShell(electron, { paths, log, isDev });
    })
    .catch((error: unknown) => {
      log.error('startup failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      dialog.showErrorBox('Cuecart could not start', describeStartupError(error, { logFile: log.file, isPackaged: app.isPackaged }));
      app.exit(1);
    });
}

import path from 'node:path';

/** Where the shell finds its files, in development (`electron .`) and packaged. */
export interface ShellPaths {
  /** Built renderer served on app://cuecart/ (inside app.asar when packaged). */
  rendererDir: string;
  /** Sandboxed preload bundle. */
  preload: string;
  migrationsFolder: string;
  /** Demo workspace, icon and other read-only assets. */
  resourcesDir: string;
  /** Electron-ABI better_sqlite3.node (see scripts/electron-native.mjs). */
  nativeBinding: string;
  icon: string;
  dataDir: string;
  logDir: string;
}

export interface ShellEnvironment {
  isPackaged: boolean;
  /** `app.getAppPath()`: the project root in development, `.../resources/app.asar` packaged. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  /** `app.getPath('userData')`. */
  userData: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

/**
 * Folder name of the Electron-ABI binding cache, `<electron version>-<platform>-<arch>`.
 * scripts/electron-native.mjs writes the same name (a unit test keeps the two in step).
 */
export function electronNativeDirName(electronVersion: string, platform: string, arch: string): string {
  return `${electronVersion}-${platform}-${arch}`;
}

/**
 * Development reads the project tree (`out/`, `db/migrations`, `resources/`, `.cache/`).
 * Packaged, `out/**` lives in app.asar while migrations, resources and the native binding are
 * electron-builder `extraResources` next to it (see electron-builder.yml).
 */
export function resolveShellPaths(env: ShellEnvironment): ShellPaths {
  const join = env.platform === 'win32' ? path.win32.join : path.posix.join;
  const base = env.appPath;
  const resourcesDir = env.isPackaged ? join(env.resourcesPath, 'resources') : join(base, 'resources');
  return {
    rendererDir: join(base, 'out', 'renderer'),
    preload: join(base, 'out', 'preload', 'index.cjs'),
    migrationsFolder: env.isPackaged ? join(env.resourcesPath, 'migrations') : join(base, 'db', 'migrations'),
    resourcesDir,
    nativeBinding: env.isPackaged
      ? join(env.resourcesPath, 'native', 'better_sqlite3.node')
      : join(base, '.cache', 'electron-native', electronNativeDirName(env.electronVersion, env.platform, env.arch), 'better_sqlite3.node'),
    icon: join(resourcesDir, 'icon.png'),
    dataDir: env.userData,
    logDir: join(env.userData, 'logs'),
  };
}

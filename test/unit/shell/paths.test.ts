import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveShellPaths, type ShellEnvironment } from '../../../electron/main/paths';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

const base: ShellEnvironment = {
  isPackaged: false,
  appPath: '/home/me/cuecart',
  resourcesPath: '/opt/electron/resources',
  userData: '/home/me/.config/Cuecart',
  electronVersion: '45.4.1',
  platform: 'linux',
  arch: 'x64',
};

describe('resolveShellPaths', () => {
  it('development: the project tree', () => {
    expect(resolveShellPaths(base)).toEqual({
      rendererDir: '/home/me/cuecart/out/renderer',
      preload: '/home/me/cuecart/out/preload/index.cjs',
      migrationsFolder: '/home/me/cuecart/db/migrations',
      resourcesDir: '/home/me/cuecart/resources',
      nativeBinding: '/home/me/cuecart/.cache/electron-native/45.4.1-linux-x64/better_sqlite3.node',
      icon: '/home/me/cuecart/resources/icon.png',
      dataDir: '/home/me/.config/Cuecart',
      logDir: '/home/me/.config/Cuecart/logs',
    });
  });

  it('packaged: out/ in app.asar, the rest in extraResources (electron-builder.yml)', () => {
    const p = resolveShellPaths({
      ...base,
      isPackaged: true,
      appPath: '/opt/Cuecart/resources/app.asar',
      resourcesPath: '/opt/Cuecart/resources',
    });
    expect(p.rendererDir).toBe('/opt/Cuecart/resources/app.asar/out/renderer');
    expect(p.preload).toBe('/opt/Cuecart/resources/app.asar/out/preload/index.cjs');
    expect(p.migrationsFolder).toBe('/opt/Cuecart/resources/migrations');
    expect(p.resourcesDir).toBe('/opt/Cuecart/resources/resources');
    expect(p.nativeBinding).toBe('/opt/Cuecart/resources/native/better_sqlite3.node');
  });

  it('Windows paths use backslashes', () => {
    const p = resolveShellPaths({
      ...base,
      platform: 'win32',
      isPackaged: true,
      appPath: 'C:\\Program Files\\Cuecart\\resources\\app.asar',
      resourcesPath: 'C:\\Program Files\\Cuecart\\resources',
      userData: 'C:\\Users\\me\\AppData\\Roaming\\Cuecart',
    });
    expect(p.nativeBinding).toBe('C:\\Program Files\\Cuecart\\resources\\native\\better_sqlite3.node');
    expect(p.logDir).toBe('C:\\Users\\me\\AppData\\Roaming\\Cuecart\\logs');
  });

  it('dev binding path is where scripts/electron-native.mjs writes it', async () => {
    const script = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'electron-native.mjs')).href)) as {
      nativeBindingPath(root: string, version: string, platform: string, arch: string): string;
    };
    const fromScript = script.nativeBindingPath(ROOT, '45.4.1', process.platform, process.arch);
    const fromMain = resolveShellPaths({ ...base, appPath: ROOT, platform: process.platform, arch: process.arch }).nativeBinding;
    expect(path.normalize(fromMain)).toBe(fromScript);
  });

  it('packaged paths match electron-builder.yml extraResources', async () => {
    const fs = await import('node:fs');
    const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/from: db\/migrations\s+to: migrations/);
    expect(yml).toMatch(/from: resources\s+to: resources/);
    expect(yml).toMatch(/to: native\/better_sqlite3\.node/);
    expect(yml).toMatch(/npmRebuild: false/);
  });
});

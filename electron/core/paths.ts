import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, db/migrations and resources/: found by walking up from this
 * module, so it works from sources (tests) and from the built `out/` bundle alike. The packaged
 * desktop app passes its own paths instead.
 */
export function findAppRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'db', 'migrations', 'meta', '_journal.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cuecart app root not found above ${from}`);
    dir = parent;
  }
}

/**
 * Where the desktop app keeps its data (Electron's `userData` for product name "Cuecart"), so
 * `npm run serve` and the desktop app share one workspace by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Cuecart');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Cuecart');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Cuecart');
}

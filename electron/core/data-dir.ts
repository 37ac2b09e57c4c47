import fs from 'node:fs';
import path from 'node:path';

/** Folders in the data directory: only the user may list or enter them. */
const PRIVATE_DIRS = ['media', 'backups', 'logs'];
/** Files in the data directory that only the user may read. */
const PRIVATE_FILES = [
  'cuecart.db',
  'cuecart.db-wal',
  'cuecart.db-shm',
  'live.db',
  'live.db-wal',
  'live.db-shm',
  'access-token',
  'viewer-token',
  'secrets.json',
  'secrets.enc.json',
  'live-overlays.json',
  'live-overlays.b.json',
  'live-overlays-rehearsal.json',
  'live-overlays-rehearsal.b.json',
];

/**
 * Make the data directory private on POSIX: the folder and its sub-folders 0700, the database
 * (with its -wal and -shm), the secrets, the token and the backups 0600. Run on every start, not
 * only when a file is created: a mode given to writeFileSync or mkdirSync applies only on
 * creation, so a file that was ever 0644 (an older version, a copy, a restore) would stay so.
 * Symbolic links are left alone (chmod would change what they point at). Windows has no such
 * modes; the user's profile folder is private there already.
 */
export function securePrivateDir(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (platform === 'win32') return;
  chmodIf(dataDir, 0o700, 'dir');
  for (const dir of PRIVATE_DIRS) chmodIf(path.join(dataDir, dir), 0o700, 'dir');
  for (const file of PRIVATE_FILES) chmodIf(path.join(dataDir, file), 0o600, 'file');
  const backups = path.join(dataDir, 'backups');
  if (isKind(backups, 'dir')) for (const f of fs.readdirSync(backups)) chmodIf(path.join(backups, f), 0o600, 'file');
}

function isKind(p: string, kind: 'dir' | 'file'): boolean {
  try {
    const st = fs.lstatSync(p);
    return kind === 'dir' ? st.isDirectory() : st.isFile();
  } catch {
    return false;
  }
}

function chmodIf(p: string, mode: number, kind: 'dir' | 'file'): void {
  if (isKind(p, kind)) fs.chmodSync(p, mode);
}

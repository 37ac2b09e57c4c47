import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-file';

const TOKEN_FILE = 'access-token';
/** The read-only token of prompters and observers. */
export const VIEWER_TOKEN_FILE = 'viewer-token';

/**
 * The access token guards every RPC and control-API call. It is kept in the data directory
 * (readable only by the user) so Stream Deck / Companion buttons keep working across restarts.
 * `viewer-token` is the read-only one (prompter, observers).
 */
export function loadOrCreateToken(dataDir: string, name: string = TOKEN_FILE): string {
  const file = path.join(dataDir, name);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{24,}$/.test(existing)) {
      if (process.platform !== 'win32' && fs.lstatSync(file).isFile()) fs.chmodSync(file, 0o600);
      return existing;
    }
  } catch {
    // no token yet
  }
  const token = randomBytes(24).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // A new file (write + rename) with mode 0600: writing over an old 0644 file would keep 0644.
  writeFileAtomic(file, `${token}\n`, 0o600);
  return token;
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

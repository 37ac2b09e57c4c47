import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/log';

const MAX_BYTES = 5 * 1024 * 1024;

export interface FileLogger extends Logger {
  readonly file: string;
}

/**
 * JSON lines in `<userData>/logs/main.log`, one previous file kept as `main.old.log`. Writes
 * are synchronous: lines around a crash must reach the disk. Never log the access token.
 */
export function createFileLogger(logDir: string, opts: { echo?: boolean; now?: () => number } = {}): FileLogger {
  const file = path.join(logDir, 'main.log');
  const now = opts.now ?? Date.now;
  let usable = true;
  try {
    fs.mkdirSync(logDir, { recursive: true });
    if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) {
      fs.renameSync(file, path.join(logDir, 'main.old.log'));
    }
  } catch {
    usable = false; // a read-only profile must not stop the app
  }
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ t: new Date(now()).toISOString(), level, message, ...fields });
    if (opts.echo) (level === 'info' ? console.log : console.error)(`[cuecart] ${message}`, fields ?? '');
    if (!usable) return;
    try {
      fs.appendFileSync(file, `${line}\n`);
    } catch {
      usable = false;
    }
  };
  return {
    file,
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';

/**
 * Where secrets (the OBS password) live. The desktop shell passes a store encrypted with
 * Electron's safeStorage; `serve` uses a file only the user can read. Secrets are never sent
 * to a client or written to a log.
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string | null): void;
  /** Say how secrets are protected, for the settings screen. */
  readonly protection: 'os-keychain' | 'user-only-file';
}

/** A JSON file with mode 0600 in the data directory (`secrets.json`). */
export class FileSecretStore implements SecretStore {
  readonly protection = 'user-only-file' as const;
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'secrets.json');
  }

  private read(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  get(name: string): string | null {
    return this.read()[name] ?? null;
  }

  set(name: string, value: string | null): void {
    const all = this.read();
    if (value === null) delete all[name];
    else all[name] = value;
    writeFileAtomic(this.file, JSON.stringify(all), 0o600);
    fs.chmodSync(this.file, 0o600);
  }
}

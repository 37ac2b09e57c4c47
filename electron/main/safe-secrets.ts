import type { SafeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-file';
import { FileSecretStore, type SecretStore } from '../core/secrets';

/**
 * Secrets encrypted with the OS keychain through Electron's safeStorage (DPAPI on Windows,
 * Keychain on macOS, libsecret/kwallet on Linux), stored base64 in `secrets.enc.json` (0600).
 * Where the OS offers no encryption (a Linux box without a keyring), fall back to the same
 * user-only file `serve` uses, and say so.
 */
export function createSecretStore(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>, dataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return new FileSecretStore(dataDir);
  const file = path.join(dataDir, 'secrets.enc.json');
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  return {
    protection: 'os-keychain',
    get(name) {
      const sealed = read()[name];
      if (!sealed) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        return null; // encrypted by another user or machine: ask for it again
      }
    },
    set(name, value) {
      const all = read();
      if (value === null) delete all[name];
      else all[name] = safeStorage.encryptString(value).toString('base64');
      writeFileAtomic(file, JSON.stringify(all), 0o600);
    },
  };
}

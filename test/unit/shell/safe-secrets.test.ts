import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretStore } from '../../../electron/main/safe-secrets';

// Stand-in for Electron's safeStorage: a reversible scramble, enough to see that the file never
// holds the plain text and that reads go through decryptString.
const fakeSafeStorage = (available: boolean) => ({
  isEncryptionAvailable: () => available,
  encryptString: (t: string) => Buffer.from(Buffer.from(`sealed:${t}`, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8').replace(/^sealed:/, ''),
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-secrets-'));

describe('desktop secret store (safeStorage)', () => {
  it('stores the OBS password encrypted and reads it back', () => {
    const dir = tmp();
    const store = createSecretStore(fakeSafeStorage(true), dir);
    store.set('obs.password', 'hunter2-直播');
    expect(store.protection).toBe('os-keychain');
    expect(store.get('obs.password')).toBe('hunter2-直播');
    const file = fs.readFileSync(path.join(dir, 'secrets.enc.json'), 'utf8');
    expect(file).not.toContain('hunter2');
    expect(fs.statSync(path.join(dir, 'secrets.enc.json')).mode & 0o777).toBe(0o600);
    store.set('obs.password', null);
    expect(store.get('obs.password')).toBeNull();
  });

  it('falls back to a user-only file when the OS offers no encryption', () => {
    const dir = tmp();
    const store = createSecretStore(fakeSafeStorage(false), dir);
    store.set('obs.password', 'pw');
    expect(store.protection).toBe('user-only-file');
    expect(store.get('obs.password')).toBe('pw');
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});

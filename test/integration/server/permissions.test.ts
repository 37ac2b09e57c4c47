import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServe, tempDataDir, type ServeProcess } from '../../helpers/serve';

// Issue 11, finding 7: the data directory is the user's alone on POSIX, on every start of the
// built `serve`, whatever modes the files had before.

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
const running: ServeProcess[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) {
    await s.stop();
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  }
});

async function serve(dataDir?: string) {
  const s = await startServe(dataDir ? { dataDir } : {});
  running.push(s);
  return s;
}

function modes(dir: string) {
  return {
    dir: mode(dir),
    db: mode(path.join(dir, 'cuecart.db')),
    wal: mode(path.join(dir, 'cuecart.db-wal')),
    shm: mode(path.join(dir, 'cuecart.db-shm')),
    token: mode(path.join(dir, 'access-token')),
    viewer: mode(path.join(dir, 'viewer-token')),
    live: mode(path.join(dir, 'live.db')),
    liveWal: mode(path.join(dir, 'live.db-wal')),
    media: mode(path.join(dir, 'media')),
  };
}
const PRIVATE = { dir: '700', db: '600', wal: '600', shm: '600', token: '600', viewer: '600', live: '600', liveWal: '600', media: '700' };

describe.runIf(process.platform !== 'win32')('data directory modes', () => {
  it('makes a new data directory private: folder and media 0700, database, -wal, -shm and token 0600', async () => {
    const s = await serve();
    expect(modes(s.dataDir)).toEqual(PRIVATE);
  });

  it('tightens an existing directory on start, not only when files are created', async () => {
    const first = await serve();
    const dir = first.dataDir;
    await first.stop();
    running.length = 0;
    fs.writeFileSync(path.join(dir, 'secrets.json'), '{}');
    fs.mkdirSync(path.join(dir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'backups', 'cuecart-old.db'), 'x');
    for (const [p, m] of [
      ['', 0o755],
      ['cuecart.db', 0o644],
      ['live.db', 0o644],
      ['access-token', 0o644],
      ['secrets.json', 0o644],
      ['media', 0o755],
      ['backups', 0o755],
      ['backups/cuecart-old.db', 0o644],
    ] as const) {
      fs.chmodSync(path.join(dir, p), m);
    }
    const again = await serve(dir);
    expect(modes(again.dataDir)).toEqual(PRIVATE);
    expect(mode(path.join(dir, 'secrets.json'))).toBe('600');
    expect(mode(path.join(dir, 'backups'))).toBe('700');
    expect(mode(path.join(dir, 'backups', 'cuecart-old.db'))).toBe('600');
  });

  it('writes a regenerated token 0600 even over a readable old file', async () => {
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, 'access-token'), 'too-short\n', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'access-token'), 0o644);
    const s = await serve(dir);
    expect(fs.readFileSync(path.join(dir, 'access-token'), 'utf8').trim()).toBe(s.token);
    expect(mode(path.join(dir, 'access-token'))).toBe('600');
  });
});

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSyncer } from '../../../electron/core/live/wal-sync';
import { tempDataDir } from '../../helpers/serve';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('background WAL sync of the as-run log', () => {
  it('syncs once shortly after a burst of commits, off the event loop, and never without a write', async () => {
    const dir = tempDataDir('cuecart-wal-');
    dirs.push(dir);
    const file = path.join(dir, 'live.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE t (x)');
    const syncer = new WalSyncer(`${file}-wal`, 50);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 100; i++) {
      insert.run(i);
      syncer.noteWrite();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(syncer.syncs).toBe(1); // a burst costs one background sync
    await new Promise((r) => setTimeout(r, 150));
    expect(syncer.syncs).toBe(1); // nothing written since: nothing to do
    insert.run(1);
    syncer.noteWrite();
    await new Promise((r) => setTimeout(r, 200));
    expect(syncer.syncs).toBe(2);
    syncer.close();
    db.close();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { createCore } from '../../../electron/core';
import { ROOT, tempDataDir } from '../../helpers/serve';

/** A migrations folder holding only the first `n` migrations (the schema an older build wrote). */
function olderMigrations(n: number): string {
  const dir = path.join(tempDataDir('cuecart-mig-'), 'migrations');
  fs.cpSync(path.join(ROOT, 'db', 'migrations'), dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  for (const e of journal.entries.slice(n)) fs.rmSync(path.join(dir, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, n);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('migration 0002_plans', () => {
  it('turns the old flat cues (segment name, live price, mechanism columns) into segments and typed cues', async () => {
    const dataDir = tempDataDir('cuecart-mig-data-');
    const old = openDatabase(path.join(dataDir, 'cuecart.db'), { migrationsFolder: olderMigrations(2) });
    old.sqlite.exec(`
      INSERT INTO shows (id,title,platform,start_at,planned_length_ms,created_at,updated_at) VALUES ('s1','旧计划','douyin',0,3600000,0,0);
      INSERT INTO products (id,sku,title,list_price,live_price,created_at,updated_at) VALUES ('p1','OLD-1','旧商品',19900,9900,0,0);
      INSERT INTO show_cues (id,show_id,position,segment,kind,title,product_id,duration_ms,live_price,mechanism) VALUES
        ('c1','s1',0,'开场','generic','暖场',NULL,60000,NULL,''),
        ('c2','s1',1,'过款','pitch','讲品','p1',600000,8900,'满199减30'),
        ('c3','s1',2,'过款','giveaway','福袋',NULL,180000,NULL,'关注+评论');`);
    old.close();
    const core = createCore({ dataDir, validateOutput: true });
    try {
      const r = await core.dispatch('shows.get', { id: 's1' }, { door: 'internal' });
      expect(r.ok).toBe(true);
      const d = r.ok ? (r.output as { segments: { title: string; cues: Record<string, unknown>[] }[] }) : null;
      expect(d!.segments.map((s) => [s.title, s.cues.map((c) => c.id)])).toEqual([
        ['开场', ['c1']],
        ['过款', ['c2', 'c3']],
      ]);
      expect(d!.segments[1]!.cues[0]).toMatchObject({ kind: 'pitch', livePrice: 8900, mechanism: '满199减30', productId: 'p1' });
      expect(d!.segments[1]!.cues[1]).toMatchObject({ kind: 'giveaway', rules: '关注+评论' });
      const columns = (core.database.sqlite.prepare('PRAGMA table_info(show_cues)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('mechanism');
      expect(columns).toContain('details');
    } finally {
      await core.close();
    }
    // A backup of the old file was taken before migrating.
    expect(fs.readdirSync(path.join(dataDir, 'backups')).some((f) => f.includes('before-0002_plans'))).toBe(true);
  });
});

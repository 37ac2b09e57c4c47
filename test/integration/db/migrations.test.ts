import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, openDatabase, readJournal } from '../../../db/open';
import { createCore } from '../../../electron/core';
import { ROOT, tempDataDir } from '../../helpers/serve';

const REAL = path.join(ROOT, 'db', 'migrations');
const HASH = 'a'.repeat(64);

// What drizzle-kit generates when a change forces SQLite to rebuild a table: its own
// `PRAGMA foreign_keys=OFF` is inside the migrator's transaction, where SQLite ignores it.
function rebuildProductsSql(db: Database.Database): string {
  const cols = (db.prepare("SELECT name FROM pragma_table_info('products')").all() as { name: string }[])
    .map((c) => `\`${c.name}\``)
    .join(', ');
  const create = (db.prepare("SELECT sql FROM sqlite_master WHERE name='products'").get() as { sql: string }).sql.replace(
    'CREATE TABLE `products`',
    'CREATE TABLE `__new_products`',
  );
  return [
    'PRAGMA foreign_keys=OFF;',
    `${create};`,
    `INSERT INTO \`__new_products\`(${cols}) SELECT ${cols} FROM \`products\`;`,
    'DROP TABLE `products`;',
    'ALTER TABLE `__new_products` RENAME TO `products`;',
    'PRAGMA foreign_keys=ON;',
    'CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);',
    'CREATE INDEX `products_updated_idx` ON `products` (`updated_at`);',
  ].join('\n--> statement-breakpoint\n');
}

/** A copy of the real migrations plus one more, as drizzle-kit would lay it out. */
function withExtraMigration(dir: string, tag: string, sqlText: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(REAL, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sqlText);
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  return folder;
}

function seed(file: string): void {
  const opened = openDatabase(file, { migrationsFolder: REAL });
  const s = opened.sqlite;
  s.prepare("INSERT INTO media (hash, ext, mime, size, created_at) VALUES (?, 'png', 'image/png', 1, 0)").run(HASH);
  s.prepare(
    "INSERT INTO products (id, sku, title, list_price, live_price, created_at, updated_at) VALUES ('p1', 'SKU-1', '面霜', 19900, 9900, 0, 0)",
  ).run();
  s.prepare('INSERT INTO product_images (product_id, position, media_hash) VALUES (?, 0, ?), (?, 1, ?)').run('p1', HASH, 'p1', HASH);
  s.prepare(
    "INSERT INTO shows (id, title, platform, start_at, planned_length_ms, created_at, updated_at) VALUES ('s1', 'Show', 'douyin', 0, 0, 0, 0)",
  ).run();
  s.prepare("INSERT INTO show_cues (id, show_id, position, product_id) VALUES ('c1', 's1', 0, 'p1')").run();
  opened.close();
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = tempDataDir('cuecart-mig-');
  dirs.push(d);
  return d;
}

describe('openDatabase', () => {
  it('creates a new file with WAL, foreign keys and a busy timeout', () => {
    const dir = tmp();
    const opened = openDatabase(path.join(dir, 'cuecart.db'), { migrationsFolder: REAL });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(opened.schemaVersion).toBe(readJournal(REAL).length);
    expect(opened.backupPath).toBeNull(); // nothing to back up in a new file
    opened.close();
  });

  it('keeps child rows when a migration rebuilds their parent table, and backs up first', () => {
    const dir = tmp();
    const file = path.join(dir, 'cuecart.db');
    seed(file);
    const probe = new Database(file);
    const folder = withExtraMigration(dir, '9000_rebuild_products', rebuildProductsSql(probe));
    probe.close();

    const opened = openDatabase(file, { migrationsFolder: folder });
    const images = opened.sqlite.prepare('SELECT count(*) AS n FROM product_images').get() as { n: number };
    const cue = opened.sqlite.prepare("SELECT product_id FROM show_cues WHERE id='c1'").get() as { product_id: string | null };
    expect(images.n).toBe(2);
    expect(cue.product_id).toBe('p1');
    expect(opened.schemaTag).toBe('9000_rebuild_products');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.backupPath).not.toBeNull();
    const backup = new Database(opened.backupPath!, { readonly: true });
    expect((backup.prepare('SELECT count(*) AS n FROM product_images').get() as { n: number }).n).toBe(2);
    backup.close();
    opened.close();
  });

  it('shows the pitfall it guards against: the plain migrator deletes those child rows', () => {
    const dir = tmp();
    const file = path.join(dir, 'cuecart.db');
    seed(file);
    const sqlite = new Database(file);
    const folder = withExtraMigration(dir, '9000_rebuild_products', rebuildProductsSql(sqlite));
    sqlite.pragma('foreign_keys = ON');
    migrate(drizzle(sqlite), { migrationsFolder: folder });
    expect((sqlite.prepare('SELECT count(*) AS n FROM product_images').get() as { n: number }).n).toBe(0);
    expect((sqlite.prepare("SELECT product_id FROM show_cues WHERE id='c1'").get() as { product_id: string | null }).product_id).toBeNull();
    sqlite.close();
  });

  it('restores the backup when a migration leaves broken references', () => {
    const dir = tmp();
    const file = path.join(dir, 'cuecart.db');
    seed(file);
    const folder = withExtraMigration(
      dir,
      '9001_orphan',
      "INSERT INTO product_images (product_id, position, media_hash) VALUES ('ghost', 0, 'missing');",
    );
    expect(() => openDatabase(file, { migrationsFolder: folder })).toThrow(MigrationError);
    const after = openDatabase(file, { migrationsFolder: REAL });
    expect(after.schemaVersion).toBe(readJournal(REAL).length);
    expect((after.sqlite.prepare('SELECT count(*) AS n FROM product_images').get() as { n: number }).n).toBe(2);
    expect((after.sqlite.prepare("SELECT count(*) AS n FROM product_images WHERE product_id='ghost'").get() as { n: number }).n).toBe(0);
    after.close();
  });

  it('adds the affiliate fields (0003) to a catalog made before them: every row and child row survives, the new fields empty', async () => {
    const dir = tmp();
    const file = path.join(dir, 'cuecart.db');
    // The migrations as they were before the one that adds commission_rate (whatever its tag).
    const before = path.join(dir, 'migrations-before');
    fs.cpSync(REAL, before, { recursive: true });
    const journalFile = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => fs.readFileSync(path.join(REAL, `${e.tag}.sql`), 'utf8').includes('`commission_rate`'));
    expect(at).toBeGreaterThan(0);
    for (const e of journal.entries.slice(at)) fs.rmSync(path.join(before, `${e.tag}.sql`));
    journal.entries = journal.entries.slice(0, at);
    fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
    const old = openDatabase(file, { migrationsFolder: before });
    expect((old.sqlite.prepare("SELECT count(*) AS n FROM pragma_table_info('products') WHERE name = 'commission_rate'").get() as { n: number }).n).toBe(0);
    const s = old.sqlite;
    s.prepare("INSERT INTO media (hash, ext, mime, size, created_at) VALUES (?, 'png', 'image/png', 1, 0)").run(HASH);
    for (const id of ['p1', 'p2']) {
      s.prepare('INSERT INTO products (id, sku, title, list_price, live_price, created_at, updated_at) VALUES (?, ?, ?, 19900, 9900, 0, 0)').run(id, `SKU-${id}`, `面霜 ${id}`);
      s.prepare('INSERT INTO product_images (product_id, position, media_hash) VALUES (?, 0, ?)').run(id, HASH);
    }
    s.prepare("INSERT INTO product_variants (product_id, position, sku, title, options, list_price, live_price) VALUES ('p1', 0, 'SKU-p1-S', 'S', '[]', 100, 90)").run();
    s.prepare("INSERT INTO shows (id, title, platform, start_at, planned_length_ms, created_at, updated_at) VALUES ('s1', 'Show', 'douyin', 0, 0, 0, 0)").run();
    s.prepare("INSERT INTO show_cues (id, show_id, position, product_id) VALUES ('c1', 's1', 0, 'p1'), ('c2', 's1', 1, 'p2')").run();
    old.close();

    const opened = openDatabase(file, { migrationsFolder: REAL });
    expect(opened.schemaTag).toBe(readJournal(REAL).at(-1)!.tag);
    const q = <T>(sql: string) => opened.sqlite.prepare(sql).all() as T[];
    expect(q('SELECT id, sku, title, commission_rate, coupon_amount, price_after_coupon, shop_name, platform_ids, cost_price, monthly_sales FROM products ORDER BY id')).toEqual([
      { id: 'p1', sku: 'SKU-p1', title: '面霜 p1', commission_rate: null, coupon_amount: null, price_after_coupon: null, shop_name: '', platform_ids: '{}', cost_price: null, monthly_sales: null },
      { id: 'p2', sku: 'SKU-p2', title: '面霜 p2', commission_rate: null, coupon_amount: null, price_after_coupon: null, shop_name: '', platform_ids: '{}', cost_price: null, monthly_sales: null },
    ]);
    expect(q('SELECT product_id FROM product_images ORDER BY product_id')).toEqual([{ product_id: 'p1' }, { product_id: 'p2' }]);
    expect(q('SELECT sku FROM product_variants')).toEqual([{ sku: 'SKU-p1-S' }]);
    expect(q('SELECT id, product_id FROM show_cues ORDER BY id')).toEqual([{ id: 'c1', product_id: 'p1' }, { id: 'c2', product_id: 'p2' }]);
    opened.close();
    // And the app reads them with the new fields empty.
    const core = createCore({ dataDir: dir });
    const r = await core.dispatch('products.get', { id: 'p1' }, { door: 'internal' });
    expect(r).toMatchObject({ ok: true, output: { sku: 'SKU-p1', images: [HASH], variants: [{ sku: 'SKU-p1-S' }], commissionRate: null, couponAmount: null, priceAfterCoupon: null, shopName: '', platformIds: {}, costPrice: null, monthlySales: null } });
    await core.close();
  });

  it('refuses a file written by a newer schema instead of guessing', () => {
    const dir = tmp();
    const file = path.join(dir, 'cuecart.db');
    const folder = withExtraMigration(dir, '9002_future', 'CREATE TABLE future_thing (id text);');
    openDatabase(file, { migrationsFolder: folder }).close();
    expect(() => openDatabase(file, { migrationsFolder: REAL })).toThrow(/newer Cuecart/);
  });
});

import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, openDatabase, readJournal } from '../../../db/open';
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

  it('refuses a file written by a newer schema instead of guessing', () => {
    const dir = tmp();
    const file = path.join(dir, 'cuecart.db');
    const folder = withExtraMigration(dir, '9002_future', 'CREATE TABLE future_thing (id text);');
    openDatabase(file, { migrationsFolder: folder }).close();
    expect(() => openDatabase(file, { migrationsFolder: REAL })).toThrow(/newer Cuecart/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, readJournal } from '../../../db/open';
import { createCore, type Core } from '../../../electron/core';
import { ROOT, tempDataDir } from '../../helpers/serve';

// Issue 11, finding 4, for databases that exist already: the `…_sku_keys` migration adds the SKU
// key, and a workspace written before it (look-alike SKUs side by side included) keeps every row.

const REAL = path.join(ROOT, 'db', 'migrations');

/** The real migrations as they were before the one whose tag ends with `suffix`: a workspace from an older Cuecart. */
function migrationsBefore(dir: string, suffix: string): string {
  const folder = path.join(dir, 'old-migrations');
  fs.cpSync(REAL, folder, { recursive: true });
  const file = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8'));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith(suffix));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(file, JSON.stringify(journal, null, 2));
  return folder;
}

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function oldWorkspace(): string {
  const dir = tempDataDir('cuecart-skukey-');
  dirs.push(dir);
  const old = openDatabase(path.join(dir, 'cuecart.db'), { migrationsFolder: migrationsBefore(dir, '_sku_keys') });
  const insert = old.sqlite.prepare('INSERT INTO products (id, sku, title, list_price, live_price, created_at, updated_at) VALUES (?, ?, ?, 100, 90, ?, ?)');
  insert.run('p1', 'OK1', '原来的', 1, 1);
  insert.run('p2', 'ok1', '小写的', 2, 2);
  insert.run('p3', 'ＯＫ１', '全角的', 3, 3);
  insert.run('p4', 'CC-7', '面霜', 4, 4);
  old.sqlite
    .prepare('INSERT INTO product_variants (product_id, position, sku, list_price, live_price) VALUES (?, ?, ?, 1, 1)')
    .run('p4', 0, 'CC-7-RED');
  old.close();
  return dir;
}

describe('SKU keys on an existing workspace (real migrations)', () => {
  it('keeps look-alike rows written before the key, keys them, and refuses a new look-alike', async () => {
    const dir = oldWorkspace();
    const core = createCore({ dataDir: dir });
    cores.push(core);
    expect(core.database.schemaTag).toBe(readJournal(REAL).at(-1)!.tag);
    const keys = core.database.sqlite.prepare('SELECT id, sku, sku_key AS key FROM products ORDER BY id').all();
    expect(keys).toEqual([
      { id: 'p1', sku: 'OK1', key: 'ok1' },
      { id: 'p2', sku: 'ok1', key: null },
      { id: 'p3', sku: 'ＯＫ１', key: null },
      { id: 'p4', sku: 'CC-7', key: 'cc-7' },
    ]);
    expect(core.database.sqlite.prepare('SELECT sku_key FROM product_variants').pluck().get()).toBe('cc-7-red');

    const status = await core.dispatch('app.status', {}, { door: 'internal' });
    expect(status.ok && (status.output as { counts: { products: number } }).counts.products).toBe(4);

    const dup = await core.dispatch('products.create', { sku: 'Ok1', title: 'x', listPrice: 1, livePrice: 1 }, { door: 'internal' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { id: 'p1', existingSku: 'OK1' } } });
    const variantDup = await core.dispatch(
      'products.create',
      { sku: 'NEW-1', title: 'x', listPrice: 1, livePrice: 1, variants: [{ sku: 'cc-7-ｒｅｄ', listPrice: 1, livePrice: 1 }] },
      { door: 'internal' },
    );
    expect(variantDup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // An old look-alike is shown as it is, and can be given a SKU of its own.
    const renamed = await core.dispatch('products.update', { id: 'p2', sku: 'OK1-B' }, { door: 'internal' });
    expect(renamed).toMatchObject({ ok: true, output: { sku: 'OK1-B' } });
    expect(core.database.sqlite.prepare("SELECT sku_key FROM products WHERE id = 'p2'").pluck().get()).toBe('ok1-b');
  });

  it('keys rows a writer added without a key (the import) before the next uniqueness check', async () => {
    const dir = tempDataDir('cuecart-skukey-');
    dirs.push(dir);
    const core = createCore({ dataDir: dir });
    cores.push(core);
    core.database.sqlite
      .prepare("INSERT INTO products (id, sku, title, list_price, live_price, created_at, updated_at) VALUES ('imp', 'IMP-1', 'x', 1, 1, 0, 0)")
      .run();
    const dup = await core.dispatch('products.create', { sku: 'imp-1', title: 'y', listPrice: 1, livePrice: 1 }, { door: 'internal' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { id: 'imp' } } });
  });
});

import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { WorkerWriteSession, WorkerWriteError } from '../../../electron/core/products/import/write-worker';
import { InlineWriteSession } from '../../../electron/core/products/import/writer';
import { tempDataDir } from '../../helpers/serve';
import { catalogCsv, generateCatalog } from './catalog-gen';
import { call, catalogOf, fingerprint, importFile, newCore, ROOT } from './helpers';
import path from 'node:path';
import fs from 'node:fs';

// Big imports are written by a worker thread with its own connection while the file is still
// being read. These run that path on files small enough for a test (the threshold is lowered)
// and check what a user would notice: everything lands, nothing lands on a refusal or a cancel,
// edits made meanwhile are neither lost nor swept into the import, and the catalog others read
// stays whole until the commit.

const N = 6000;
const csv = catalogCsv(generateCatalog(N, 7));
const worker = { importWorkerMinBytes: 0 };

describe('import written by a worker thread', () => {
  it('lands exactly what the in-process path lands', async () => {
    const viaWorker = newCore(worker);
    const inline = newCore({ importWorkerMinBytes: Number.MAX_SAFE_INTEGER });
    const a = await importFile(viaWorker, 'big.csv', csv);
    const b = await importFile(inline, 'big.csv', csv);
    expect(a).toMatchObject({ ok: true, output: { status: 'applied', products: { create: N, update: 0 } } });
    expect(b.ok && a.ok && b.output).toEqual(a.ok && a.output && { ...a.output, importId: (b as { output: { importId: string } }).output.importId });
    expect((await call(viaWorker, 'products.list', { limit: 1 })).total).toBe(N);
    // Every stored field is the same, ids and timestamps aside (first 1000 by SKU).
    expect(await catalogOf(viaWorker)).toEqual(await catalogOf(inline));
    // The search index sees the new products.
    const hit = await call(viaWorker, 'products.list', { q: 'CC-000123' });
    expect(hit.items.map((p: { sku: string }) => p.sku)).toEqual(['CC-000123']);
    // A second run updates by SKU through the worker too.
    const again = await importFile(viaWorker, 'big.csv', csv.replace('CC-000001,', 'CC-000001,'));
    expect(again).toMatchObject({ ok: true, output: { products: { create: 0, update: N } } });
    expect((await call(viaWorker, 'products.list', { limit: 1 })).total).toBe(N);
  });

  it('all-or-nothing with one bad row at the very end writes nothing', async () => {
    const core = newCore(worker);
    await importFile(core, 'seed.csv', catalogCsv(generateCatalog(10, 1)));
    const before = fingerprint(core);
    const bad = `${csv}CC-999999,Broken,Acme,Misc,,not-a-price,1.00,3\n`;
    const r = await importFile(core, 'big.csv', bad, 'all-or-nothing');
    expect(r).toMatchObject({ ok: true, output: { status: 'refused', products: { create: 0, update: 0 } } });
    expect(r.ok && (r.output as { refused: unknown[] }).refused).toEqual([expect.objectContaining({ row: N + 2, sku: 'CC-999999' })]);
    expect(fingerprint(core)).toBe(before);
    // The lock is gone: the catalog takes writes again.
    await call(core, 'products.create', { sku: 'AFTER-1', title: 'After', livePrice: 100, listPrice: 100 });
  });

  it('a cancel rolls everything back; an edit made meanwhile waits for the import and is kept', async () => {
    const core = newCore(worker);
    await importFile(core, 'seed.csv', catalogCsv(generateCatalog(3, 1)));
    const seed = (await call(core, 'products.list', { sort: 'sku' })).items[0];
    const productsBefore = (await call(core, 'products.list', { limit: 1 })).total;
    const importId = 'imp_cancel_me';
    let readDuring: number | null = null;
    let edit: Promise<unknown> | null = null;
    const seen = new Promise<void>((resolve) => {
      const off = core.bus.subscribe((e) => {
        if (e.topic !== 'import.progress' || e.payload.importId !== importId || e.payload.phase !== 'write' || e.payload.done === 0) return;
        off();
        // Mid-import: a read sees the catalog as it was; an edit queues behind the import.
        void call(core, 'products.list', { limit: 1 }).then((l) => (readDuring = l.total));
        edit = call(core, 'products.update', { id: seed.id, livePrice: 4242 });
        void call(core, 'products.import.cancel', { importId }).then(() => resolve());
      });
    });
    const r = await importFile(core, 'big.csv', csv, 'valid', { importId });
    await seen;
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'cancelled' } } });
    await edit;
    expect(readDuring).toBe(productsBefore);
    expect((await call(core, 'products.list', { limit: 1 })).total).toBe(productsBefore);
    expect((await call(core, 'products.get', { id: seed.id })).livePrice).toBe(4242);
  });
});

describe('the worker write session', () => {
  const migrationsFolder = path.join(ROOT, 'db', 'migrations');
  const INSERT = 'INSERT INTO products (id, sku, title, list_price, live_price, created_at, updated_at) VALUES (?, ?, ?, 100, 100, 1, 1)';

  function fresh() {
    const dir = tempDataDir('cuecart-writer-');
    const db = openDatabase(path.join(dir, 'cuecart.db'), { migrationsFolder });
    return { db, dir, count: () => (db.sqlite.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n };
  }

  it('fails as a whole on a broken statement: the earlier rows of the transaction are gone too', async () => {
    const { db, dir, count } = fresh();
    const s = new WorkerWriteSession({ file: db.sqlite.name }, new InlineWriteSession(db.sqlite));
    s.send({ sql: [INSERT], which: [0, 0], rows: [['prd_a', 'A', 'a'], ['prd_b', 'B', 'b']] });
    s.send({ sql: [], which: [0], rows: [['prd_c', 'A', 'duplicate SKU']] });
    const failure = await s.commit().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkerWriteError);
    expect(String(failure)).toMatch(/UNIQUE constraint failed: products.sku/);
    await expect(s.commit()).rejects.toThrow(/closed/);
    expect(count()).toBe(0);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('falls back to the in-process writer when the worker cannot open the catalog', async () => {
    const { db, dir, count } = fresh();
    const s = new WorkerWriteSession({ file: path.join(dir, 'no', 'such', 'dir.db') }, new InlineWriteSession(db.sqlite));
    s.send({ sql: [INSERT], which: [0, 0], rows: [['prd_a', 'A', 'a'], ['prd_b', 'B', 'b']] });
    await s.commit();
    expect(count()).toBe(2);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

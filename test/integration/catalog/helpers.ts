import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../../electron/core';
import { manualClock } from '../../../electron/core/clock';
import { tempDataDir } from '../../helpers/serve';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, '..', 'shared', 'fixtures');

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) {
    await c.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

/** A core on a fresh data directory: a real SQLite file with the real migrations. */
export function newCore(options: Partial<CoreOptions> = {}): Core {
  const c = createCore({ dataDir: tempDataDir('cuecart-catalog-'), clock: manualClock(), ...options });
  cores.push(c);
  return c;
}

/** Call a method and return its output, or throw with the typed error for a readable failure. */
export async function call<T = any>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input, { door: 'internal' });
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { shape: r.error });
  return r.output as T;
}

export const b64 = (data: Buffer | string) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64');

export function importFile(core: Core, fileName: string, data: Buffer | string, mode: 'valid' | 'all-or-nothing' = 'valid', extra: object = {}) {
  return core.dispatch('products.import.apply', { fileName, contentBase64: b64(data), mode, ...extra }, { door: 'internal' });
}

export function previewFile(core: Core, fileName: string, data: Buffer | string, extra: object = {}) {
  return call(core, 'products.import.preview', { fileName, contentBase64: b64(data), ...extra });
}

/** Everything a catalog holds, ids and timestamps aside, in SKU order (for round trips). */
export async function catalogOf(core: Core): Promise<unknown[]> {
  const list = await call(core, 'products.list', { includeArchived: true, limit: 1000, sort: 'sku' });
  return list.items.map(({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest);
}

/** A fingerprint of every stored row, to prove a refused import changed nothing at all. */
export function fingerprint(core: Core): string {
  const db = core.database.sqlite;
  const rows = [
    db.prepare('SELECT * FROM products ORDER BY id').all(),
    db.prepare('SELECT * FROM product_variants ORDER BY product_id, position').all(),
    db.prepare('SELECT * FROM product_images ORDER BY product_id, position').all(),
  ];
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

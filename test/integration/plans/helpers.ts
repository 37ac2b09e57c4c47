import fs from 'node:fs';
import { afterEach } from 'vitest';
import { AppError, type MethodName, type MethodOutput } from '../../../electron/contract';
import { createCore, type Core } from '../../../electron/core';
import { manualClock } from '../../../electron/core/clock';
import { tempDataDir } from '../../helpers/serve';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) {
    await c.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

/** A core on a fresh data directory with real migrations, closed and removed after each test. */
export function freshCore(clock = manualClock(Date.UTC(2026, 10, 20, 8))): Core {
  const c = createCore({ dataDir: tempDataDir('cuecart-plans-'), clock, validateOutput: true });
  cores.push(c);
  return c;
}

/** Call through the dispatcher (as every door does); a failure comes back as the AppError. */
export async function call<M extends MethodName>(core: Core, method: M, input: unknown): Promise<MethodOutput<M>> {
  const r = await core.dispatch(method, input, { door: 'internal' });
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return r.output as MethodOutput<M>;
}

export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/** Rows in every table plus files in the media folder: "nothing written" means all equal. */
export function footprint(core: Core): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of ['products', 'product_images', 'product_variants', 'hosts', 'shows', 'show_hosts', 'show_segments', 'show_cues', 'media']) {
    out[table] = (core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return out;
}

/** A show as it would read on any machine: no timestamps or revision, products and hosts by content. */
export async function normalizedShow(core: Core, id: string): Promise<unknown> {
  const detail = await call(core, 'shows.get', { id });
  const hosts = await call(core, 'hosts.list', {});
  const strip = <T extends object>(o: T) => {
    const { createdAt: _c, updatedAt: _u, revision: _r, ...rest } = o as T & { createdAt?: number; updatedAt?: number; revision?: number };
    return rest;
  };
  return { ...strip(detail), products: detail.products.map(strip), hosts: hosts.map(strip) };
}

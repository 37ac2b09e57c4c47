import type Database from 'better-sqlite3';
import {
  AppError,
  IMPORT_MAX_BYTES,
  ImportField,
  type ImportApplyInput,
  type ImportLayout,
  type ImportPreview,
  type ImportPreviewInput,
  type ImportResult,
} from '../../../contract';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import { newId } from '../../ids';
import type { SettingsStore } from '../../settings.store';
import type { MediaStore } from '../../media/media.store';
import type { ProductsService } from '../products.service';
import { searchDoc } from '../search/catalog-search';
import { assemble, type Assembled } from './assemble';
import { parseCsv } from './csv';
import { sniff } from './decode';
import { detectLayout, headerSignature, suggestMapping } from './headers';
import type { Progress, Table } from './limits';
import { ImportWriter } from './writer';
import { readXlsx } from './xlsx';

/** Above this many written products, rebuilding the search index once beats updating it. */
const REINDEX_THRESHOLD = 2000;

interface ReadFile {
  table: Table;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter?: string;
  sheets: string[];
  sheet?: string;
  layout: ImportLayout;
  mapping: (ImportField | null)[];
  mappingSource: ImportPreview['mappingSource'];
  signature: string;
}

/**
 * Import: preview (read, map, check; write nothing) and apply (the same, then one transaction).
 * Both are stateless — the file comes with each call — so the control API can import in one
 * request and a crashed preview leaves nothing behind.
 */
export class ImportService {
  private readonly running = new Map<string, { cancelled: boolean }>();
  private readonly writer: ImportWriter;

  constructor(
    private readonly deps: { sqlite: Database.Database; clock: Clock; bus: EventBus; media: MediaStore; products: ProductsService; settings: SettingsStore },
  ) {
    this.writer = new ImportWriter(deps.sqlite);
  }

  cancel(importId: string): { importId: string; cancelled: boolean } {
    const job = this.running.get(importId);
    if (job) job.cancelled = true;
    return { importId, cancelled: job !== undefined };
  }

  async preview(input: ImportPreviewInput): Promise<ImportPreview> {
    return this.job(input.importId, async (importId, progress) => {
      const file = await this.read(input, progress);
      const checked = await this.check(file, input.currency, progress);
      const sample = checked.items.slice(0, input.sampleSize ?? 20).map((it) => {
        const f = it.action === 'create' ? it.fields : { ...this.deps.products.dao.get(it.id), ...it.patch };
        return { row: it.line, action: it.action, sku: it.sku, title: f.title ?? '', listPrice: f.listPrice, livePrice: f.livePrice, stock: f.stock ?? null, variants: it.variants?.length ?? 0 };
      });
      const columns = file.table.header.map((header, index) => ({
        index,
        header,
        field: file.mapping[index] ?? null,
        samples: file.table.rows.slice(0, 50).map((r) => r.cells[index] ?? '').filter((c) => c.trim() !== '').slice(0, 3).map((c) => c.slice(0, 200)),
      }));
      return { ...this.summary(importId, input.fileName, file, checked), columns, mappingSource: file.mappingSource, sample };
    });
  }

  async apply(input: ImportApplyInput): Promise<ImportResult> {
    return this.job(input.importId, async (importId, progress, job) => {
      const file = await this.read(input, progress);
      if (!file.mapping.includes('sku') && !file.mapping.includes('handle')) {
        throw new AppError('BAD_INPUT', 'No column is mapped to the SKU (商品编码/SKU/Handle); map one and import again.', { reason: 'no_key' });
      }
      const checked = await this.check(file, input.currency, progress);
      const base = this.summary(importId, input.fileName, file, checked);
      if (input.mode === 'all-or-nothing' && checked.refused.length > 0) {
        const n = checked.refused.length;
        return { ...base, products: { create: 0, update: 0 }, variants: 0, status: 'refused', message: `Nothing was imported: ${n} row${n === 1 ? ' was' : 's were'} refused (all-or-nothing).` };
      }
      if (job.cancelled) throw cancelled(importId);
      await progress.step('check', file.table.rows.length, file.table.rows.length);
      this.deps.bus.emit('import.progress', { importId, phase: 'write', done: 0, total: checked.items.length });
      let written;
      try {
        written = this.writer.write(checked.items, this.deps.clock.now());
      } catch (error) {
        // Another writer got in between our check and our write: the transaction rolled back.
        if (error instanceof Error && /constraint/i.test(error.message)) {
          throw new AppError('CONFLICT', `The catalog changed during the import (${error.message}); nothing was written. Import again.`, { reason: 'changed' });
        }
        throw error;
      }
      this.rememberMapping(file);
      this.afterWrite(written.ids);
      const refusedNote = checked.refused.length > 0 ? `; ${checked.refused.length} row(s) refused` : '';
      return {
        ...base,
        products: { create: written.created, update: written.updated },
        status: 'applied',
        message: `Imported ${written.created + written.updated} product(s): ${written.created} new, ${written.updated} updated, ${checked.variants} variant(s)${refusedNote}.`,
      };
    });
  }

  private async job<T>(given: string | undefined, run: (id: string, progress: Progress, job: { cancelled: boolean }) => Promise<T>): Promise<T> {
    const importId = given ?? newId('imp');
    if (this.running.has(importId)) throw new AppError('CONFLICT', `Import ${importId} is already running`, { reason: 'running' });
    const job = { cancelled: false };
    this.running.set(importId, job);
    let last = 0;
    const progress: Progress = {
      step: async (phase, done, total) => {
        const now = performance.now();
        if (now - last > 50 || done === total) {
          last = now;
          this.deps.bus.emit('import.progress', { importId, phase, done, total });
        }
        // Yield so the app keeps answering (and a cancel can arrive) while a big file is read.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (job.cancelled) throw cancelled(importId);
      },
    };
    try {
      const out = await run(importId, progress, job);
      this.deps.bus.emit('import.progress', { importId, phase: 'done', done: 1, total: 1 });
      return out;
    } finally {
      this.running.delete(importId);
    }
  }

  private async read(input: ImportPreviewInput, progress: Progress): Promise<ReadFile> {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(input.contentBase64)) {
      throw new AppError('BAD_INPUT', 'contentBase64 is not base64', { reason: 'base64' });
    }
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > IMPORT_MAX_BYTES) throw new AppError('BAD_INPUT', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`, { reason: 'too_large' });
    await progress.step('parse', 0, bytes.length);
    const sniffed = sniff(bytes);
    const read =
      sniffed.kind === 'xlsx'
        ? { format: 'xlsx' as const, encoding: 'xlsx', ...(await readXlsx(bytes, input.sheet)) }
        : { format: 'csv' as const, encoding: sniffed.encoding, sheets: [], ...(await parseCsv(sniffed.text, progress)) };
    const { header } = read;
    const signature = headerSignature(header);
    let mapping: (ImportField | null)[];
    let mappingSource: ReadFile['mappingSource'];
    if (input.mapping) {
      if (input.mapping.length !== header.length) {
        throw new AppError('BAD_INPUT', `The mapping has ${input.mapping.length} entries but the file has ${header.length} columns.`, { reason: 'mapping' });
      }
      [mapping, mappingSource] = [input.mapping, 'given'];
    } else {
      const saved = this.savedMapping(signature, header.length);
      [mapping, mappingSource] = saved ? [saved, 'saved'] : [suggestMapping(header), 'suggested'];
    }
    return { ...read, table: { header, rows: read.rows }, layout: detectLayout(header), mapping, mappingSource, signature };
  }

  private async check(file: ReadFile, currency: string | undefined, progress: Progress): Promise<Assembled> {
    if (!file.mapping.includes('sku') && !file.mapping.includes('handle')) {
      return { items: [], variants: 0, refused: [], warnings: ['No column is mapped to the SKU (商品编码/SKU/Handle); map one to import.'] };
    }
    const big = file.table.rows.length > 5000;
    const all = big ? this.allSkus() : null;
    const one = this.deps.sqlite.prepare('SELECT id, currency FROM products WHERE sku = ?');
    const checked = await assemble(file.table, {
      header: file.table.header,
      mapping: file.mapping,
      strictWidth: file.format === 'csv',
      currency: currency ?? 'CNY',
      existing: (sku) => (all ? all.get(sku) : (one.get(sku) as { id: string; currency: string } | undefined)),
      variantOwners: (skus) => this.deps.products.dao.variantOwners(skus),
      mediaExists: (hash) => this.deps.media.exists(hash),
      progress,
    });
    if (file.mapping.includes('imageUrl')) checked.warnings.unshift('Image URLs are not downloaded; add product images in Cuecart.');
    return checked;
  }

  private summary(importId: string, fileName: string, file: ReadFile, checked: Assembled) {
    return {
      importId,
      fileName,
      format: file.format,
      encoding: file.encoding,
      delimiter: file.delimiter,
      sheets: file.sheets,
      sheet: file.sheet,
      layout: file.layout,
      totalRows: file.table.rows.length,
      products: {
        create: checked.items.filter((i) => i.action === 'create').length,
        update: checked.items.filter((i) => i.action === 'update').length,
      },
      variants: checked.variants,
      refused: checked.refused,
      warnings: checked.warnings.slice(0, 200),
    };
  }

  private afterWrite(ids: string[]): void {
    const { products, bus } = this.deps;
    if (ids.length > REINDEX_THRESHOLD) products.search.invalidate();
    else products.search.upsert(products.dao.getMany(ids).map(searchDoc));
    bus.dataChanged('products');
  }

  private allSkus(): Map<string, { id: string; currency: string }> {
    const map = new Map<string, { id: string; currency: string }>();
    for (const r of this.deps.sqlite.prepare('SELECT id, sku, currency FROM products').iterate() as Iterable<{ id: string; sku: string; currency: string }>) {
      map.set(r.sku, { id: r.id, currency: r.currency });
    }
    return map;
  }

  private savedMapping(signature: string, width: number): (ImportField | null)[] | null {
    const parsed = ImportField.nullable().array().safeParse(this.deps.settings.read(`import.mapping.${signature}`));
    return parsed.success && parsed.data.length === width ? parsed.data : null;
  }

  /** Remember the mapping that imported this header layout, for the next file like it. */
  private rememberMapping(file: ReadFile): void {
    this.deps.settings.set(`import.mapping.${file.signature}`, file.mapping);
  }
}

function cancelled(importId: string): AppError {
  return new AppError('CONFLICT', 'The import was cancelled; nothing was written.', { reason: 'cancelled', importId });
}

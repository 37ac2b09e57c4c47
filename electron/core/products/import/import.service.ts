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
  type Platform,
} from '../../../contract';
import { createHash } from 'node:crypto';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import { newId } from '../../ids';
import type { SettingsStore } from '../../settings.store';
import { sniffImage, type MediaStore } from '../../media/media.store';
import type { ProductsService } from '../products.service';
import { searchDoc } from '../search/catalog-search';
import type { WriteGate } from '../../write-gate';
import { MappingMemory, openTable } from '../../spreadsheet';
import type { Progress } from '../../spreadsheet/limits';
import { isExportArchive, openExportArchive } from './archive';
import { CATALOG_VOCABULARY, detectLayout, guessPlatform, headerSignature, suggestMapping } from './headers';
import { hasKey, LocalImportRun, type CheckJob, type CheckOutcome, type ImportRun } from './import-run';
import { ImportThread } from './import-thread';

/** Above this many written products, rebuilding the search index once beats updating it. */
const REINDEX_THRESHOLD = 2000;
/** From this size on, the existing SKUs are read in one pass instead of one query per row. */
const BIG_FILE_BYTES = 512 * 1024;
/** From this size on, a worker thread writes while the file is still being read (its start-up
 *  costs about as much as writing a smaller file outright). */
const WORKER_MIN_BYTES = 2 * 1024 * 1024;
/** From this size on, the whole import (reading, checking, writing) runs off the app's thread;
 *  below it, it takes a few ms in all, less than a thread takes to start. */
const THREAD_MIN_BYTES = 256 * 1024;
/** Rows the reader hands over at a time: a few ms of checking each on the app's thread. */
const BATCH_ROWS = 1000;
/** Rows of the file kept for the preview's column samples. */
const SAMPLE_ROWS = 50;

/** A file opened for import: what it is, how its columns map, and the run that reads its rows. */
interface Source {
  run: ImportRun;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter?: string;
  sheets: string[];
  sheet?: string;
  header: string[];
  headerRow: number;
  headerDetected: boolean;
  layout: ImportLayout;
  platform: Platform;
  /** A ZIP upload's pictures by name (bytes until stored or checked). */
  pictures: Map<string, Buffer> | null;
  mapping: (ImportField | null)[];
  mappingSource: ImportPreview['mappingSource'];
  /** The signature of the header as detected: the key the layout is remembered under. */
  signature: string;
  bytes: number;
  /** Hands the run's progress (0–1 of the file) to the job's progress, in the file's bytes. */
  progress: (fraction: number) => Promise<void>;
}

/** What the check of a whole file found. */
type Checked = Pick<CheckOutcome, 'totalRows' | 'created' | 'updated' | 'variants' | 'refused' | 'warnings'>;

export interface ImportServiceDeps {
  sqlite: Database.Database;
  clock: Clock;
  bus: EventBus;
  media: MediaStore;
  products: ProductsService;
  settings: SettingsStore;
  /** Held for the whole of an apply: the worker's transaction must be the only writer. */
  gate: WriteGate;
  /** The Electron-ABI SQLite binding, for the writer worker too. */
  nativeBinding?: string;
  /** Smallest file written by a worker thread (tests lower it to exercise that path). */
  workerMinBytes?: number;
  /**
   * Where an import runs: 'auto' (default) on a thread of its own from 256 KB up, 'thread' always
   * there, 'app' on the app's thread (its file still parsed on the spreadsheet reader's thread
   * from 256 KB up, as openTable does). Tests pick one to compare the two.
   */
  importThread?: 'auto' | 'thread' | 'app';
}

/**
 * Import: preview (read, map, check; write nothing) and apply (the same, writing as it goes in
 * one transaction that commits at the end). Both are stateless — the file comes with each call —
 * so the control API can import in one request and a crashed preview leaves nothing behind.
 */
export class ImportService {
  private readonly running = new Map<string, { cancelled: boolean }>();
  private readonly memory: MappingMemory<ImportField>;

  constructor(private readonly deps: ImportServiceDeps) {
    // `import.mapping.<signature>`: the key mappings were remembered under before header rows were.
    this.memory = new MappingMemory(deps.settings, 'import.mapping', ImportField.options);
  }

  cancel(importId: string): { importId: string; cancelled: boolean } {
    const job = this.running.get(importId);
    if (job) job.cancelled = true;
    return { importId, cancelled: job !== undefined };
  }

  /** `file`: the bytes, when the door has them raw (then `contentBase64` is ignored). */
  async preview(input: ImportPreviewInput, file?: Buffer): Promise<ImportPreview> {
    return this.job(input.importId, async (importId, progress) => {
      const source = await this.open(input, progress, file);
      try {
        const pictureWarnings: string[] = [];
        const pictures = this.checkPictures(source.pictures, pictureWarnings);
        // Only the first rows are kept (for the column samples) and the first products (the sample).
        const checked = await this.check(source, input.currency, pictures, { sampleItems: input.sampleSize ?? 20, topRows: SAMPLE_ROWS, write: null });
        checked.warnings.unshift(...pictureWarnings);
        const columns = source.header.map((header, index) => ({
          index,
          header,
          field: source.mapping[index] ?? null,
          samples: checked.top.map((r) => r.cells[index] ?? '').filter((c) => c.trim() !== '').slice(0, 3).map((c) => c.slice(0, 200)),
        }));
        return {
          ...this.summary(importId, input.fileName, source, checked),
          headerCandidates: source.run.meta.candidates.map((c) => ({ row: c.line, score: c.score, cells: c.cells.slice(0, 30).map((x) => x.slice(0, 80)) })),
          columns,
          mappingSource: source.mappingSource,
          sample: checked.sample.map((it) => {
            const f = it.action === 'create' ? it.fields : { ...this.deps.products.dao.get(it.id), ...it.patch };
            return { row: it.line, action: it.action, sku: it.sku, title: f.title ?? '', listPrice: f.listPrice, livePrice: f.livePrice, stock: f.stock ?? null, variants: it.variants?.length ?? 0 };
          }),
        };
      } finally {
        await source.run.close();
      }
    });
  }

  /**
   * Reads, checks and writes batch by batch: a big file goes to a worker thread's transaction
   * while the next batch is read, so the import costs little more than its write. Nothing is
   * visible until the commit; a cancel, an all-or-nothing refusal or any failure rolls it back.
   */
  async apply(input: ImportApplyInput, file?: Buffer): Promise<ImportResult> {
    return this.job(input.importId, (importId, reading, job) =>
      this.deps.gate.exclusive(async () => {
        // Reading, checking and writing go together here: one bar, "writing", over the file.
        const progress: Progress = { step: (_phase, done, total, unit) => reading.step('write', done, total, unit) };
        const source = await this.open(input, progress, file);
        if (!hasKey(source.mapping)) {
          await source.run.close();
          throw new AppError('BAD_INPUT', 'No column is mapped to the SKU (商品编码/SKU/Handle) or the item id (商品id); map one and import again.', { reason: 'no_key' });
        }
        const { run } = source;
        try {
          // Pictures go to the media store before the import's transaction opens (the store writes
          // its own rows); a picture that is not an image is left out with a warning.
          const pictureWarnings: string[] = [];
          const pictures = await this.storePictures(source.pictures, pictureWarnings);
          const allOrNothing = input.mode === 'all-or-nothing';
          // Each batch's products go to the writer as soon as they are checked; after a refusal an
          // all-or-nothing import stops feeding it (it will roll back).
          const checked = await this.check(source, input.currency, pictures, {
            sampleItems: 0,
            topRows: 0,
            write: {
              allOrNothing,
              now: this.deps.clock.now(),
              writerThread: source.bytes >= (this.deps.workerMinBytes ?? WORKER_MIN_BYTES),
              idsUpTo: REINDEX_THRESHOLD,
            },
          });
          checked.warnings.unshift(...pictureWarnings);
          const base = this.summary(importId, input.fileName, source, checked);
          if (allOrNothing && checked.refused.length > 0) {
            await run.rollback();
            const n = checked.refused.length;
            return { ...base, products: { create: 0, update: 0 }, variants: 0, status: 'refused' as const, message: `Nothing was imported: ${n} row${n === 1 ? ' was' : 's were'} refused (all-or-nothing).` };
          }
          if (job.cancelled) throw cancelled(importId);
          await progress.step('write', checked.totalRows, checked.totalRows);
          await run.commit().catch((error: unknown) => {
            // A constraint the checks did not foresee (they read the catalog as it was when the
            // import took the write gate): the transaction rolled back, nothing was written.
            const message = error instanceof Error ? error.message : String(error);
            if (/constraint/i.test(message)) {
              throw new AppError('CONFLICT', `The catalog changed during the import (${message}); nothing was written. Import again.`, { reason: 'changed' });
            }
            throw error;
          });
          this.rememberMapping(source);
          const written = checked.written!;
          this.afterWrite(written.ids);
          const refusedNote = checked.refused.length > 0 ? `; ${checked.refused.length} row(s) refused` : '';
          return {
            ...base,
            status: 'applied' as const,
            message: `Imported ${written.created + written.updated} product(s): ${written.created} new, ${written.updated} updated, ${checked.variants} variant(s)${refusedNote}.`,
          };
        } catch (error) {
          await run.rollback().catch(() => undefined);
          throw error;
        } finally {
          await run.close();
        }
      }),
    );
  }

  private async job<T>(given: string | undefined, run: (id: string, progress: Progress, job: { cancelled: boolean }) => Promise<T>): Promise<T> {
    const importId = given ?? newId('imp');
    if (this.running.has(importId)) throw new AppError('CONFLICT', `Import ${importId} is already running`, { reason: 'running' });
    const job = { cancelled: false };
    this.running.set(importId, job);
    let last = 0;
    const progress: Progress = {
      step: async (phase, done, total, unit = 'rows') => {
        const now = performance.now();
        if (now - last > 50 || done === total) {
          last = now;
          this.deps.bus.emit('import.progress', { importId, phase, done, total, unit });
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

  /**
   * Opens the file: on the import's own thread from THREAD_MIN_BYTES up (it reads, checks and
   * writes there), else on this one. Then the header row (detected, remembered for this layout, or
   * the one asked for) and the mapping; the rows are read by `check`, with progress in the file's
   * bytes.
   */
  private async open(input: ImportPreviewInput, progress: Progress, file?: Buffer): Promise<Source> {
    let bytes = file ?? (await decodeBase64(input.contentBase64));
    if (bytes.length === 0) throw new AppError('BAD_INPUT', 'The file is empty: send the spreadsheet itself.', { reason: 'empty' });
    let pictures: Map<string, Buffer> | null = null;
    if (isExportArchive(bytes)) {
      // An export with its picture folder (淘宝助理): the spreadsheet inside, and the pictures.
      const archive = openExportArchive(bytes);
      bytes = archive.table;
      pictures = archive.pictures;
    }
    if (bytes.length > IMPORT_MAX_BYTES) throw new AppError('BAD_INPUT', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`, { reason: 'too_large' });
    await progress.step('parse', 0, bytes.length, 'bytes');
    const run = await this.startRun(bytes, input);
    try {
      const meta = run.meta;
      const detected = meta.candidates.find((c) => c.line === meta.detectedHeaderRow)!;
      const signature = headerSignature(detected.cells.map((c) => c.trim()));
      const saved = this.memory.recall(signature);
      // A header row picked for this layout before is taken again, unless the caller names one.
      if (input.headerRow === undefined && saved?.headerRow !== undefined && saved.headerRow !== meta.headerRow && meta.candidates.some((c) => c.line === saved.headerRow)) {
        await run.useHeaderRow(saved.headerRow);
      }
      const table = run.meta;
      const header = table.header;
      let mapping: (ImportField | null)[];
      let mappingSource: Source['mappingSource'];
      if (input.mapping) {
        if (input.mapping.length !== header.length) {
          throw new AppError('BAD_INPUT', `The mapping has ${input.mapping.length} entries but the file has ${header.length} columns.`, { reason: 'mapping' });
        }
        [mapping, mappingSource] = [input.mapping, 'given'];
      } else if (saved && saved.mapping.length === header.length && (saved.headerRow ?? table.detectedHeaderRow) === table.headerRow) {
        [mapping, mappingSource] = [saved.mapping, 'saved'];
      } else [mapping, mappingSource] = [suggestMapping(header), 'suggested'];
      const layout = detectLayout(header);
      const size = bytes.length;
      return {
        run,
        format: table.format,
        encoding: table.encoding,
        delimiter: table.delimiter,
        sheets: table.sheets,
        sheet: table.sheet,
        header,
        headerRow: table.headerRow,
        headerDetected: table.headerDetected,
        layout,
        platform: input.platform ?? guessPlatform(header, layout),
        pictures,
        mapping,
        mappingSource,
        signature,
        bytes: size,
        progress: (fraction) => progress.step('parse', Math.round(fraction * size), size, 'bytes'),
      };
    } catch (error) {
      await run.close();
      throw error;
    }
  }

  /** The run for this file: on the import's own thread (a big file), else on this one. */
  private async startRun(bytes: Buffer, input: ImportPreviewInput): Promise<ImportRun> {
    const where = this.deps.importThread ?? 'auto';
    if (where === 'thread' || (where === 'auto' && bytes.length >= THREAD_MIN_BYTES)) {
      const thread = await ImportThread.open(bytes, {
        sheet: input.sheet,
        headerRow: input.headerRow,
        batchRows: BATCH_ROWS,
        file: this.deps.sqlite.name,
        nativeBinding: this.deps.nativeBinding,
        mediaDir: this.deps.media.dir,
      });
      if (thread) return thread;
    }
    // Here: a small file, or no thread could start (its file is then parsed on the spreadsheet
    // reader's thread from 256 KB up, and checked here a batch per turn of the event loop).
    const table = await openTable(bytes, { sheet: input.sheet, headerRow: input.headerRow, vocabulary: CATALOG_VOCABULARY, batchRows: BATCH_ROWS });
    return new LocalImportRun(table, { sqlite: this.deps.sqlite, mediaDir: this.deps.media.dir, nativeBinding: this.deps.nativeBinding });
  }

  /** Checks every row on the file's run (and for an apply, writes as it goes, uncommitted). */
  private async check(source: Source, currency: string | undefined, pictures: Map<string, string> | null, what: Pick<CheckJob, 'sampleItems' | 'topRows' | 'write'>): Promise<CheckOutcome> {
    // A row updates the product with this SKU, else the one whose SKU only looks like it (same
    // skuKey: ＯＫ１, ok1, OK1), as every other door compares SKUs. Old unkeyed rows are keyed first.
    if (hasKey(source.mapping)) this.deps.products.skuKeys.ensure();
    return source.run.check(
      {
        ...what,
        mapping: source.mapping,
        currency: currency ?? 'CNY',
        platform: source.platform,
        layout: source.layout,
        pictures: pictures ? [...pictures] : null,
        allSkusAtOnce: source.bytes >= BIG_FILE_BYTES,
      },
      source.progress,
    );
  }

  private summary(importId: string, fileName: string, source: Source, checked: Checked) {
    return {
      importId,
      fileName,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheets: source.sheets,
      sheet: source.sheet,
      layout: source.layout,
      platform: source.platform,
      ...(source.pictures ? { pictures: source.pictures.size } : {}),
      headerRow: source.headerRow,
      headerDetected: source.headerDetected,
      totalRows: checked.totalRows,
      products: { create: checked.created, update: checked.updated },
      variants: checked.variants,
      refused: checked.refused,
      warnings: checked.warnings.slice(0, 200),
    };
  }

  /** `ids`: the products written, or null when there were too many to update the index one by one. */
  private afterWrite(ids: string[] | null): void {
    const { products, bus } = this.deps;
    if (ids === null || ids.length > REINDEX_THRESHOLD) products.search.invalidate();
    else products.search.upsert(products.dao.getMany(ids).map(searchDoc));
    bus.dataChanged('products');
  }

  /** Preview: which pictures are images, by the hash they will be stored under (nothing is stored). */
  private checkPictures(pictures: Map<string, Buffer> | null, warnings: string[]): Map<string, string> | null {
    if (!pictures) return null;
    const out = new Map<string, string>();
    for (const [name, bytes] of pictures) {
      if (sniffImage(bytes)) out.set(name, createHash('sha256').update(bytes).digest('hex'));
      else warnings.push(`The picture ${name} is not an image (PNG, JPEG, WebP or GIF); it is left out.`);
    }
    return out;
  }

  /** Apply: every picture through the media store's checks; name → hash of those it took. */
  private async storePictures(pictures: Map<string, Buffer> | null, warnings: string[]): Promise<Map<string, string> | null> {
    if (!pictures) return null;
    const out = new Map<string, string>();
    for (const [name, bytes] of pictures) {
      try {
        // The store may check images off this thread (then put answers a promise).
        const stored = await Promise.resolve(this.deps.media.put(bytes));
        out.set(name, stored.hash);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        warnings.push(`The picture ${name} was not taken: ${error.message}`);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return out;
  }

  /** Remember the header row and mapping that imported this layout, for the next file like it. */
  private rememberMapping(source: Source): void {
    this.memory.remember(source.signature, { mapping: source.mapping, ...(source.headerDetected ? {} : { headerRow: source.headerRow }) });
  }
}

/** Base64 → bytes a few MB at a time, a turn of the event loop between (a 50 MB file is 67 MB of base64). */
async function decodeBase64(text: string): Promise<Buffer> {
  const SLICE = 4 * 1024 * 1024; // a multiple of 4: every slice decodes on its own
  const whole = !/\s/.test(text.slice(0, 1024)) && text.length > SLICE ? null : text;
  const parts: Buffer[] = [];
  for (let at = 0; at < text.length; at += SLICE) {
    const slice = whole ?? text.slice(at, at + SLICE);
    if (!/^[A-Za-z0-9+/=\s]*$/.test(slice)) throw new AppError('BAD_INPUT', 'contentBase64 is not base64', { reason: 'base64' });
    parts.push(Buffer.from(slice, 'base64'));
    if (whole) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function cancelled(importId: string): AppError {
  return new AppError('CONFLICT', 'The import was cancelled; nothing was written.', { reason: 'cancelled', importId });
}

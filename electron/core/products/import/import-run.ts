import type Database from 'better-sqlite3';
import type { ImportField, ImportLayout, Platform, RefusedRow } from '../../../contract';
import type { TableMeta, TableRow, TableSource } from '../../spreadsheet';
import { Assembler, type ImportItem } from './assemble';
import { CatalogLookups } from './lookups';
import { InlineWriteSession, WritePlan, type WriteSession } from './writer';
import { WorkerWriteSession } from './write-worker';

/** What to check (and maybe write) once the caller has settled the header and the mapping. */
export interface CheckJob {
  mapping: (ImportField | null)[];
  currency: string;
  platform: Platform;
  layout: ImportLayout;
  /** A ZIP upload's pictures: name → media hash of those that are images; null without pictures. */
  pictures: [string, string][] | null;
  /** Read every product's SKU at once (a big file) instead of one query per row. */
  allSkusAtOnce: boolean;
  /** Preview: how many checked products and how many first rows (for column samples) to hand back. */
  sampleItems: number;
  topRows: number;
  /** Apply: write as the rows are checked, in one transaction that `commit` ends. */
  write: null | {
    allOrNothing: boolean;
    /** The import's timestamp (the core's clock). */
    now: number;
    /** Write on a writer thread of its own (a big file) rather than at commit on this run's connection. */
    writerThread: boolean;
    /** Written product ids are handed back up to this many (more: the caller rebuilds its index). */
    idsUpTo: number;
  };
}

/** What the check of a whole file found, and (apply) what it wrote, uncommitted. */
export interface CheckOutcome {
  totalRows: number;
  created: number;
  updated: number;
  variants: number;
  refused: RefusedRow[];
  warnings: string[];
  sample: ImportItem[];
  top: TableRow[];
  written: { created: number; updated: number; ids: string[] | null } | null;
}

/**
 * One import on one thread: the file's rows (from the shared spreadsheet reader) through the
 * Assembler's checks, and for an apply into a write plan whose batches go to the writer as soon as
 * they are checked. The same code runs on the app's thread (small files) and on the import's own
 * thread (import-thread.ts), where it gets a connection of its own.
 */
export interface ImportRun {
  readonly meta: TableMeta;
  /** Take another of the candidate rows as the header (before `check`). */
  useHeaderRow(line: number): Promise<TableMeta>;
  /** Reads and checks every row; `progress` gets how far into the file it is (0–1) after each batch. */
  check(job: CheckJob, progress: (fraction: number) => Promise<void>): Promise<CheckOutcome>;
  /** Writes what the check sent, in one transaction. */
  commit(): Promise<void>;
  /** Forgets whatever was sent; nothing is written. */
  rollback(): Promise<void>;
  /** Stops reading (always call it; cheap when done). */
  close(): Promise<void>;
}

/** Where a run reads the catalog and writes its products. */
export interface RunTarget {
  sqlite: Database.Database;
  mediaDir: string;
  /** For a writer thread: the catalog's file, and the Electron-ABI binding in the desktop app. */
  nativeBinding?: string;
}

export const NO_KEY_WARNING = 'No column is mapped to the SKU (商品编码/SKU/Handle) or the item id (商品id); map one to import.';

/** A column the products are keyed by: SKU, Shopify's Handle, or the platform's item id. */
export const hasKey = (mapping: (ImportField | null)[]) => mapping.includes('sku') || mapping.includes('handle') || mapping.includes('platformId');

/** The run on the calling thread, over an open table. */
export class LocalImportRun implements ImportRun {
  private session: WriteSession | null = null;

  constructor(
    private readonly table: TableSource,
    private readonly target: RunTarget,
  ) {}

  get meta(): TableMeta {
    return this.table;
  }

  async useHeaderRow(line: number): Promise<TableMeta> {
    await this.table.useHeaderRow(line);
    return this.meta;
  }

  async check(job: CheckJob, progress: (fraction: number) => Promise<void>): Promise<CheckOutcome> {
    const { table } = this;
    const top: TableRow[] = [];
    const sample: ImportItem[] = [];
    const keep = (rows: TableRow[]) => {
      for (let i = 0; i < rows.length && top.length < job.topRows; i += 1) top.push(rows[i]!);
    };
    let totalRows = 0;
    if (!hasKey(job.mapping)) {
      for await (const rows of table.rows()) {
        keep(rows);
        totalRows += rows.length;
        await progress(table.fraction());
      }
      return { totalRows, created: 0, updated: 0, variants: 0, refused: [], warnings: [NO_KEY_WARNING], sample, top, written: null };
    }
    const lookups = new CatalogLookups(this.target.sqlite, this.target.mediaDir, job.allSkusAtOnce);
    const pictures = job.pictures ? new Map(job.pictures) : null;
    const asm = new Assembler({
      header: table.header,
      mapping: job.mapping,
      strictWidth: table.format === 'csv',
      currency: job.currency,
      existing: (sku, key) => lookups.existing(sku, key),
      platform: job.platform,
      layout: job.layout,
      picture: pictures ? (name) => pictures.get(name) ?? null : undefined,
      variantOwners: (skus) => lookups.variantOwners(skus),
      mediaExists: (hash) => lookups.mediaExists(hash),
    });
    const write = job.write;
    const plan = write ? new WritePlan(write.now) : null;
    if (write) {
      const inline = new InlineWriteSession(this.target.sqlite);
      this.session = write.writerThread ? new WorkerWriteSession({ file: this.target.sqlite.name, nativeBinding: this.target.nativeBinding }, inline) : inline;
    }
    // Each batch's products go to the writer as soon as they are checked; after a refusal an
    // all-or-nothing import stops feeding it (it will roll back).
    const feeding = () => plan !== null && !(write!.allOrNothing && asm.refused.length > 0);
    const take = (items: ImportItem[]) => {
      for (let i = 0; i < items.length && sample.length < job.sampleItems; i += 1) sample.push(items[i]!);
      if (!feeding()) return;
      plan!.add(items);
      this.session!.send(plan!.take());
    };
    for await (const rows of table.rows()) {
      keep(rows);
      totalRows += rows.length;
      take(asm.push(rows));
      await progress(table.fraction());
    }
    take(asm.finish());
    if (feeding()) {
      plan!.finish();
      this.session!.send(plan!.take());
    }
    const warnings = asm.warnings;
    if (job.mapping.includes('imageUrl')) warnings.unshift('Image URLs are not downloaded (a main-image address is kept as the link of a product that has none); add product images in Cuecart.');
    if (job.mapping.includes('pictures') && !pictures) warnings.unshift('The pictures named in 新图片 were not given: import the export as a ZIP with its picture folder to add them.');
    return {
      totalRows,
      created: asm.created,
      updated: asm.updated,
      variants: asm.variants,
      refused: asm.refused,
      warnings,
      sample,
      top,
      written: plan && { created: plan.created, updated: plan.updated, ids: plan.ids.length > write!.idsUpTo ? null : plan.ids },
    };
  }

  async commit(): Promise<void> {
    if (!this.session) throw new Error('nothing to commit: the run was not checked for writing');
    await this.session.commit();
  }

  async rollback(): Promise<void> {
    await this.session?.rollback();
  }

  close(): Promise<void> {
    return this.table.close();
  }
}

import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  AppError,
  FIELDS_OF,
  RECAP_IMPORT_MAX_BYTES,
  RecapField,
  type ProductSalesRow,
  type RecapImportInput,
  type RecapImportPreview,
  type RecapImportResult,
  type RecapKind,
  type RunCue,
  type ShowSummary,
} from '../../../contract';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import type { ProductsDao } from '../../products/products.dao';
import type { SettingsStore } from '../../settings.store';
import { MappingMemory, headerSignature, openTable, type TableSource } from '../../spreadsheet';
import type { RecapsDao } from '../recaps.dao';
import type { RunReads } from '../run-reads';
import { VOCABULARY, missingFields, suggestMapping } from './mapping';
import { ProductMatcher, type MatchCandidate } from './match';
import { ProductRowsReader } from './read-products';
import { CurveReader } from './read-curve';
import { TotalsReader } from './read-totals';
import { TrafficReader } from './read-traffic';
import type { TimeContext } from './time';

const BATCH_ROWS = 2000;
/** CSV files up to this size are read on the app's thread, a chunk per turn (see threadFor). */
const INLINE_CSV_BYTES = 4 * 1024 * 1024;

/**
 * Where to parse a platform file. Platform exports are small (a per-second curve of a four-hour
 * show is 0.5 MB): read on this thread a 256 KB chunk per turn of the event loop, one takes about
 * 25 ms in all and holds the loop under 20 ms at a time, while starting the reader's worker (and
 * loading its XLSX code) costs several hundred ms before the first row. Bigger files and every
 * XLSX (unzipping is done in one piece) go to the worker as the catalog import does.
 */
function threadFor(bytes: Buffer): 'auto' | 'inline' {
  const zip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  return !zip && bytes.length <= INLINE_CSV_BYTES ? 'inline' : 'auto';
}
/** Product rows a preview lists (the match screen); apply takes them all. */
const PREVIEW_PRODUCTS = 2000;

export interface RecapImportDeps {
  sqlite: Database.Database;
  dao: RecapsDao;
  runs: RunReads;
  settings: SettingsStore;
  clock: Clock;
  bus: EventBus;
  products: ProductsDao;
  show(id: string): ShowSummary;
  /** The show's current rundown as cues (for matching when it has no run). */
  planCues(id: string): RunCue[];
  /** Where spreadsheets are parsed (see openTable): 'auto' by default. */
  parseThread?: 'auto' | 'worker' | 'inline';
}

type Read = Omit<RecapImportPreview, 'existing'> & {
  /** What apply stores: the import's data column and product rows. */
  store: { data: unknown; sales: ProductSalesRow[] | null; rows: number };
  remember(): void;
};

/**
 * Platform files into a show's recap, through the shared spreadsheet reader (encoding, header
 * row, worker-thread parsing, mapping memory, refused rows). Preview and apply read the same
 * way; apply writes in one transaction only a file that fits, so a refused file changes nothing.
 */
export class RecapImportService {
  private readonly memories = new Map<RecapKind, MappingMemory<string>>();

  constructor(private readonly deps: RecapImportDeps) {}

  async preview(input: RecapImportInput, file?: Buffer): Promise<RecapImportPreview> {
    const { store: _store, remember: _remember, ...read } = await this.read(input, file);
    return { ...read, existing: this.existing(input.id, input.kind) };
  }

  async apply(input: RecapImportInput & { replace: boolean }, file?: Buffer): Promise<RecapImportResult> {
    const { store, remember, ...read } = await this.read(input, file);
    const existing = this.existing(input.id, input.kind);
    if (read.problems.length > 0) {
      throw new AppError('BAD_INPUT', `The file does not fit; nothing was imported. ${read.problems.map((p) => p.message).join(' ')}`, {
        reason: read.problems[0]!.code,
        problems: read.problems,
        refused: read.refused.slice(0, 200),
      });
    }
    if (existing && !input.replace) {
      throw new AppError('CONFLICT', `This show already has a ${input.kind} file (${existing.fileName}); import with replace to use the new one instead.`, {
        reason: 'exists',
        existing,
      });
    }
    const importedAt = this.deps.clock.now();
    this.deps.dao.replaceImport(
      input.id,
      { kind: input.kind, fileName: input.fileName, format: read.format, importedAt, rows: store.rows, refused: read.refused.length },
      store.data,
      store.sales,
    );
    remember();
    this.deps.bus.dataChanged('recaps');
    const refused = read.refused.length ? `; ${read.refused.length} row(s) refused` : '';
    const matched = read.products ? ` (${read.products.matched} matched to products, ${read.products.unmatched} to match by hand)` : '';
    return {
      ...read,
      existing,
      status: 'applied',
      message: `Imported ${store.rows} ${input.kind === 'totals' ? 'show total row' : 'row(s)'}${matched}${refused}.`,
    };
  }

  private existing(showId: string, kind: RecapKind) {
    return this.deps.dao.imports(showId).find((f) => f.kind === kind) ?? null;
  }

  private memory(kind: RecapKind): MappingMemory<string> {
    let m = this.memories.get(kind);
    if (!m) this.memories.set(kind, (m = new MappingMemory(this.deps.settings, `recaps.mapping.${kind}`, FIELDS_OF[kind])));
    return m;
  }

  /** Where time-of-day values land: the show's run (its first Go), else its planned start, in its zone. */
  private timeContext(show: ShowSummary): TimeContext {
    const run = this.deps.runs.realRuns(show.id).find((r) => r.startedAt !== null);
    return { zone: show.timeZone, anchor: run?.startedAt ?? show.startAt };
  }

  private async read(input: RecapImportInput, file?: Buffer): Promise<Read> {
    const show = this.deps.show(input.id);
    const bytes = file ?? Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw new AppError('BAD_INPUT', 'The file is empty.', { reason: 'empty' });
    if (bytes.length > RECAP_IMPORT_MAX_BYTES) throw new AppError('BAD_INPUT', `The file is larger than ${RECAP_IMPORT_MAX_BYTES / 1024 / 1024} MB.`, { reason: 'too_large' });
    const table = await openTable(bytes, { vocabulary: VOCABULARY[input.kind], sheet: input.sheet, headerRow: input.headerRow, batchRows: BATCH_ROWS, thread: this.deps.parseThread ?? threadFor(bytes) });
    try {
      return await this.readTable(table, input, show);
    } finally {
      await table.close();
    }
  }

  private async readTable(table: TableSource, input: RecapImportInput, show: ShowSummary): Promise<Read> {
    const { kind } = input;
    const memory = this.memory(kind);
    const detected = table.candidates.find((c) => c.line === table.detectedHeaderRow);
    const signature = headerSignature((detected?.cells ?? table.header).map((c) => c.trim()));
    const saved = memory.recall(signature);
    if (input.headerRow === undefined && saved?.headerRow !== undefined && saved.headerRow !== table.headerRow && table.candidates.some((c) => c.line === saved.headerRow)) {
      await table.useHeaderRow(saved.headerRow);
    }
    const header = table.header;
    const suggested = suggestMapping(kind, header);
    let mapping: (string | null)[];
    let mappingSource: RecapImportPreview['mappingSource'];
    if (input.mapping) {
      if (input.mapping.length !== header.length) {
        throw new AppError('BAD_INPUT', `The mapping has ${input.mapping.length} entries but the file has ${header.length} columns.`, { reason: 'mapping' });
      }
      const foreign = input.mapping.filter((f): f is string => f !== null && !FIELDS_OF[kind].includes(f));
      if (foreign.length) throw new AppError('BAD_INPUT', `A ${kind} file has no field ${foreign.join(', ')}.`, { reason: 'mapping', fields: foreign });
      [mapping, mappingSource] = [input.mapping, 'given'];
    } else if (saved && saved.mapping.length === header.length && (saved.headerRow ?? table.detectedHeaderRow) === table.headerRow) {
      [mapping, mappingSource] = [saved.mapping, 'saved'];
    } else [mapping, mappingSource] = [suggested.mapping, 'suggested'];

    const time = this.timeContext(show);
    const top: string[][] = [];
    const reader =
      kind === 'products'
        ? new ProductRowsReader(header, mapping)
        : kind === 'totals'
          ? new TotalsReader(header, mapping)
          : kind === 'curve'
            ? new CurveReader(header, mapping, time)
            : new TrafficReader(header, mapping);
    let totalRows = 0;
    const missing = missingFields(kind, mapping);
    for await (const batch of table.rows()) {
      totalRows += batch.length;
      for (let i = 0; i < batch.length && top.length < 50; i += 1) top.push(batch[i]!.cells);
      if (missing.length === 0) reader.push(batch);
    }

    const problems: RecapImportPreview['problems'] = [];
    if (missing.length > 0) {
      problems.push({ code: 'missing_columns', fields: missing.map((g) => g.join('|')), message: `No column is mapped to ${missing.map((g) => g.join(' or ')).join(', ')}.` });
    }
    const base = {
      showId: input.id,
      kind,
      fileName: input.fileName,
      format: table.format,
      encoding: table.encoding,
      ...(table.delimiter ? { delimiter: table.delimiter } : {}),
      sheets: table.sheets,
      ...(table.sheet ? { sheet: table.sheet } : {}),
      headerRow: table.headerRow,
      headerDetected: table.headerDetected,
      headerCandidates: table.candidates.map((c) => ({ row: c.line, score: c.score, cells: c.cells.slice(0, 30).map((x) => x.slice(0, 80)) })),
      preset: suggested.preset,
      columns: header.map((h, index) => ({
        index,
        header: h,
        field: (mapping[index] ?? null) as z.infer<typeof RecapField> | null,
        samples: top.map((r) => r[index] ?? '').filter((c) => c.trim() !== '').slice(0, 3).map((c) => c.slice(0, 120)),
      })),
      mappingSource,
      totalRows,
    };
    const remember = () => memory.remember(signature, { mapping, ...(table.headerDetected ? {} : { headerRow: table.headerRow }) });
    const finish = (accepted: number, parts: Partial<Read>, store: Read['store']): Read => {
      if (missing.length === 0 && accepted === 0 && !problems.some((p) => p.code === 'pick_row')) {
        problems.push({ code: 'no_rows', message: totalRows === 0 ? 'The file has no data rows below its header.' : 'None of its rows could be read (see the refused rows).' });
      }
      return { ...base, problems, accepted, refused: reader.cells.refusals(), warnings: reader.cells.warnings().slice(0, 50), ...parts, store, remember };
    };

    if (reader instanceof ProductRowsReader) {
      const sales = this.matchSales(show, reader.rows);
      const matched = sales.filter((s) => s.productId !== null).length;
      return finish(
        sales.length,
        { products: { rows: sales.slice(0, PREVIEW_PRODUCTS), matched, unmatched: sales.length - matched, gmv: sales.reduce((n, s) => n + s.gmv, 0) } },
        { data: null, sales, rows: sales.length },
      );
    }
    if (reader instanceof TotalsReader) {
      const choice = missing.length ? ({ kind: 'none' } as const) : reader.choose(time, input.row);
      if (choice.kind === 'pick') {
        problems.push({ code: 'pick_row', message: `The file lists ${choice.choices.length} shows; pick the row of this one.` });
        return finish(0, { rowChoices: choice.choices }, { data: null, sales: null, rows: 0 });
      }
      if (choice.kind === 'none') return finish(0, {}, { data: null, sales: null, rows: 0 });
      return finish(1, { totals: choice.totals }, { data: choice.totals, sales: null, rows: 1 });
    }
    if (reader instanceof CurveReader) {
      const curve = reader.curve();
      const series = (['online', 'entries', 'exits', 'gmv'] as const).filter((k) => k === 'online' || curve[k] !== null);
      return finish(
        curve.t.length,
        { curve: { points: curve.t.length, startAt: curve.t[0] ?? null, endAt: curve.t.at(-1) ?? null, resolutionMs: curve.resolutionMs, series } },
        { data: curve, sales: null, rows: curve.t.length },
      );
    }
    const traffic = (reader as TrafficReader).rows;
    return finish(traffic.length, { traffic: traffic.slice(0, 200) }, { data: traffic, sales: null, rows: traffic.length });
  }

  /** Each sales row with the catalog product it matches (see ProductMatcher). */
  private matchSales(show: ShowSummary, rows: Omit<ProductSalesRow, 'productId' | 'matchedBy'>[]): ProductSalesRow[] {
    const run = this.deps.runs.pick(show.id);
    const cues = run ? run.plan : this.deps.planCues(show.id);
    const ids = [...new Set(cues.map((c) => c.productId).filter((id): id is string => id !== null))];
    const plan: MatchCandidate[] = this.deps.products.getMany(ids).map((p) => ({ id: p.id, sku: p.sku, title: p.title, shortTitle: p.shortTitle, link: p.link }));
    const matcher = new ProductMatcher(this.deps.sqlite, show.platform, this.deps.dao.rememberedMatches(show.platform), plan);
    return rows.map((r) => ({ ...r, ...matcher.match(r) }));
  }
}

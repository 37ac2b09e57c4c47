import { z } from 'zod';
import { Id, Instant } from './common';
import type { MethodDef } from './methods';
import { ExportLang, FileOutput } from './plan-io';
import {
  DemoRecapFile,
  MatchesSetInput,
  RecapApplyInput,
  RecapImportInput,
  RecapImportPreview,
  RecapImportResult,
  RecapKind,
  RecapTotals,
  TotalsSetInput,
} from './recap-import';
import { Conclusions, ProductHistory, Recap, RecapListInput, RecapListItem } from './recap-model';

export * from './recap-import';
export * from './recap-model';

export const RECAP_EXPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv', 'json'] as const;
export const RecapExportFormat = z.enum(RECAP_EXPORT_FORMATS);
export type RecapExportFormat = z.infer<typeof RecapExportFormat>;

export const RecapGetInput = z.object({
  id: Id,
  /** A real run of the show other than its latest (a rehearsal is refused). */
  runId: Id.optional(),
});

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/**
 * Spread into the contract's `methods`. Imports and exports have no derived route: the control
 * API moves raw file bytes for them (electron/server/recap-routes.ts) through these methods.
 */
export const recapMethods = {
  'recaps.get': def({
    input: RecapGetInput,
    output: Recap,
    write: false,
    summary:
      'A show\'s recap: `metrics` (`gmv`, `orders`, `units`, `buyers`, `views`, `viewers`, `peakOnline`, `aov`, `gpm`, `uvValue`, `viewToOrder`, `refundRate`, `goalAchieved`, `planAdherence`, `commission`, `grossMargin`...; money in 分, rates as fractions, null when it cannot be computed), the timeline planned against actual, per-product rows, the curve, traffic and conclusions.',
    http: { method: 'GET', path: '/shows/{id}/recap' },
  }),
  'recaps.list': def({
    input: RecapListInput,
    output: z.array(RecapListItem),
    write: false,
    summary: 'Every past show with its key figures, newest first; filter with `platform`, `hostId`, `from`, `to` (epoch ms) and `q`.',
    http: { method: 'GET', path: '/recaps' },
  }),
  'products.history': def({
    input: z.object({ id: Id }),
    output: ProductHistory,
    write: false,
    summary: 'A product across past shows (slot, time on air, price, host, GMV) and which slot, length, price and host sold best per minute.',
    http: { method: 'GET', path: '/products/{id}/history' },
  }),
  'recaps.import.preview': def({
    input: RecapImportInput,
    output: RecapImportPreview,
    write: false,
    summary: 'Read a platform file (products, totals, curve or traffic; CSV/XLSX, base64): mapping, matches, every refused row; writes nothing.',
  }),
  'recaps.import.apply': def({
    input: RecapApplyInput,
    output: RecapImportResult,
    write: true,
    summary: 'Import a platform file into a show\'s recap; replaces the previous file of that kind only with `replace` (CONFLICT otherwise). A file that does not fit changes nothing.',
  }),
  'recaps.import.remove': def({
    input: z.object({ id: Id, kind: RecapKind }),
    output: z.object({ id: Id, kind: RecapKind, removed: z.boolean() }),
    write: true,
    summary: 'Forget the imported file of one kind for a show.',
  }),
  'recaps.totals.set': def({
    input: TotalsSetInput,
    output: RecapTotals,
    write: true,
    summary: 'Type show totals by hand (views, viewers, GMV...); merged over what was imported.',
  }),
  'recaps.matches.set': def({
    input: MatchesSetInput,
    output: z.object({ updated: z.number().int() }),
    write: true,
    summary: 'Match platform product rows to catalog products by hand; remembered for the next file from that platform.',
  }),
  'recaps.conclusions.set': def({
    input: Conclusions.extend({ id: Id }),
    output: Conclusions.extend({ updatedAt: Instant.nullable() }),
    write: true,
    summary: 'The written conclusions of a recap: what worked, problems, actions with an owner.',
  }),
  'recaps.export': def({
    input: z.object({ id: Id, runId: Id.optional(), format: RecapExportFormat, lang: ExportLang.default('zh-CN') }),
    output: FileOutput,
    write: false,
    summary: 'The recap as a file: self-contained HTML, PDF (needs Chromium), XLSX, CSV or JSON of the metrics; zh-CN or en; base64.',
  }),
  'recaps.demoFiles': def({
    input: z.object({}).strict(),
    output: z.array(DemoRecapFile),
    write: false,
    summary: 'The demo workspace\'s sample platform files, to try the import with.',
  }),
} as const satisfies Record<string, MethodDef>;

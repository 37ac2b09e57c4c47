import { z } from 'zod';
import { Id, Instant, Money } from './common';

// Platform files for a recap (复盘): per-product sales, show totals, the viewer curve and traffic
// sources, as the platforms export them (CSV or XLSX). Files cross IPC and WebSocket as base64;
// the control API takes the raw bytes (electron/server/recap-routes.ts).

export const RECAP_KINDS = ['products', 'totals', 'curve', 'traffic'] as const;
export const RecapKind = z.enum(RECAP_KINDS);
export type RecapKind = z.infer<typeof RecapKind>;

/** Largest platform file taken (a per-second curve of a long show is about 1 MB). */
export const RECAP_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const BASE64_MAX = Math.ceil(RECAP_IMPORT_MAX_BYTES / 3) * 4 + 4;

/** Columns of a per-product sales export. */
export const PRODUCT_SALES_FIELDS = [
  'platformProductId',
  'sku',
  'title',
  'price',
  'gmv',
  'units',
  'orders',
  'buyers',
  'impressions',
  'clicks',
  'ctr',
  'clickToOrder',
  'refund',
  'addToCart',
  'pitchCount',
  'commissionRate',
  'costPrice',
] as const;
export type ProductSalesField = (typeof PRODUCT_SALES_FIELDS)[number];

/** Figures of a whole show (one row of the platform's show overview, or typed by hand). */
export const TOTAL_KEYS = [
  'gmv',
  'orders',
  'units',
  'buyers',
  'views',
  'viewers',
  'peakOnline',
  'avgOnline',
  'avgWatchMs',
  'newFollowers',
  'comments',
  'likes',
  'shares',
  'refund',
  'impressions',
  'productImpressions',
  'productClicks',
  'durationMs',
] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];
/** Totals columns: the figures plus what picks the show's row in a multi-show overview. */
export const TOTALS_FIELDS = [...TOTAL_KEYS, 'date', 'startTime', 'endTime', 'room'] as const;
export type TotalsField = (typeof TOTALS_FIELDS)[number];

export const CURVE_FIELDS = ['time', 'elapsed', 'online', 'entries', 'exits', 'gmv'] as const;
export type CurveField = (typeof CURVE_FIELDS)[number];

export const TRAFFIC_FIELDS = ['channel', 'views', 'viewers', 'gmv', 'orders'] as const;
export type TrafficField = (typeof TRAFFIC_FIELDS)[number];

/** Every field any recap column can feed (the mapping's vocabulary); each kind takes its own. */
export const RECAP_FIELDS = [...new Set<string>([...PRODUCT_SALES_FIELDS, ...TOTALS_FIELDS, ...CURVE_FIELDS, ...TRAFFIC_FIELDS])] as [string, ...string[]];
export const RecapField = z.enum(RECAP_FIELDS);

export const FIELDS_OF: Record<RecapKind, readonly string[]> = {
  products: PRODUCT_SALES_FIELDS,
  totals: TOTALS_FIELDS,
  curve: CURVE_FIELDS,
  traffic: TRAFFIC_FIELDS,
};

const Count = z.number().int().min(0).nullable();
/** Show totals; null = not in the file (or not typed). Money in 分, durations in ms. */
export const RecapTotals = z.object(Object.fromEntries(TOTAL_KEYS.map((k) => [k, Count])) as Record<TotalKey, typeof Count>);
export type RecapTotals = z.infer<typeof RecapTotals>;

export const TotalsSetInput = z.object({ id: Id, totals: RecapTotals.partial() });

export const RecapImportInput = z.object({
  /** The show. */
  id: Id,
  kind: RecapKind,
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(BASE64_MAX),
  sheet: z.string().max(100).optional(),
  headerRow: z.number().int().min(1).max(1_000_000).optional(),
  /** One entry per column, in header order: the field it feeds, or null to ignore it. */
  mapping: z.array(RecapField.nullable()).max(500).optional(),
  /** Totals: the spreadsheet row holding this show when the file lists several. */
  row: z.number().int().min(1).optional(),
});
export type RecapImportInput = z.infer<typeof RecapImportInput>;
export const RecapApplyInput = RecapImportInput.extend({
  /** Re-importing a kind replaces the previous file: say so (the app asks first). */
  replace: z.boolean().default(false),
});

export const RecapRefusedRow = z.object({ row: z.number().int(), field: z.string().optional(), key: z.string().optional(), reason: z.string() });
export type RecapRefusedRow = z.infer<typeof RecapRefusedRow>;

export const MATCH_KINDS = ['remembered', 'sku', 'platform_id', 'title', 'manual'] as const;
export const MatchKind = z.enum(MATCH_KINDS);
export type MatchKind = z.infer<typeof MatchKind>;

/** One product row of a sales file as read, with the catalog product it matched. */
export const ProductSalesRow = z.object({
  row: z.number().int(),
  platformProductId: z.string(),
  sku: z.string(),
  title: z.string(),
  price: Money.nullable(),
  gmv: Money,
  units: Count,
  orders: Count,
  buyers: Count,
  impressions: Count,
  clicks: Count,
  /** Rates as fractions (0.127 = 12.7 %). */
  ctr: z.number().min(0).nullable(),
  clickToOrder: z.number().min(0).nullable(),
  refund: Money.nullable(),
  addToCart: Count,
  pitchCount: Count,
  /** Commission rate as a fraction, cost price in 分 (when the file has them). */
  commissionRate: z.number().min(0).max(1).nullable(),
  costPrice: Money.nullable(),
  productId: Id.nullable(),
  matchedBy: MatchKind.nullable(),
});
export type ProductSalesRow = z.infer<typeof ProductSalesRow>;

export const TrafficRow = z.object({ channel: z.string(), views: Count, viewers: Count, gmv: Money.nullable(), orders: Count });
export type TrafficRow = z.infer<typeof TrafficRow>;

/** A viewer curve, column by column: `t` epoch ms; other series null when the file had none. */
export const Curve = z.object({
  t: z.array(Instant),
  online: z.array(z.number().int().min(0)),
  entries: z.array(z.number().int().min(0).nullable()).nullable(),
  exits: z.array(z.number().int().min(0).nullable()).nullable(),
  /** GMV in each interval (分). */
  gmv: z.array(Money.nullable()).nullable(),
  /** The typical step between points: 60,000 per minute, 1,000 per second. */
  resolutionMs: z.number().int().min(0),
});
export type Curve = z.infer<typeof Curve>;

export const ImportedFile = z.object({
  kind: RecapKind,
  fileName: z.string(),
  /** csv, xlsx, or manual (totals typed in). */
  format: z.enum(['csv', 'xlsx', 'manual']),
  importedAt: Instant,
  rows: z.number().int(),
  refused: z.number().int(),
});
export type ImportedFile = z.infer<typeof ImportedFile>;

/** Why a file cannot be imported as it is mapped now. */
export const IMPORT_PROBLEMS = ['missing_columns', 'no_rows', 'pick_row'] as const;

export const RecapImportPreview = z.object({
  showId: Id,
  kind: RecapKind,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  delimiter: z.string().optional(),
  sheets: z.array(z.string()),
  sheet: z.string().optional(),
  headerRow: z.number().int(),
  headerDetected: z.boolean(),
  headerCandidates: z.array(z.object({ row: z.number().int(), score: z.number().int(), cells: z.array(z.string()) })),
  /** The platform layout the header matched best (`douyin-products`...), null when none did. */
  preset: z.string().nullable(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: RecapField.nullable(), samples: z.array(z.string()) })),
  mappingSource: z.enum(['given', 'saved', 'suggested']),
  /** Empty when the file fits; otherwise what is wrong (the apply refuses it, nothing changes). */
  problems: z.array(z.object({ code: z.enum(IMPORT_PROBLEMS), fields: z.array(z.string()).optional(), message: z.string() })),
  totalRows: z.number().int(),
  accepted: z.number().int(),
  refused: z.array(RecapRefusedRow),
  warnings: z.array(z.string()),
  /** The file of this kind already imported for the show (applying replaces it). */
  existing: ImportedFile.nullable(),
  products: z.object({ rows: z.array(ProductSalesRow), matched: z.number().int(), unmatched: z.number().int(), gmv: Money }).optional(),
  totals: RecapTotals.optional(),
  /** Totals: the data rows to choose from when the file lists several shows. */
  rowChoices: z.array(z.object({ row: z.number().int(), label: z.string() })).optional(),
  curve: z.object({ points: z.number().int(), startAt: Instant.nullable(), endAt: Instant.nullable(), resolutionMs: z.number().int(), series: z.array(z.string()) }).optional(),
  traffic: z.array(TrafficRow).optional(),
});
export type RecapImportPreview = z.infer<typeof RecapImportPreview>;

export const RecapImportResult = RecapImportPreview.extend({ status: z.literal('applied'), message: z.string() });
export type RecapImportResult = z.infer<typeof RecapImportResult>;

/** Fix product matches: platform row → catalog product (null = no product); remembered for next time. */
export const MatchesSetInput = z.object({
  id: Id,
  matches: z.array(z.object({ row: z.number().int(), productId: Id.nullable() })).min(1).max(5000),
});

export const DemoRecapFile = z.object({ kind: RecapKind, fileName: z.string(), mime: z.string(), contentBase64: z.string(), note: z.string() });

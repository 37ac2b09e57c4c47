import { z } from 'zod';
import { Money } from './common';
import { Base64File, IMPORT_MAX_BYTES } from './limits';
import { Platform } from './products';

// Catalog import and export. Files cross IPC and WebSocket as base64 (JSON-safe); the control
// API takes and returns raw bytes instead (see electron/server/catalog-routes.ts).


/** Every field a column can feed. `handle` groups variant rows (Shopify); `ignore` is null. */
export const IMPORT_FIELDS = [
  'sku',
  'handle',
  'title',
  'shortTitle',
  'brand',
  'category',
  'tags',
  'listPrice',
  'livePrice',
  'floorPrice',
  'currency',
  'stock',
  'limitPerBuyer',
  'role',
  'sellingPoints',
  'talkingPoints',
  'faq',
  'link',
  'notes',
  'bodyHtml',
  'archived',
  'barcode',
  'images',
  'imageUrl',
  'variantSku',
  'variantTitle',
  'option1Name',
  'option1Value',
  'option2Name',
  'option2Value',
  'option3Name',
  'option3Value',
  'variantListPrice',
  'variantLivePrice',
  'variantStock',
  'variantBarcode',
  // Affiliate lists and shop exports (issue 13).
  'commissionRate',
  'couponAmount',
  'priceAfterCoupon',
  'shopName',
  /** The platform's item id (商品id, 数字ID): stored under the import's platform, and the SKU when there is none. */
  'platformId',
  /** Our own export's JSON of every platform id. */
  'platformIds',
  'costPrice',
  'monthlySales',
  /** 淘宝助理's 新图片: picture names in the export's picture folder. */
  'pictures',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** Recognised layouts: ours, Shopify's, 淘宝助理/千牛's item export, an affiliate marketplace's selection list, or any other. */
export const IMPORT_LAYOUTS = ['cuecart', 'shopify', 'taobao-assistant', 'affiliate', 'generic'] as const;
export const ImportLayout = z.enum(IMPORT_LAYOUTS);
export type ImportLayout = z.infer<typeof ImportLayout>;

export const ImportFile = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: Base64File(IMPORT_MAX_BYTES, 'The spreadsheet', { rawAlongside: true }),
});

export const ImportOptions = z.object({
  /** Chosen by the caller so it can follow `import.progress` and cancel; generated otherwise. */
  importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** XLSX: the sheet to read (default: the first). */
  sheet: z.string().max(100).optional(),
  /** The header's row number (1-based) when the user picks it; detected otherwise. */
  headerRow: z.number().int().min(1).max(1_000_000).optional(),
  /** One entry per column, in header order: the field it feeds, or null to ignore it. */
  mapping: z.array(ImportField.nullable()).max(500).optional(),
  /** Currency for new products when the file has no currency column. */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** The platform whose item ids the file holds (商品id): guessed from the layout when absent. */
  platform: Platform.optional(),
});

export const ImportPreviewInput = ImportFile.extend(ImportOptions.shape).extend({
  sampleSize: z.number().int().min(0).max(500).optional(),
});
export type ImportPreviewInput = z.infer<typeof ImportPreviewInput>;

export const IMPORT_MODES = ['valid', 'all-or-nothing'] as const;
export const ImportMode = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportApplyInput = ImportFile.extend(ImportOptions.shape).extend({ mode: ImportMode });
export type ImportApplyInput = z.infer<typeof ImportApplyInput>;

/** A row the importer will not take. `row` is the spreadsheet row number (the header is row 1). */
export const RefusedRow = z.object({
  row: z.number().int(),
  sku: z.string().optional(),
  field: z.string().optional(),
  reason: z.string(),
});
export type RefusedRow = z.infer<typeof RefusedRow>;

export const ImportColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  field: ImportField.nullable(),
  samples: z.array(z.string()),
});

export const ImportSample = z.object({
  row: z.number().int(),
  action: z.enum(['create', 'update']),
  sku: z.string(),
  title: z.string(),
  listPrice: Money.optional(),
  livePrice: Money.optional(),
  stock: z.number().int().nullable().optional(),
  variants: z.number().int(),
});

const Summary = {
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** How the bytes were read: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be, or xlsx. */
  encoding: z.string(),
  delimiter: z.string().optional(),
  sheets: z.array(z.string()),
  sheet: z.string().optional(),
  layout: ImportLayout,
  /** Where the item ids (platformId) go: the platform asked for, or the one the layout suggests. */
  platform: Platform,
  /** A ZIP with the spreadsheet and its picture folder: how many pictures it holds. */
  pictures: z.number().int().optional(),
  /** The header's row number (1-based, as a spreadsheet app shows it). */
  headerRow: z.number().int(),
  /** false when the header row was picked (by the user now, or remembered for this layout). */
  headerDetected: z.boolean(),
  totalRows: z.number().int(),
  /** Preview: what would be written. Result: what was written. */
  products: z.object({ create: z.number().int(), update: z.number().int() }),
  variants: z.number().int(),
  refused: z.array(RefusedRow),
  warnings: z.array(z.string()),
};

/** A row near the top that could be the header: its number, how many known header names it has, its first cells. */
export const HeaderCandidate = z.object({
  row: z.number().int(),
  score: z.number().int(),
  cells: z.array(z.string()),
});

export const ImportPreview = z.object({
  ...Summary,
  /** The first rows with content: the user may pick the header among them. */
  headerCandidates: z.array(HeaderCandidate),
  columns: z.array(ImportColumn),
  mappingSource: z.enum(['given', 'saved', 'suggested']),
  sample: z.array(ImportSample),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/**
 * `refused`: all-or-nothing met refused rows and wrote nothing. A cancelled import ends with the
 * error CONFLICT (details.reason "cancelled") and wrote nothing either.
 */
export const ImportResult = z.object({
  ...Summary,
  status: z.enum(['applied', 'refused']),
  message: z.string(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportCancelInput = z.object({ importId: z.string().min(1).max(64) });
export const ImportCancelResult = z.object({ importId: z.string(), cancelled: z.boolean() });

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportInput = z.object({
  format: ExportFormat,
  includeArchived: z.boolean().optional(),
});
export const ExportResult = z.object({
  fileName: z.string(),
  mime: z.string(),
  count: z.number().int(),
  contentBase64: z.string(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ImportProgress = z.object({
  importId: z.string(),
  phase: z.enum(['read', 'parse', 'check', 'write', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  /** What `done` and `total` count: bytes of the file while it is read, rows after. */
  unit: z.enum(['bytes', 'rows']).optional(),
});

import type { ImportField, ProductFields, ProductVariant } from '../../../contract';
import {
  CellError,
  htmlToText,
  parseBoolean,
  parseCoupon,
  parseFaq,
  parseInteger,
  parseList,
  parseMoney,
  parseOurList,
  parsePictures,
  parsePlatformIds,
  parseRate,
  parseRole,
  parseSales,
  unmark,
} from './values';

export class RowError extends Error {
  constructor(
    readonly line: number,
    readonly field: ImportField | string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Which cells a file maps to which fields, worked out once per file. */
export class ColumnPlan {
  readonly mapped: Set<ImportField>;
  /** Cell index of each mapped field, in mapping order. */
  readonly cells: number[];
  readonly untrimmed: boolean[];
  /** Field → position in `cells` (and in each row's values). */
  readonly pos: Map<ImportField, number>;
  /** The product fields the file maps, in PRODUCT_ORDER, with their positions. */
  readonly product: [ImportField, number][];

  constructor(columns: [ImportField, number][]) {
    this.mapped = new Set(columns.map(([f]) => f));
    this.cells = columns.map(([, i]) => i);
    this.untrimmed = columns.map(([f]) => UNTRIMMED.has(f));
    this.pos = new Map(columns.map(([f], p) => [f, p]));
    this.product = PRODUCT_ORDER.filter((f) => this.mapped.has(f)).map((f) => [f, this.pos.get(f)!]);
  }
}

/** One row's mapped cells, read once (apostrophe undone, trimmed); other fields read ''. */
export class GroupRow {
  constructor(
    readonly line: number,
    readonly values: string[],
    private readonly plan: ColumnPlan,
  ) {}

  get(field: ImportField): string {
    const p = this.plan.pos.get(field);
    return p === undefined ? '' : this.values[p]!;
  }
}

/** Reads the mapped cells of a row. */
export function readRow(line: number, cells: string[], plan: ColumnPlan): GroupRow {
  const n = plan.cells.length;
  const values = new Array<string>(n);
  for (let p = 0; p < n; p += 1) {
    const c = cells[plan.cells[p]!];
    let v = '';
    if (c) {
      if (plan.untrimmed[p]) {
        v = unmark(c);
        if (!v.trim()) v = '';
      } else {
        v = c.trim();
        if (v.charCodeAt(0) === 0x27) v = unmark(v).trim(); // only a leading apostrophe changes anything
      }
    }
    values[p] = v;
  }
  return new GroupRow(line, values, plan);
}

export interface BuiltProduct {
  /** Only the fields the file gives (an update touches nothing else). */
  fields: Partial<ProductFields> & { sku: string };
  /** Variant rows in order, each with its line, or undefined if the file has no variant columns. */
  variants?: (ProductVariant & { line: number })[];
  warnings: string[];
}

/** Free text keeps its own leading spaces and tabs; every other cell is trimmed. */
const UNTRIMMED = new Set<ImportField>(['talkingPoints', 'notes', 'bodyHtml']);

const PRODUCT_ORDER: ImportField[] = [
  'currency', 'title', 'shortTitle', 'brand', 'category', 'talkingPoints', 'link', 'notes', 'barcode', 'bodyHtml', 'tags',
  'sellingPoints', 'listPrice', 'livePrice', 'floorPrice', 'stock', 'limitPerBuyer', 'role', 'faq', 'archived', 'images',
  'commissionRate', 'couponAmount', 'priceAfterCoupon', 'shopName', 'platformIds', 'platformId', 'costPrice', 'monthlySales',
  'pictures', 'imageUrl',
];
export const VARIANT_FIELDS: ImportField[] = [
  'variantSku', 'variantTitle', 'option1Value', 'option2Value', 'option3Value',
  'variantListPrice', 'variantLivePrice', 'variantStock', 'variantBarcode',
];

function cell<T>(line: number, field: ImportField, text: string, parse: (t: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof CellError) throw new RowError(line, field, error.message);
    throw error;
  }
}

function money(line: number, field: ImportField, text: string, currency: string): number {
  try {
    return parseMoney(text, currency);
  } catch (error) {
    if (error instanceof CellError) throw new RowError(line, field, error.message);
    throw error;
  }
}

/** Negative stock is how Shopify shows oversold items; we keep 0 and say so. */
function stockOf(line: number, field: ImportField, text: string, warnings: string[]): number {
  const n = cell(line, field, text, parseInteger);
  if (n < 0) {
    warnings.push(`Row ${line}: stock ${n} (oversold) was read as 0.`);
    return 0;
  }
  return n;
}

/**
 * One product from its rows (the first carries the product; every row with variant data adds
 * a variant — Shopify's layout and ours alike). Shopify's lone "Default Title" variant is folded
 * into the product. Parsing errors name the row and column.
 */
export interface BuildOptions {
  plan: ColumnPlan;
  currency: string;
  mediaExists: (hash: string) => boolean;
  /** Where a platformId cell goes. */
  platform: string;
  /** The commission column's header says (%): "20" means 20 %. */
  ratePercent: boolean;
  /** A picture file named in 新图片 → its media hash; null when the upload does not have it. */
  picture?: (name: string) => string | null;
  /** Shopify's rules for its compare-at price. */
  shopify?: boolean;
  /** Our own export: every cell as written (an empty option name stays empty). */
  ours?: boolean;
}

export function buildProduct(rows: GroupRow[], key: string, opts: BuildOptions): BuiltProduct {
  const first = rows[0]!;
  const line = first.line;
  const mapped = opts.plan.mapped;
  const warnings: string[] = [];
  const f: Partial<ProductFields> = {};
  const currency = first.get('currency') || opts.currency;
  // Only the mapped columns, in an order where currency comes before prices and notes before
  // the HTML body: this runs once per row of a 100,000-row file.
  const product = opts.plan.product;
  for (let k = 0; k < product.length; k += 1) {
    const [field, pos] = product[k]!;
    const text = first.values[pos]!;
    if (!text && field !== 'archived') continue;
    switch (field) {
      case 'currency':
        f.currency = text.toUpperCase();
        break;
      case 'title':
      case 'shortTitle':
      case 'brand':
      case 'category':
      case 'talkingPoints':
      case 'link':
      case 'notes':
      case 'barcode':
        f[field] = text;
        break;
      case 'bodyHtml':
        if (!f.notes) f.notes = htmlToText(text);
        break;
      case 'tags':
        f.tags = opts.ours ? parseOurList(text) : parseList(text);
        break;
      case 'sellingPoints':
        f.sellingPoints = opts.ours ? parseOurList(text) : parseList(text, /[;；|]/);
        break;
      case 'listPrice':
      case 'livePrice':
      case 'floorPrice':
        f[field] = money(line, field, text, currency);
        break;
      case 'stock':
        f.stock = stockOf(line, 'stock', text, warnings);
        break;
      case 'limitPerBuyer':
        f.limitPerBuyer = cell(line, field, text, parseInteger);
        break;
      case 'role':
        f.role = cell(line, field, text, parseRole);
        break;
      case 'faq':
        f.faq = cell(line, field, text, parseFaq);
        break;
      case 'archived':
        f.archived = cell(line, field, text, parseBoolean);
        break;
      case 'images': {
        const hashes = parseList(text, /[\s,;|]/).map((h) => h.toLowerCase());
        const missing = hashes.find((h) => !opts.mediaExists(h));
        if (missing) throw new RowError(line, 'images', `image ${missing.slice(0, 12)}… is not in the media library`);
        f.images = hashes;
        break;
      }
      case 'commissionRate':
        f.commissionRate = cell(line, field, text, (t) => parseRate(t, opts.ratePercent));
        break;
      case 'couponAmount':
        f.couponAmount = cell(line, field, text, (t) => parseCoupon(t, currency));
        break;
      case 'priceAfterCoupon':
      case 'costPrice':
        f[field] = money(line, field, text, currency);
        break;
      case 'shopName':
        f.shopName = text;
        break;
      case 'platformIds':
        f.platformIds = cell(line, field, text, parsePlatformIds);
        break;
      case 'platformId':
        f.platformIds = { ...f.platformIds, [opts.platform]: text };
        break;
      case 'monthlySales':
        f.monthlySales = cell(line, field, text, parseSales);
        break;
      case 'pictures': {
        const names = parsePictures(text);
        const hashes: string[] = [];
        const missing: string[] = [];
        for (const n of names) {
          const hash = opts.picture?.(n) ?? null;
          if (hash) hashes.push(hash);
          else missing.push(n);
        }
        if (hashes.length > 0 && !mapped.has('images')) f.images = [...new Set(hashes)].slice(0, 20);
        if (missing.length > 0 && opts.picture) warnings.push(`Row ${line}: picture ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' …' : ''} is not in the upload.`);
        break;
      }
      case 'imageUrl':
        // A main-image address (商品主图) is kept as the product's link when it has none; never downloaded.
        if (!f.link && /^https?:\/\//i.test(text)) f.link = text;
        break;
    }
  }

  let variants: BuiltProduct['variants'];
  if (VARIANT_FIELDS.some((v) => mapped.has(v))) {
    variants = [];
    const names = [first.get('option1Name'), first.get('option2Name'), first.get('option3Name')];
    for (const r of rows) {
      if (!VARIANT_FIELDS.some((v) => r.get(v) !== '')) continue; // e.g. Shopify's extra-image rows
      const values = [r.get('option1Value'), r.get('option2Value'), r.get('option3Value')];
      const options = values
        .map((value, i) => ({ name: opts.ours ? r.get(`option${i + 1}Name` as ImportField) : r.get(`option${i + 1}Name` as ImportField) || names[i] || `Option ${i + 1}`, value }))
        .filter((o) => o.value !== '');
      const livePriceText = r.get('variantLivePrice') || r.get('variantListPrice');
      if (!livePriceText) throw new RowError(r.line, 'variantLivePrice', 'the variant has no price');
      const livePrice = cell(r.line, 'variantLivePrice', livePriceText, (t) => parseMoney(t, currency));
      const listText = r.get('variantListPrice');
      const listPrice = listText ? cell(r.line, 'variantListPrice', listText, (t) => parseMoney(t, currency)) : livePrice;
      variants.push({
        line: r.line,
        sku: r.get('variantSku'),
        // Our own layout has the title column (maybe empty on purpose); Shopify has only options.
        title: mapped.has('variantTitle') ? r.get('variantTitle') : options.map((o) => o.value).join(' / '),
        options,
        // Shopify's compare-at price is the crossed-out one; a lower or equal one means none.
        // Other layouts (ours) keep the prices as written.
        listPrice: opts.shopify ? Math.max(listPrice, livePrice) : listPrice,
        livePrice,
        stock: r.get('variantStock') ? stockOf(r.line, 'variantStock', r.get('variantStock'), warnings) : null,
        barcode: r.get('variantBarcode'),
      });
    }
    const lone = variants.length === 1 ? variants[0]! : null;
    // Shopify writes a product without variants as one variant whose option is "Default Title".
    const isDefault = lone && (lone.options.length > 0 ? lone.options.every((o) => o.value === 'Default Title') : !lone.sku && !lone.title);
    if (lone && isDefault) {
      f.livePrice ??= lone.livePrice;
      f.listPrice ??= lone.listPrice;
      if (lone.stock !== null) f.stock ??= lone.stock;
      if (lone.barcode) f.barcode ??= lone.barcode;
      if (!f.sku && !mapped.has('sku') && lone.sku) f.sku = lone.sku;
      variants = [];
    }
  }

  const sku = first.get('sku') || f.sku || key;
  f.sku = sku;
  if (variants && variants.length > 0) {
    // A layout without product-level prices or stock (Shopify) takes them from the variants.
    const head = variants[0]!;
    if (!mapped.has('livePrice')) f.livePrice ??= head.livePrice;
    if (!mapped.has('listPrice')) f.listPrice ??= head.listPrice;
    if (!mapped.has('stock') && variants.some((v) => v.stock !== null)) f.stock = variants.reduce((n, v) => n + (v.stock ?? 0), 0);
    const used = new Set(variants.map((v) => v.sku).filter(Boolean));
    variants.forEach((v, i) => {
      if (v.sku) return;
      let n = i + 1;
      while (used.has(`${sku}-${n}`)) n += 1;
      v.sku = `${sku}-${n}`;
      used.add(v.sku);
      warnings.push(`Row ${v.line}: the variant has no SKU; it was named ${v.sku}.`);
    });
  }
  return { fields: f as BuiltProduct['fields'], variants, warnings };
}

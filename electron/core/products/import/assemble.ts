import { z } from 'zod';
import {
  ProductFields,
  ProductUpdateInput,
  skuKey,
  type ImportField,
  type ProductVariant,
  type RefusedRow,
} from '../../../contract';
import { compileObject } from './fast-validate';
import type { TableRow } from '../../spreadsheet';
import { buildProduct, ColumnPlan, readRow, RowError, VARIANT_FIELDS, type GroupRow } from './product-row';

/** What the writer needs per product: a full record to insert, or a patch to apply. */
export type ImportItem = {
  line: number;
  sku: string;
  /** skuKey(sku), worked out once per product (the writer stores it unless cleaning changed the SKU). */
  key: string;
  variants?: ProductVariant[];
} & ({ action: 'create'; fields: ProductFields } | { action: 'update'; id: string; patch: Partial<ProductFields> });

export interface AssembleContext {
  header: string[];
  mapping: (ImportField | null)[];
  /** CSV rows must have as many cells as the header; XLSX drops trailing empty cells. */
  strictWidth: boolean;
  currency: string;
  /** Existing products by SKU (their platform ids, to add the file's to). */
  existing: (sku: string, key: string) => { id: string; currency: string; platformIds?: Record<string, string> } | undefined;
  /** Where the file's item ids (platformId) are kept. */
  platform: string;
  /** The file's layout (Shopify's compare-at rule applies to Shopify's). */
  layout?: string;
  /** A picture named in 新图片 → its media hash (null: not in the upload); absent without pictures. */
  picture?: (name: string) => string | null;
  /** Owner product id of each variant SKU already in the catalog. */
  variantOwners: (skus: string[]) => Map<string, string>;
  mediaExists: (hash: string) => boolean;
}

const Patch = ProductUpdateInput.omit({ id: true });
const fastCreate = compileObject(ProductFields);
const fastPatch = compileObject(Patch);

/** The fast check, or zod itself (for its exact message) when the fast one says no. */
function parse<S extends z.ZodType>(schema: S, value: Record<string, unknown>, at: { line: number; variants?: { line: number }[] }): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodRowError(parsed.error, value, at.line, at.variants?.map((v) => v.line) ?? []);
  return parsed.data;
}

/**
 * Rows → products to write, and every row refused with its number and reason. Rows group by
 * Handle (Shopify) or SKU; a refused product refuses all of its rows, so nothing half-imports.
 *
 * Fed a batch of rows at a time, so an import can write the first products while the rest of the
 * file is still being read: a sheet without Handle or variant columns has a product per row and
 * each comes out of `push` at once; a grouped sheet (Shopify) gathers its rows and hands its
 * products out from `finish`, when every group is complete.
 */
export class Assembler {
  readonly refused: RefusedRow[] = [];
  readonly warnings: string[] = [];
  variants = 0;
  created = 0;
  updated = 0;
  private readonly columns = new Map<ImportField, number>();
  private readonly plan: ColumnPlan;
  private readonly keyField: ImportField;
  private readonly flat: boolean;
  private readonly groups = new Map<string, GroupRow[]>();
  private readonly seenSku = new Map<string, number>();
  /** Variant SKU → the product SKU that has it in this file. */
  private readonly seenVariant = new Map<string, string>();
  /** The commission column says (%) in its header: its plain numbers are percentages. */
  private readonly ratePercent: boolean;

  constructor(private readonly ctx: AssembleContext) {
    ctx.mapping.forEach((f, i) => f && !this.columns.has(f) && this.columns.set(f, i));
    this.plan = new ColumnPlan([...this.columns]);
    // Without a SKU column the platform's item id is the key (an affiliate list has no SKU).
    this.keyField = this.columns.has('handle') ? 'handle' : this.columns.has('sku') || !this.columns.has('platformId') ? 'sku' : 'platformId';
    // Without Handle or variant columns every row is a product of its own: take it at once (a
    // repeated SKU is then refused, not merged). Otherwise rows gather under their key first.
    this.flat = this.keyField !== 'handle' && !VARIANT_FIELDS.some((f) => this.plan.mapped.has(f));
    const rate = this.columns.get('commissionRate');
    this.ratePercent = rate !== undefined && /[%％]/.test(ctx.header[rate] ?? '');
  }

  /** Reads a batch of rows; returns the products complete so far. */
  push(rows: TableRow[]): ImportItem[] {
    const out: ImportItem[] = [];
    const { ctx, plan, keyField } = this;
    const width = ctx.header.length;
    for (let i = 0; i < rows.length; i += 1) {
      const { line, cells } = rows[i]!;
      if (cells.length < width ? ctx.strictWidth : cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
        this.refused.push({ row: line, reason: `has ${cells.length} cells but the header has ${width}: a cut-off row or a stray delimiter` });
        continue;
      }
      const row = readRow(line, cells, plan);
      // A row without its SKU (淘宝助理's 商家编码 left empty) is keyed by the item id (数字ID).
      const key = row.get(keyField) || (keyField === 'sku' ? row.get('platformId') : '');
      if (!key) {
        this.refused.push({ row: line, field: this.label(keyField), reason: `${this.label(keyField)} is empty` });
        continue;
      }
      if (this.flat) {
        this.take(key, [row], out);
        continue;
      }
      const list = this.groups.get(key);
      if (list) list.push(row);
      else this.groups.set(key, [row]);
    }
    return this.counted(out);
  }

  /** The grouped products, once every row has been read; sorts the refused rows. */
  finish(): ImportItem[] {
    const out: ImportItem[] = [];
    for (const [key, rows] of this.groups) this.take(key, rows, out);
    this.groups.clear();
    const items = this.counted(out);
    this.refused.sort((a, b) => a.row - b.row);
    return items;
  }

  private label(field: string | undefined): string | undefined {
    const i = field ? this.columns.get(field as ImportField) : undefined;
    return i === undefined ? field : `${this.ctx.header[i]}`;
  }

  private refuseGroup(rows: GroupRow[], sku: string | undefined, at: RowError): void {
    this.refused.push({ row: at.line, sku, field: this.label(at.field), reason: at.message });
    for (const r of rows) {
      if (r.line !== at.line) this.refused.push({ row: r.line, sku, reason: `belongs to a product refused at row ${at.line}` });
    }
  }

  private take(key: string, rows: GroupRow[], out: ImportItem[]): void {
    const { ctx } = this;
    const line = rows[0]!.line;
    const given = rows[0]!.get('sku') || key;
    let sku: string | undefined = given;
    try {
      // skuKey once per product: it runs for every row of a 100,000-row file.
      const givenKey = skuKey(given);
      const found = ctx.existing(given, givenKey);
      const built = buildProduct(rows, key, {
        plan: this.plan,
        currency: found?.currency ?? ctx.currency,
        mediaExists: ctx.mediaExists,
        platform: ctx.platform,
        ratePercent: this.ratePercent,
        picture: ctx.picture,
        shopify: ctx.layout === 'shopify',
        ours: ctx.layout === 'cuecart',
      });
      sku = built.fields.sku;
      const skuKeyed = sku === given ? givenKey : skuKey(sku);
      if (built.warnings.length > 0) this.warnings.push(...built.warnings);
      // Compared as every door compares SKUs (skuKey): ＯＫ１ again after OK1 is the same SKU again.
      const dup = this.seenSku.get(skuKeyed);
      if (dup !== undefined) throw new RowError(line, 'sku', `SKU ${sku} appears again (first at row ${dup})`);
      this.seenSku.set(skuKeyed, line);
      const existing = sku === given ? found : ctx.existing(sku, skuKeyed);
      const candidate: Record<string, unknown> & Partial<ProductFields> = built.fields;
      if (built.variants) candidate.variants = built.variants.map(({ line: _l, ...v }) => v);
      if (existing) {
        // One platform's id from this file joins the ids the product has on other platforms.
        if (candidate.platformIds && this.plan.mapped.has('platformId') && !this.plan.mapped.has('platformIds')) {
          candidate.platformIds = { ...existing.platformIds, ...candidate.platformIds };
        }
        const patch = fastPatch(candidate) ?? parse(Patch, candidate, { line, variants: built.variants });
        // Matched by the SKU's key: the product keeps the SKU it has (the file may spell it ＯＫ１).
        delete patch.sku;
        out.push({ action: 'update', id: existing.id, line, sku, key: skuKeyed, patch, variants: patch.variants });
      } else {
        // A sheet with one price column: list price and live price start out the same.
        candidate.livePrice ??= candidate.listPrice;
        candidate.listPrice ??= candidate.livePrice;
        candidate.currency ??= ctx.currency;
        const fields = fastCreate(candidate) ?? parse(ProductFields, candidate, { line, variants: built.variants });
        out.push({ action: 'create', line, sku, key: skuKeyed, fields, variants: built.variants ? fields.variants : undefined });
      }
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      this.refuseGroup(rows, sku, error);
    }
  }

  /**
   * Variant SKUs are unique across the catalog: not repeated in the file (the first product to
   * use one keeps it), not owned by another product already. Then the items are counted.
   */
  private counted(items: ImportItem[]): ImportItem[] {
    let kept = items;
    if (items.some((it) => it.variants !== undefined)) {
      const all = items.flatMap((it) => it.variants?.map((v) => v.sku) ?? []);
      const owners = all.length > 0 ? this.ctx.variantOwners(all) : new Map<string, string>();
      const seen = this.seenVariant;
      kept = [];
      for (const it of items) {
        const ownId = it.action === 'update' ? it.id : null;
        const clash = it.variants?.find((v) => {
          const owner = owners.get(v.sku);
          const key = skuKey(v.sku);
          return (owner !== undefined && owner !== ownId) || (seen.has(key) && seen.get(key) !== it.sku);
        });
        if (clash) {
          const other = seen.get(skuKey(clash.sku));
          this.refused.push({
            row: it.line,
            sku: it.sku,
            field: 'variantSku',
            reason: other ? `variant SKU ${clash.sku} is also a variant of ${other} in this file` : `variant SKU ${clash.sku} already belongs to another product`,
          });
          continue;
        }
        for (const v of it.variants ?? []) seen.set(skuKey(v.sku), it.sku);
        this.variants += it.variants?.length ?? 0;
        kept.push(it);
      }
    }
    for (const it of kept) {
      if (it.action === 'create') this.created += 1;
      else this.updated += 1;
    }
    return kept;
  }
}

function zodRowError(error: z.ZodError, candidate: Record<string, unknown>, line: number, variantLines: number[]): RowError {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const row = path[0] === 'variants' && path[1] !== undefined ? (variantLines[Number(path[1])] ?? line) : line;
  let value: unknown = candidate;
  for (const p of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined;
  const field = path[0] === 'variants' ? `variant ${path.slice(2).join('.')}` : path.join('.');
  const reason = value === undefined ? `${field} is required${path[0] === 'title' ? ' for a new product' : ''}` : `${field}: ${issue.message}`;
  return new RowError(row, path[0] === 'variants' ? undefined : path[0], reason);
}

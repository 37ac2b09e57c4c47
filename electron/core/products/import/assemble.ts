import { z } from 'zod';
import {
  ProductFields,
  ProductUpdateInput,
  type ImportField,
  type ProductVariant,
  type RefusedRow,
} from '../../../contract';
import { compileObject } from './fast-validate';
import type { Progress, Table } from './limits';
import { buildProduct, ColumnPlan, readRow, RowError, VARIANT_FIELDS, type GroupRow } from './product-row';

/** What the writer needs per product: a full record to insert, or a patch to apply. */
export type ImportItem = {
  line: number;
  sku: string;
  variants?: ProductVariant[];
} & ({ action: 'create'; fields: ProductFields } | { action: 'update'; id: string; patch: Partial<ProductFields> });

export interface Assembled {
  items: ImportItem[];
  refused: RefusedRow[];
  warnings: string[];
  variants: number;
}

export interface AssembleContext {
  header: string[];
  mapping: (ImportField | null)[];
  /** CSV rows must have as many cells as the header; XLSX drops trailing empty cells. */
  strictWidth: boolean;
  currency: string;
  /** Existing products by SKU. */
  existing: (sku: string) => { id: string; currency: string } | undefined;
  /** Owner product id of each variant SKU already in the catalog. */
  variantOwners: (skus: string[]) => Map<string, string>;
  mediaExists: (hash: string) => boolean;
  progress: Progress;
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
 */
export async function assemble(table: Table, ctx: AssembleContext): Promise<Assembled> {
  const columns = new Map<ImportField, number>();
  ctx.mapping.forEach((f, i) => f && !columns.has(f) && columns.set(f, i));
  const plan = new ColumnPlan([...columns]);
  const mapped = plan.mapped;
  const keyField: ImportField = columns.has('handle') ? 'handle' : 'sku';
  const refused: RefusedRow[] = [];
  const warnings: string[] = [];
  const label = (field: string | undefined) => {
    const i = field ? columns.get(field as ImportField) : undefined;
    return i === undefined ? field : `${ctx.header[i]}`;
  };

  const items: ImportItem[] = [];
  const seenSku = new Map<string, number>();
  const refuseGroup = (rows: GroupRow[], sku: string | undefined, at: RowError) => {
    refused.push({ row: at.line, sku, field: label(at.field), reason: at.message });
    for (const r of rows) {
      if (r.line !== at.line) refused.push({ row: r.line, sku, reason: `belongs to a product refused at row ${at.line}` });
    }
  };
  const take = (key: string, rows: GroupRow[]) => {
    const line = rows[0]!.line;
    let sku: string | undefined = rows[0]!.get('sku') || key;
    try {
      const built = buildProduct(rows, key, { plan, currency: ctx.existing(sku)?.currency ?? ctx.currency, mediaExists: ctx.mediaExists });
      sku = built.fields.sku;
      if (built.warnings.length > 0) warnings.push(...built.warnings);
      const dup = seenSku.get(sku);
      if (dup !== undefined) throw new RowError(line, 'sku', `SKU ${sku} appears again (first at row ${dup})`);
      seenSku.set(sku, line);
      const existing = ctx.existing(sku);
      const candidate: Record<string, unknown> & Partial<ProductFields> = built.fields;
      if (built.variants) candidate.variants = built.variants.map(({ line: _l, ...v }) => v);
      if (existing) {
        const patch = fastPatch(candidate) ?? parse(Patch, candidate, { line, variants: built.variants });
        items.push({ action: 'update', id: existing.id, line, sku, patch, variants: patch.variants });
      } else {
        // A sheet with one price column: list price and live price start out the same.
        candidate.livePrice ??= candidate.listPrice;
        candidate.listPrice ??= candidate.livePrice;
        candidate.currency ??= ctx.currency;
        const fields = fastCreate(candidate) ?? parse(ProductFields, candidate, { line, variants: built.variants });
        items.push({ action: 'create', line, sku, fields, variants: built.variants ? fields.variants : undefined });
      }
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      refuseGroup(rows, sku, error);
    }
  };

  // Without Handle or variant columns every row is a product of its own: take it at once (a
  // repeated SKU is then refused, not merged). Otherwise rows gather under their key first.
  const flat = keyField === 'sku' && !VARIANT_FIELDS.some((f) => mapped.has(f));
  const groups = new Map<string, GroupRow[]>();
  const width = ctx.header.length;
  for (let i = 0; i < table.rows.length; i += 1) {
    if (i % 5000 === 4999) await ctx.progress.step('check', i, table.rows.length);
    const { line, cells } = table.rows[i]!;
    if (cells.length < width ? ctx.strictWidth : cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
      refused.push({ row: line, reason: `has ${cells.length} cells but the header has ${width}: a cut-off row or a stray delimiter` });
      continue;
    }
    const row = readRow(line, cells, plan);
    const key = row.get(keyField);
    if (!key) {
      refused.push({ row: line, field: label(keyField), reason: `${label(keyField)} is empty` });
      continue;
    }
    if (flat) {
      take(key, [row]);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  for (const [key, rows] of groups) take(key, rows);
  return { ...checkVariantSkus(items, ctx, refused), refused, warnings };
}

/** Variant SKUs are unique across the catalog: not repeated in the file, not owned elsewhere. */
function checkVariantSkus(items: ImportItem[], ctx: AssembleContext, refused: RefusedRow[]): { items: ImportItem[]; variants: number } {
  if (!items.some((it) => it.variants !== undefined)) {
    refused.sort((a, b) => a.row - b.row);
    return { items, variants: 0 };
  }
  const all = items.flatMap((it) => it.variants?.map((v) => v.sku) ?? []);
  const owners = all.length > 0 ? ctx.variantOwners(all) : new Map<string, string>();
  const seen = new Map<string, string>();
  const kept: ImportItem[] = [];
  let variants = 0;
  for (const it of items) {
    const ownId = it.action === 'update' ? it.id : null;
    const clash = it.variants?.find((v) => {
      const owner = owners.get(v.sku);
      return (owner !== undefined && owner !== ownId) || (seen.has(v.sku) && seen.get(v.sku) !== it.sku);
    });
    if (clash) {
      const other = seen.get(clash.sku);
      refused.push({
        row: it.line,
        sku: it.sku,
        field: 'variantSku',
        reason: other ? `variant SKU ${clash.sku} is also a variant of ${other} in this file` : `variant SKU ${clash.sku} already belongs to another product`,
      });
      continue;
    }
    for (const v of it.variants ?? []) seen.set(v.sku, it.sku);
    variants += it.variants?.length ?? 0;
    kept.push(it);
  }
  refused.sort((a, b) => a.row - b.row);
  return { items: kept, variants };
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

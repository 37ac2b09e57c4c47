// Product mix and warnings of a plan. Pure TypeScript over plain objects, so the editor runs it
// live on every edit and the core returns the same answer from the control API.
import type { Cue } from './cues';
import type { ProductRole } from './products';

/** The product facts the checks need (a Product fits). */
export interface ProductFacts {
  id: string;
  title: string;
  role: ProductRole;
  listPrice: number;
  livePrice: number;
  floorPrice: number | null;
  stock: number | null;
  archived: boolean;
}

export const PLAN_WARNING_CODES = [
  'no_duration',
  'no_product',
  'product_missing',
  'product_archived',
  'out_of_stock',
  'stock_short',
  'price_above_list',
  'price_below_floor',
  'repeat_product',
] as const;
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

export interface PlanWarning {
  code: PlanWarningCode;
  cueId: string;
  productId: string | null;
  /** Numbers for the message (prices in minor units, stock counts). */
  values: Record<string, number>;
}

export const MIX_ROLES = ['hero', 'traffic', 'perk', 'profit', 'regular', 'none'] as const;
export type MixRole = (typeof MIX_ROLES)[number];

export interface MixRow {
  /** The product's role; `none` = cues without a product (talk, interaction, breaks). */
  role: MixRole;
  cues: number;
  /** Distinct products. */
  products: number;
  durationMs: number;
  /** Of the whole planned rundown, 0..1. */
  share: number;
}

export interface PlanAnalysis {
  mix: MixRow[];
  warnings: PlanWarning[];
}

/** The price a product cue sells at on this show, or null when the cue sets none. */
export function cuePrice(cue: Cue, product: ProductFacts | undefined): number | null {
  if (cue.kind === 'pitch') return cue.livePrice ?? product?.livePrice ?? null;
  if (cue.kind === 'flash_sale') return cue.price ?? product?.livePrice ?? null;
  return null;
}

const SELLS = new Set<Cue['kind']>(['pitch', 'flash_sale']);

/** Warnings for one cue in its place (the cue before it decides "same product twice"). */
function cueWarnings(cue: Cue, prev: Cue | undefined, product: ProductFacts | undefined): PlanWarning[] {
  const out: PlanWarning[] = [];
  const add = (code: PlanWarningCode, values: Record<string, number> = {}) =>
    out.push({ code, cueId: cue.id, productId: cue.productId, values });
  if (cue.durationMs <= 0) add('no_duration');
  if (SELLS.has(cue.kind) && !cue.productId) add('no_product');
  if (cue.productId && !product) add('product_missing');
  if (product) {
    if (product.archived) add('product_archived');
    if (product.stock === 0 && SELLS.has(cue.kind)) add('out_of_stock');
    const release = cue.kind === 'pitch' ? cue.stock : cue.kind === 'flash_sale' ? cue.quantity : null;
    if (release !== null && product.stock !== null && product.stock > 0 && release > product.stock) {
      add('stock_short', { release, stock: product.stock });
    }
    const price = cuePrice(cue, product);
    if (price !== null && price > product.listPrice) add('price_above_list', { price, listPrice: product.listPrice });
    if (price !== null && product.floorPrice !== null && price < product.floorPrice) {
      add('price_below_floor', { price, floorPrice: product.floorPrice });
    }
  }
  if (cue.productId && prev?.productId === cue.productId) add('repeat_product');
  return out;
}

/** Mix by product role and every warning, in rundown order. */
export function analyzePlan(cues: readonly Cue[], product: (id: string) => ProductFacts | undefined): PlanAnalysis {
  const rows = new Map<MixRole, { cues: number; products: Set<string>; durationMs: number }>();
  for (const role of MIX_ROLES) rows.set(role, { cues: 0, products: new Set(), durationMs: 0 });
  const warnings: PlanWarning[] = [];
  let total = 0;
  cues.forEach((cue, i) => {
    const facts = cue.productId ? product(cue.productId) : undefined;
    warnings.push(...cueWarnings(cue, cues[i - 1], facts));
    const row = rows.get(facts ? facts.role : 'none')!;
    row.cues += 1;
    row.durationMs += cue.durationMs;
    if (facts) row.products.add(facts.id);
    total += cue.durationMs;
  });
  const mix = MIX_ROLES.map((role) => {
    const r = rows.get(role)!;
    return { role, cues: r.cues, products: r.products.size, durationMs: r.durationMs, share: total > 0 ? r.durationMs / total : 0 };
  });
  return { mix, warnings };
}

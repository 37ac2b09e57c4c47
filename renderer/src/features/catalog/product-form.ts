import { ProductCreateInput, ProductFields, type Platform, type Product, type ProductDraft, type ProductRole } from '../../../../electron/contract';
import { issueMessage, type Issue } from '../../lib/errors';
import type { TFunction } from 'i18next';
import { variantDraft, variantValues, type VariantFormValues } from './drawer/variant-form';
import { fromMinor, toMinor } from '../../lib/money';

/**
 * The product form edits prices as decimals in major units and selling points as lines; the
 * contract wants minor units and a list. These convert both ways, and validation runs the
 * contract's own schema on the converted draft, so the form and every door agree.
 */
export interface ProductFormValues {
  sku: string;
  title: string;
  shortTitle: string;
  brand: string;
  category: string;
  tags: string[];
  listPrice: number | null;
  livePrice: number | null;
  floorPrice: number | null;
  currency: string;
  stock: number | null;
  limitPerBuyer: number | null;
  role: ProductRole;
  sellingPoints: string;
  talkingPoints: string;
  link: string;
  notes: string;
  archived: boolean;
  barcode: string;
  /** Media hashes; the first is the primary image. */
  images: string[];
  faq: { q: string; a: string }[];
  variants: VariantFormValues[];
  /** Commission as a percentage (20.5), not basis points. */
  commissionRate: number | null;
  couponAmount: number | null;
  priceAfterCoupon: number | null;
  shopName: string;
  platformIds: { platform?: Platform; id?: string }[];
  costPrice: number | null;
  monthlySales: number | null;
}

/** Basis points ⇄ the percentage people type (2050 ⇄ 20.5), exactly to the basis point. */
export const percentFromBp = (bp: number | null | undefined) => (bp === null || bp === undefined ? null : bp / 100);
export const bpFromPercent = (pct: number | null | undefined) => (pct === null || pct === undefined ? null : Math.round(pct * 100));

/** The form edits every product field: the contract's list, so a new field cannot be missed here. */
export const FORM_FIELDS = Object.keys(ProductFields.shape) as (keyof ProductFields & keyof ProductFormValues)[];

export const EMPTY_PRODUCT: ProductFormValues = {
  sku: '',
  title: '',
  shortTitle: '',
  brand: '',
  category: '',
  tags: [],
  listPrice: null,
  livePrice: null,
  floorPrice: null,
  currency: 'CNY',
  stock: null,
  limitPerBuyer: null,
  role: 'regular',
  sellingPoints: '',
  talkingPoints: '',
  link: '',
  notes: '',
  archived: false,
  barcode: '',
  images: [],
  faq: [],
  variants: [],
  commissionRate: null,
  couponAmount: null,
  priceAfterCoupon: null,
  shopName: '',
  platformIds: [],
  costPrice: null,
  monthlySales: null,
};

export function valuesFromProduct(p: Product): ProductFormValues {
  return {
    sku: p.sku,
    title: p.title,
    shortTitle: p.shortTitle,
    brand: p.brand,
    category: p.category,
    tags: p.tags,
    listPrice: fromMinor(p.listPrice, p.currency),
    livePrice: fromMinor(p.livePrice, p.currency),
    floorPrice: fromMinor(p.floorPrice, p.currency),
    currency: p.currency,
    stock: p.stock,
    limitPerBuyer: p.limitPerBuyer,
    role: p.role,
    sellingPoints: p.sellingPoints.join('\n'),
    talkingPoints: p.talkingPoints,
    link: p.link,
    notes: p.notes,
    archived: p.archived,
    barcode: p.barcode,
    images: p.images,
    faq: p.faq,
    variants: p.variants.map((v) => variantValues(v, p.currency)),
    commissionRate: percentFromBp(p.commissionRate),
    couponAmount: fromMinor(p.couponAmount, p.currency),
    priceAfterCoupon: fromMinor(p.priceAfterCoupon, p.currency),
    shopName: p.shopName,
    platformIds: Object.entries(p.platformIds).map(([platform, id]) => ({ platform: platform as Platform, id })),
    costPrice: fromMinor(p.costPrice, p.currency),
    monthlySales: p.monthlySales,
  };
}

const text = (v: string | null | undefined) => (v ?? '').trim();
const count = (v: number | null | undefined) => (v === undefined || v === null ? null : v);

/** Form values → a contract draft (minor units, trimmed lines); missing prices stay null so zod reports them. */
export function draftFromValues(v: Partial<ProductFormValues>): ProductDraft {
  const currency = text(v.currency).toUpperCase() || 'CNY';
  return {
    sku: text(v.sku),
    title: text(v.title),
    shortTitle: text(v.shortTitle),
    brand: text(v.brand),
    category: text(v.category),
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    listPrice: toMinor(v.listPrice, currency) as number,
    livePrice: toMinor(v.livePrice, currency) as number,
    floorPrice: toMinor(v.floorPrice, currency),
    currency,
    stock: count(v.stock),
    limitPerBuyer: count(v.limitPerBuyer),
    role: v.role ?? 'regular',
    sellingPoints: (v.sellingPoints ?? '').split('\n').map((line) => line.trim()).filter(Boolean),
    talkingPoints: v.talkingPoints ?? '',
    link: text(v.link),
    notes: v.notes ?? '',
    archived: v.archived ?? false,
    barcode: text(v.barcode),
    images: v.images ?? [],
    faq: (v.faq ?? []).map((f) => ({ q: text(f?.q), a: (f?.a ?? '').trim() })),
    variants: (v.variants ?? []).map((variant) => variantDraft(variant ?? {}, currency)),
    commissionRate: bpFromPercent(v.commissionRate),
    couponAmount: toMinor(v.couponAmount, currency),
    priceAfterCoupon: toMinor(v.priceAfterCoupon, currency),
    shopName: text(v.shopName),
    platformIds: Object.fromEntries((v.platformIds ?? []).filter((e) => e?.platform && text(e.id)).map((e) => [e.platform, text(e.id)])),
    costPrice: toMinor(v.costPrice, currency),
    monthlySales: count(v.monthlySales),
  };
}

export type Validation = { ok: true; draft: ProductDraft } | { ok: false; issues: Issue[] };

/** The contract's `ProductCreateInput.safeParse`, on exactly what would be sent. */
export function validateProduct(values: Partial<ProductFormValues>): Validation {
  const draft = draftFromValues(values);
  const result = ProductCreateInput.safeParse(draft);
  if (result.success) return { ok: true, draft };
  return { ok: false, issues: result.error.issues as unknown as Issue[] };
}

/** Only the form's own fields, for a patch. */
export function patchFromDraft(draft: ProductDraft): Partial<ProductDraft> {
  const patch: Record<string, unknown> = {};
  for (const key of FORM_FIELDS) patch[key] = draft[key];
  return patch as Partial<ProductDraft>;
}

/** Where an issue shows in the form: `variants.2.sku` under that variant's SKU input, else the field. */
export function issueFormName(issue: Issue): (string | number)[] {
  const [head, index, sub] = issue.path;
  if ((head === 'variants' || head === 'faq') && typeof index === 'number' && typeof sub === 'string') return [head, index, sub];
  return [String(head ?? '')];
}

/** Issues → form field names with their localized messages (for `form.setFields`). */
export function formErrors(issues: Issue[], t: TFunction): { name: (string | number)[]; errors: string[] }[] {
  const out = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const name = issueFormName(issue);
    const entry = out.get(name.join('.')) ?? { name, errors: [] };
    const message = issueMessage(issue, t);
    if (!entry.errors.includes(message)) entry.errors.push(message);
    out.set(name.join('.'), entry);
  }
  return [...out.values()];
}

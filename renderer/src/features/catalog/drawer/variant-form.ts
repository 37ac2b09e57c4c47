import type { ProductVariant } from '../../../../../electron/contract';

type VariantOption = ProductVariant['options'][number];
import { fromMinor, toMinor } from '../../../lib/money';

/** A variant as the drawer edits it: prices in major units, options as one line of text. */
export interface VariantFormValues {
  sku: string;
  title: string;
  /** `颜色: 红; 尺码: M` (up to three `name: value` pairs). */
  options: string;
  listPrice: number | null;
  livePrice: number | null;
  stock: number | null;
  barcode: string;
}

export const EMPTY_VARIANT: VariantFormValues = { sku: '', title: '', options: '', listPrice: null, livePrice: null, stock: null, barcode: '' };

export function formatOptions(options: VariantOption[]): string {
  return options.map((o) => (o.name ? `${o.name}: ${o.value}` : o.value)).join('; ');
}

/** `颜色：红；尺码: M` → [{颜色, 红}, {尺码, M}]; a part without a colon is a value without a name. */
export function parseOptions(text: string): VariantOption[] {
  return text
    .split(/[;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.search(/[:：=]/);
      return at < 0 ? { name: '', value: part } : { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
    });
}

export function variantValues(v: ProductVariant, currency: string): VariantFormValues {
  return {
    sku: v.sku,
    title: v.title,
    options: formatOptions(v.options),
    listPrice: fromMinor(v.listPrice, currency),
    livePrice: fromMinor(v.livePrice, currency),
    stock: v.stock,
    barcode: v.barcode,
  };
}

/** Form values → the contract's variant (missing prices stay null so the schema names them). */
export function variantDraft(v: Partial<VariantFormValues>, currency: string) {
  return {
    sku: (v.sku ?? '').trim(),
    title: (v.title ?? '').trim(),
    options: parseOptions(v.options ?? ''),
    listPrice: toMinor(v.listPrice, currency) as number,
    livePrice: toMinor(v.livePrice, currency) as number,
    stock: v.stock ?? null,
    barcode: (v.barcode ?? '').trim(),
  };
}

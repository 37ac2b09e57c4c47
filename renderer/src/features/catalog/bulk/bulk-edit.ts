import type { Product, ProductRole, ProductUpdateInput } from '../../../../../electron/contract';

/** What the bulk editor changes; anything left undefined/empty stays as it is. */
export interface BulkChange {
  role?: ProductRole;
  addTags: string[];
  removeTags: string[];
  /** Live price := this % of the list price (product and variants), rounded to a minor unit. */
  livePricePercent?: number | null;
}

export function isEmptyChange(c: BulkChange): boolean {
  return !c.role && c.addTags.length === 0 && c.removeTags.length === 0 && (c.livePricePercent === undefined || c.livePricePercent === null);
}

const pct = (minor: number, percent: number) => Math.round((minor * percent) / 100);

/** The patch for one product, or null when nothing would change. */
export function bulkPatch(p: Product, c: BulkChange): ProductUpdateInput | null {
  const patch: ProductUpdateInput = { id: p.id };
  if (c.role && c.role !== p.role) patch.role = c.role;
  if (c.addTags.length > 0 || c.removeTags.length > 0) {
    const remove = new Set(c.removeTags.map((tag) => tag.toLowerCase()));
    const tags = p.tags.filter((tag) => !remove.has(tag.toLowerCase()));
    for (const tag of c.addTags) if (!tags.some((x) => x.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    if (tags.join('\n') !== p.tags.join('\n')) patch.tags = tags;
  }
  if (c.livePricePercent !== undefined && c.livePricePercent !== null) {
    const live = pct(p.listPrice, c.livePricePercent);
    if (live !== p.livePrice) patch.livePrice = live;
    const variants = p.variants.map((v) => ({ ...v, livePrice: pct(v.listPrice, c.livePricePercent!) }));
    if (variants.some((v, i) => v.livePrice !== p.variants[i]!.livePrice)) patch.variants = variants;
  }
  return Object.keys(patch).length > 1 ? patch : null;
}

export interface BulkOutcome {
  changed: number;
  unchanged: number;
  failed: { sku: string; error: unknown }[];
}

/**
 * Apply a change to products one call each (a few at a time), re-reading each product first so
 * tags edited elsewhere meanwhile are kept. `onStep` reports how many are done.
 */
export async function runBulk(
  ids: string[],
  change: BulkChange,
  io: { get(id: string): Promise<Product>; update(patch: ProductUpdateInput): Promise<unknown> },
  onStep: (done: number) => void,
  parallel = 4,
): Promise<BulkOutcome> {
  const out: BulkOutcome = { changed: 0, unchanged: 0, failed: [] };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      let sku = id;
      try {
        const p = await io.get(id);
        sku = p.sku;
        const patch = bulkPatch(p, change);
        if (patch) {
          await io.update(patch);
          out.changed += 1;
        } else out.unchanged += 1;
      } catch (error) {
        out.failed.push({ sku, error });
      }
      onStep(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
  return out;
}

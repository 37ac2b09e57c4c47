import type { LiveSnapshot, Product, RunCue } from '../../../../../electron/contract';

// What the cockpit shows for a cue's product: the same precedence as the core (live change,
// then the cue's plan, then the catalog). Pure, unit-tested.

export interface Offer {
  livePrice: number | null;
  listPrice: number | null;
  stock: number | null;
  soldOut: boolean;
  mechanism: string;
  perk: string;
  currency: string;
}

export function offerOf(cue: RunCue | undefined, product: Product | undefined, snapshot: Pick<LiveSnapshot, 'overrides'>): Offer {
  const planned =
    cue?.kind === 'pitch'
      ? { livePrice: cue.livePrice, stock: cue.stock, mechanism: cue.mechanism, perk: cue.perk }
      : cue?.kind === 'flash_sale'
        ? { livePrice: cue.price, stock: cue.quantity, mechanism: cue.mechanism, perk: '' }
        : { livePrice: null, stock: null, mechanism: '', perk: '' };
  const override = product ? snapshot.overrides[product.id] : undefined;
  const livePrice = override?.livePrice !== undefined ? override.livePrice : (planned.livePrice ?? product?.livePrice ?? null);
  const stock = override?.stock !== undefined ? override.stock : (planned.stock ?? product?.stock ?? null);
  return {
    livePrice,
    listPrice: product?.listPrice ?? null,
    stock,
    soldOut: override?.soldOut ?? stock === 0,
    mechanism: planned.mechanism,
    perk: planned.perk,
    currency: product?.currency ?? 'CNY',
  };
}

/** Checklist items to show at the current cue: its own, then unticked ones of cues already left (reminders). */
export function checklistAt(
  cueId: string | null,
  byId: Map<string, RunCue>,
  snapshot: Pick<LiveSnapshot, 'checklist' | 'fired'>,
): { cueId: string; index: number; item: string; done: boolean; carried: boolean }[] {
  const out: { cueId: string; index: number; item: string; done: boolean; carried: boolean }[] = [];
  const own = cueId ? byId.get(cueId) : undefined;
  if (own) {
    const ticked = new Set(snapshot.checklist[own.id] ?? []);
    own.checklist.forEach((item, index) => out.push({ cueId: own.id, index, item, done: ticked.has(index), carried: false }));
  }
  // Cues fired before, oldest first: what is still unticked follows as a reminder.
  const earlier = Object.entries(snapshot.fired)
    .filter(([id]) => id !== cueId)
    .sort((a, b) => a[1].firstAt - b[1].firstAt);
  for (const [id] of earlier) {
    const cue = byId.get(id);
    if (!cue) continue;
    const ticked = new Set(snapshot.checklist[id] ?? []);
    cue.checklist.forEach((item, index) => {
      if (!ticked.has(index)) out.push({ cueId: id, index, item, done: false, carried: true });
    });
  }
  return out;
}

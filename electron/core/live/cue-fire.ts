import { moneyText } from '../../contract/overlay-format';
import type { OverlayKind, OverlayShowInput, Product, ProductOverride, RunCue } from '../../contract';
import type { ObsAction, SwitchMode } from '../obs';

/** What firing a cue does to the overlays, in the cue's order. */
export type OverlayOp = { op: 'show'; input: OverlayShowInput } | { op: 'hide'; kind: OverlayKind };

/** The cue's own price, stock, mechanism and perk (a pitch's or a flash sale's), before live changes. */
export function cueOffer(cue: RunCue): { livePrice: number | null; stock: number | null; mechanism: string; perk: string } {
  switch (cue.kind) {
    case 'pitch':
      return { livePrice: cue.livePrice, stock: cue.stock, mechanism: cue.mechanism, perk: cue.perk };
    case 'flash_sale':
      return { livePrice: cue.price, stock: cue.quantity, mechanism: cue.mechanism, perk: '' };
    default:
      return { livePrice: null, stock: null, mechanism: '', perk: '' };
  }
}

/** The price and stock on air for a product in this cue: live changes win over the plan, the plan over the catalog. */
export function liveOffer(cue: RunCue | null, product: Product | null, override: ProductOverride | undefined) {
  const planned = cue ? cueOffer(cue) : { livePrice: null, stock: null, mechanism: '', perk: '' };
  const livePrice = override?.livePrice !== undefined ? override.livePrice : (planned.livePrice ?? product?.livePrice ?? null);
  const stock = override?.stock !== undefined ? override.stock : (planned.stock ?? product?.stock ?? null);
  return { ...planned, livePrice, stock, soldOut: override?.soldOut ?? (stock === 0 ? true : undefined) };
}

/**
 * The overlay changes of a cue. A card or sticker the cue shows is filled from the cue's product
 * with the cue's live price, stock, mechanism and perk (live changes first); content written in
 * the plan wins over what the cue derives. A countdown without a length takes the cue's.
 */
export function overlayOps(cue: RunCue, product: Product | null, override: ProductOverride | undefined): OverlayOp[] {
  const offer = liveOffer(cue, product, override);
  return cue.actions.overlays.map((action): OverlayOp => {
    if (action.op === 'hide') return { op: 'hide', kind: action.kind };
    const o = action.overlay;
    switch (o.kind) {
      case 'product-card':
      case 'price-sticker': {
        // The cue's offer applies to the cue's own product; a card of another product shows the catalog's.
        const productId = o.productId ?? cue.productId ?? undefined;
        const same = !o.productId || o.productId === cue.productId;
        const derived: Record<string, unknown> = {};
        if (same && offer.livePrice !== null) derived.livePrice = offer.livePrice;
        if (same && o.kind === 'product-card') {
          derived.stock = offer.stock;
          if (offer.soldOut !== undefined) derived.soldOut = offer.soldOut;
          if (offer.perk) derived.perk = offer.perk.slice(0, 60);
        }
        if (same && o.kind === 'price-sticker' && offer.mechanism) derived.mechanism = offer.mechanism.slice(0, 40);
        return { op: 'show', input: { ...o, ...(productId ? { productId } : {}), content: { ...derived, ...o.content } } as OverlayShowInput };
      }
      case 'countdown': {
        const content = { ...o.content };
        if (content.durationMs === undefined && content.endsAt === undefined) {
          const seconds = cue.kind === 'flash_sale' ? cue.seconds : cue.kind === 'giveaway' ? cue.countdownSec : Math.round(cue.durationMs / 1000);
          content.durationMs = Math.max(1000, seconds * 1000);
        }
        if (content.style === undefined && cue.kind === 'giveaway') content.style = 'giveaway';
        return { op: 'show', input: { ...o, content } };
      }
      case 'lower-third': {
        const hostId = cue.hostIds[0];
        const empty = !o.content || Object.keys(o.content).length === 0;
        return { op: 'show', input: empty && hostId ? { ...o, content: { hostId } } : o };
      }
      default:
        return { op: 'show', input: o };
    }
  });
}

/** `{price}`, `{title}`... in a cue's OBS text, filled from the cue and its product at the moment it fires. */
export function fillTemplate(text: string, cue: RunCue, product: Product | null, override: ProductOverride | undefined): string {
  if (!text.includes('{')) return text;
  const offer = liveOffer(cue, product, override);
  const currency = product?.currency ?? 'CNY';
  const values: Record<string, string> = {
    cue: cue.title,
    title: product?.title ?? '',
    short: product?.shortTitle || product?.title || '',
    sku: product?.sku ?? '',
    price: offer.livePrice === null ? '' : moneyText(offer.livePrice, currency),
    listPrice: product ? moneyText(product.listPrice, currency) : '',
    stock: offer.stock === null ? '' : String(offer.stock),
    mechanism: offer.mechanism,
    perk: offer.perk,
  };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The cue's OBS actions as one batch: scene first, then sources (in the cue's scene unless they
 * name another, or in the scene on air when the cue keeps the scene), then texts.
 */
export function obsActionsOf(
  cue: RunCue,
  product: Product | null,
  override: ProductOverride | undefined,
  sceneOnAir: string | null,
  switchMode: SwitchMode,
): ObsAction[] {
  const actions: ObsAction[] = [];
  const { scene, sources, texts } = cue.actions;
  if (scene) actions.push({ type: 'switchScene', scene, mode: switchMode });
  const home = scene || sceneOnAir;
  for (const s of sources) {
    const where = s.scene || home;
    if (where) actions.push({ type: 'setSourceVisible', scene: where, source: s.source, visible: s.visible });
  }
  for (const t of texts) actions.push({ type: 'setText', input: t.input, text: fillTemplate(t.text, cue, product, override) });
  return actions;
}

/** A short name of an OBS action for the log ("scene 主画面", "source Main/Logo on", "text Price"). */
export function describeObsAction(action: ObsAction): string {
  switch (action.type) {
    case 'switchScene':
      return `scene ${action.scene}`;
    case 'setSourceVisible':
      return `source ${action.scene}/${action.source} ${action.visible ? 'on' : 'off'}`;
    case 'setText':
      return `text ${action.input}`;
    case 'setImageFile':
      return `image ${action.input}`;
    case 'setBrowserUrl':
      return `url ${action.input}`;
    case 'refreshBrowser':
      return `refresh ${action.input}`;
    case 'setPreviewScene':
      return `preview ${action.scene}`;
    default:
      return action satisfies never;
  }
}

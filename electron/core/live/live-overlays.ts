import { AppError, type GoResult, type OverlayShowInput, type OverlayState, type ProductOverride } from '../../contract';
import type { OverlayService } from '../overlays/overlays.service';
import type { OverlayOp } from './cue-fire';

export interface OverlayOutcome {
  /** For the Go's answer. */
  outcome: GoResult['overlays'][number];
  /** For the log row's details. */
  log: { op: 'show' | 'hide'; kind: string; productId: string | null; ok: boolean; error?: string };
  error: AppError | null;
}

/** Apply overlay changes one by one: a failing one (a deleted product, say) is reported, the rest still go on air. */
export function applyOverlayOps(target: OverlayService, ops: readonly OverlayOp[]): OverlayOutcome[] {
  return ops.map((op) => {
    const kind = op.op === 'show' ? op.input.kind : op.kind;
    const productId = op.op === 'show' && 'productId' in op.input ? (op.input.productId ?? null) : null;
    try {
      if (op.op === 'show') target.show(op.input);
      else target.hide(op.kind);
      return { outcome: { action: `${op.op} ${kind}`, ok: true }, log: { op: op.op, kind, productId, ok: true }, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        outcome: { action: `${op.op} ${kind}`, ok: false, message },
        log: { op: op.op, kind, productId, ok: false, error: message },
        error: error instanceof AppError ? error : new AppError('INTERNAL', message),
      };
    }
  });
}

/** A live price/stock change on the card and sticker that show the product now (nothing else changes). */
export function productPatches(state: OverlayState, productId: string, change: ProductOverride): OverlayOp[] {
  const patches: OverlayOp[] = [];
  const card = state.layers['product-card'];
  if (card.visible && card.content?.productId === productId) {
    const content: Record<string, unknown> = {};
    if (change.livePrice !== undefined) content.livePrice = change.livePrice;
    if (change.stock !== undefined) content.stock = change.stock;
    if (change.soldOut !== undefined || change.stock !== undefined) content.soldOut = change.soldOut ?? change.stock === 0;
    patches.push({ op: 'show', input: { kind: 'product-card', content } as OverlayShowInput });
  }
  const sticker = state.layers['price-sticker'];
  if (sticker.visible && sticker.content?.productId === productId && change.livePrice !== undefined && change.livePrice !== null) {
    patches.push({ op: 'show', input: { kind: 'price-sticker', content: { livePrice: change.livePrice } } });
  }
  return patches;
}

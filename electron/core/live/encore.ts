import type { Product, RunCue } from '../../contract';

/**
 * 返场: a cue for a product brought back, made like its last pitch in this run (price, mechanism,
 * perk, talking points, what it puts on air), or a plain product card when it had none.
 */
export function encoreCue(
  id: string,
  product: Product,
  cues: readonly RunCue[],
  here: RunCue | undefined,
  input: { title?: string; durationMs?: number; livePrice?: number | null },
): RunCue {
  const base = [...cues].reverse().find((c) => c.productId === product.id && c.kind === 'pitch');
  const pitch = base?.kind === 'pitch' ? base : null;
  return {
    id,
    kind: 'pitch',
    title: input.title ?? `返场 · ${product.shortTitle || product.title}`.slice(0, 200),
    productId: product.id,
    durationMs: input.durationMs ?? base?.durationMs ?? 5 * 60_000,
    hostIds: base?.hostIds ?? [],
    notes: '',
    actions: base?.actions ?? { scene: '', overlays: [{ op: 'show', overlay: { kind: 'product-card', productId: product.id } }], sources: [], texts: [] },
    autoFollow: 'off',
    checklist: base?.checklist ?? [],
    livePrice: input.livePrice !== undefined ? input.livePrice : (pitch?.livePrice ?? null),
    stock: pitch?.stock ?? null,
    mechanism: pitch?.mechanism ?? '',
    perk: pitch?.perk ?? '',
    talkingPoints: pitch?.talkingPoints ?? '',
    segmentId: here?.segmentId ?? cues[0]?.segmentId ?? 'adhoc',
    segmentTitle: here?.segmentTitle ?? '',
    adHoc: true,
  };
}

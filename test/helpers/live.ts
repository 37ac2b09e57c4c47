import type { CueDraft, MethodName, MethodOutput } from '../../electron/contract';
import type { Core } from '../../electron/core';
import type { CallContext } from '../../electron/core/handlers';

/** Call the core like a door does; throw the typed error (with its code) on failure. */
export async function call<M extends MethodName>(core: Core, method: M, input: unknown = {}, ctx: CallContext = { door: 'http' }): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input, ctx);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code, details: result.error.details });
  return result.output as MethodOutput<M>;
}

/** The error code a call fails with (or 'OK'). */
export async function codeOf(core: Core, method: MethodName, input: unknown = {}, ctx: CallContext = { door: 'http' }): Promise<string> {
  const result = await core.dispatch(method, input, ctx);
  return result.ok ? 'OK' : result.error.code;
}

export interface TestShow {
  showId: string;
  productIds: string[];
  cueIds: string[];
}

/**
 * A show of `count` cues: pitches of their own products (card + sticker on air, a scene and a
 * text per cue when `obs` names them), so every cue is distinguishable on screen and in OBS.
 */
export async function makeShow(
  core: Core,
  count: number,
  opts: { obs?: { scenes: string[]; textInput?: string; toggle?: { scene: string; sources: string[] } }; cue?: (i: number) => Partial<CueDraft> } = {},
): Promise<TestShow> {
  const productIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = await call(core, 'products.create', { sku: `LIVE-${i + 1}`, title: `直播商品 ${i + 1}`, listPrice: 20_000 + i * 100, livePrice: 10_000 + i * 100, stock: 100 + i });
    productIds.push(p.id);
  }
  const cues = productIds.map((productId, i) => {
    const scenes = opts.obs?.scenes ?? [];
    const toggle = opts.obs?.toggle;
    return {
      id: `cue_t${i + 1}`,
      kind: 'pitch' as const,
      title: `第${i + 1}款`,
      productId,
      durationMs: 60_000,
      livePrice: 9_900 + i,
      stock: 50 + i,
      mechanism: `满${100 + i}减10`,
      perk: i % 2 === 0 ? '赠小样' : '',
      actions: {
        scene: scenes.length ? scenes[i % scenes.length]! : '',
        overlays: [
          { op: 'show' as const, overlay: { kind: 'product-card' as const } },
          { op: 'show' as const, overlay: { kind: 'price-sticker' as const } },
        ],
        sources: toggle ? toggle.sources.map((source, j) => ({ scene: toggle.scene, source, visible: (i + j) % 2 === 0 })) : [],
        texts: opts.obs?.textInput ? [{ input: opts.obs.textInput, text: '{price} · 第{cue}' }] : [],
      },
      ...opts.cue?.(i),
    };
  });
  const show = await call(core, 'shows.create', {
    title: '测试专场',
    startAt: Date.UTC(2026, 11, 6, 12, 0, 0),
    plannedLengthMs: count * 60_000,
    canvas: '9:16',
    segments: [{ id: 'seg_t1', title: '过款', cues }],
  });
  const detail = await call(core, 'shows.get', { id: show.id });
  return { showId: show.id, productIds, cueIds: detail.segments.flatMap((s) => s.cues.map((c) => c.id)) };
}

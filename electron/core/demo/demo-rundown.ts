import { CUE_SCHEMAS, type Cue, type CueActions, type Segment } from '../../contract';
import { newId } from '../ids';
import type { DemoWorkspace } from './demo.schema';

type DemoCue = DemoWorkspace['shows'][number]['cues'][number];

/** The three OBS scenes a demo show switches between (Settings → OBS → preflight creates them). */
export interface DemoScenes {
  main: string;
  product: string;
  giveaway: string;
}
export const DEMO_SCENES: Record<'zh' | 'en', DemoScenes> = {
  zh: { main: '主画面', product: '商品特写', giveaway: '福袋抽奖' },
  en: { main: 'Main', product: 'Product close-up', giveaway: 'Giveaway' },
};

/**
 * What a demo cue puts on air: a scene for every cue; the product card (and the live-price
 * sticker) for a pitch; a countdown for a flash sale or giveaway, which the cue follows to the next
 * one by itself when it ends (auto-follow, cancellable in the cockpit).
 */
function demoActions(c: DemoCue, productId: string | null, scenes: DemoScenes): Partial<CueActions> {
  if (c.kind === 'pitch' && productId) {
    return {
      scene: scenes.product,
      overlays: [
        { op: 'show', overlay: { kind: 'product-card', productId } },
        { op: 'hide', kind: 'countdown' },
      ],
    };
  }
  if (c.kind === 'flash_sale' || c.kind === 'giveaway') {
    const style: 'flash' | 'giveaway' = c.kind === 'flash_sale' ? 'flash' : 'giveaway';
    const countdown = { op: 'show' as const, overlay: { kind: 'countdown' as const, content: { style, durationMs: c.durationSec * 1000 } } };
    const card = productId ? [{ op: 'show' as const, overlay: { kind: 'product-card' as const, productId } }] : [{ op: 'hide' as const, kind: 'product-card' as const }];
    return { scene: c.kind === 'giveaway' ? scenes.giveaway : scenes.product, overlays: [...card, countdown] };
  }
  return { scene: scenes.main, overlays: [{ op: 'hide', kind: 'product-card' }, { op: 'hide', kind: 'countdown' }] };
}

/** What the 场控 does in the platform's own console at a demo cue (上架 link no. n, 开讲解, 发福袋...). */
function demoChecklist(c: DemoCue, link: number, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  if (c.kind === 'pitch') return zh ? [`上架 ${link} 号链接`, '开讲解'] : [`Pin product #${link}`, 'Start the product showcase'];
  if (c.kind === 'flash_sale') return zh ? [`上架 ${link} 号秒杀链接`, '改秒杀价'] : [`Pin flash deal #${link}`, 'Set the flash price'];
  if (c.kind === 'giveaway') return zh ? ['发福袋', '开奖后念中奖名单'] : ['Launch the giveaway', 'Read out the winners'];
  return [];
}

/** The demo's flat cue list as segments (a new segment wherever the name changes) of typed cues. */
export function demoRundown(cues: DemoCue[], skuToId: Map<string, string>, lang: 'zh' | 'en' = 'zh'): Segment[] {
  const segments: Segment[] = [];
  const links = new Map<string, number>();
  for (const c of cues) {
    let segment = segments.at(-1);
    if (!segment || segment.title !== c.segment) {
      segment = { id: newId('seg'), title: c.segment, cues: [] };
      segments.push(segment);
    }
    const productId = c.sku ? (skuToId.get(c.sku) ?? null) : null;
    // The platform's link numbers follow the order products first come up (an encore keeps its number).
    if (c.sku && !links.has(c.sku)) links.set(c.sku, links.size + 1);
    const shared = {
      id: newId('cue'),
      title: c.title,
      productId,
      durationMs: c.durationSec * 1000,
      notes: c.notes,
      actions: demoActions(c, productId, DEMO_SCENES[lang]),
      // A demo cue may spell out its steps (the past shows' runs tick them); else the usual ones.
      checklist: c.checklist.length > 0 ? c.checklist : demoChecklist(c, c.sku ? links.get(c.sku)! : 0, lang),
      autoFollow: c.kind === 'flash_sale' ? ('countdown' as const) : ('off' as const),
    };
    const byKind: Record<DemoCue['kind'], Record<string, unknown>> = {
      pitch: { livePrice: c.livePrice, mechanism: c.mechanism },
      flash_sale: { price: c.livePrice, mechanism: c.mechanism, seconds: Math.min(c.durationSec, 3600) },
      giveaway: { rules: c.mechanism, countdownSec: Math.min(c.durationSec, 3600) },
      interaction: { prompt: c.mechanism },
      break: {},
      generic: {},
    };
    const cue: Cue = CUE_SCHEMAS[c.kind].parse({ ...shared, ...byKind[c.kind], kind: c.kind });
    segment.cues.push(cue);
  }
  return segments;
}

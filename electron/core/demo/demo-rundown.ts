import { CUE_SCHEMAS, type Cue, type CueActions, type Segment } from '../../contract';
import { newId } from '../ids';
import type { DemoWorkspace } from './demo.schema';

type DemoCue = DemoWorkspace['shows'][number]['cues'][number];

/** What a demo cue puts on air: the product card for a pitch, a countdown for a flash sale or giveaway. */
function demoActions(c: DemoCue, productId: string | null): Partial<CueActions> {
  if (c.kind === 'pitch' && productId) return { overlays: [{ op: 'show', overlay: { kind: 'product-card', productId } }] };
  if (c.kind === 'flash_sale' || c.kind === 'giveaway') {
    const style = c.kind === 'flash_sale' ? 'flash' : 'giveaway';
    return { overlays: [{ op: 'show', overlay: { kind: 'countdown', content: { style, durationMs: c.durationSec * 1000 } } }] };
  }
  return {};
}

/** The demo's flat cue list as segments (a new segment wherever the name changes) of typed cues. */
export function demoRundown(cues: DemoCue[], skuToId: Map<string, string>): Segment[] {
  const segments: Segment[] = [];
  for (const c of cues) {
    let segment = segments.at(-1);
    if (!segment || segment.title !== c.segment) {
      segment = { id: newId('seg'), title: c.segment, cues: [] };
      segments.push(segment);
    }
    const productId = c.sku ? (skuToId.get(c.sku) ?? null) : null;
    const shared = { id: newId('cue'), title: c.title, productId, durationMs: c.durationSec * 1000, notes: c.notes, actions: demoActions(c, productId), checklist: c.checklist };
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

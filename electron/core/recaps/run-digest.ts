import type { RunCue, RunSummary } from '../../contract';
import { buildTimeline, planAdherence } from './model/timeline';
import type { RunReads } from './run-reads';

/** What the history and product-history lists need of one run, folded once from its go/end rows. */
export interface RunDigest {
  runId: string;
  showId: string;
  startedAt: number | null;
  endedAt: number | null;
  planAdherence: number | null;
  /** Pitched products in the order they first went on air. */
  order: string[];
  products: Map<string, { onAirMs: number; pitches: number; firstAt: number | null; price: number | null; hostIds: string[] }>;
}

function priceOf(cue: RunCue): number | null {
  return cue.kind === 'pitch' ? cue.livePrice : cue.kind === 'flash_sale' ? cue.price : null;
}

/**
 * Digests of runs, kept in memory by run and log length: an ended run's log never changes (it is
 * append-only), so each is folded once per process; a run still growing is folded again.
 */
export class RunDigests {
  private readonly cache = new Map<string, { logCount: number; digest: RunDigest }>();

  constructor(private readonly runs: RunReads) {}

  of(summary: RunSummary): RunDigest | null {
    const hit = this.cache.get(summary.id);
    if (hit && hit.logCount === summary.logCount) return hit.digest;
    const run = this.runs.run(summary.id);
    if (!run) return null;
    const rows = this.runs.digestRows(run.id);
    const openEnd = run.endedAt ?? rows.at(-1)?.at ?? run.armedAt;
    const { timeline, airtime, cues } = buildTimeline({ plan: run.plan, rows, plannedStartAt: null, openEnd });
    const byProduct = new Map<string, RunCue>();
    for (const c of cues) if (c.productId && !byProduct.has(c.productId) && timeline.cues.some((t) => t.id === c.id && t.turns > 0)) byProduct.set(c.productId, c);
    const products: RunDigest['products'] = new Map();
    for (const [id, a] of airtime) {
      const cue = byProduct.get(id);
      products.set(id, { onAirMs: a.onAirMs, pitches: a.pitches, firstAt: a.firstAt, price: cue ? priceOf(cue) : null, hostIds: cue?.hostIds ?? [] });
    }
    const order = [...products].filter(([, p]) => p.firstAt !== null).sort((a, b) => a[1].firstAt! - b[1].firstAt!).map(([id]) => id);
    const digest: RunDigest = { runId: run.id, showId: run.showId, startedAt: run.startedAt, endedAt: run.endedAt, planAdherence: planAdherence(timeline.cues), order, products };
    this.cache.set(summary.id, { logCount: summary.logCount, digest });
    return digest;
  }
}

import { FUNNEL_STAGES, type Conclusions, type Curve, type ImportedFile, type LogRow, type Metrics, type ProductSalesRow, type Recap, type RecapKind, type RecapTotals, type RunCue, type TrafficRow } from '../../../contract';
import { computeMetrics } from './metrics';
import { buildProducts, rolesOf, type CatalogFacts } from './products';
import { buildTimeline, planAdherence, type TimelineResult } from './timeline';

export interface RecapInput {
  show: Recap['show'];
  run: NonNullable<Recap['run']> | null;
  runs: Recap['runs'];
  /** The cues as armed (the run's), or the show's current plan when it has no run. */
  plan: readonly RunCue[];
  /** The log's rows, or the timeline already folded from them (see TimelineFold). */
  rows: readonly LogRow[];
  folded?: TimelineResult;
  sales: readonly ProductSalesRow[];
  totals: RecapTotals | null;
  typedTotals: Partial<RecapTotals>;
  curve: Curve | null;
  traffic: readonly TrafficRow[];
  imports: Record<RecapKind, ImportedFile | null>;
  catalog: Map<string, CatalogFacts>;
  conclusions: Conclusions & { updatedAt: number | null };
  previous: { showId: string; title: string; startAt: number; metrics: Metrics } | null;
  now: number;
}

/** The whole recap from its parts: pure, so every format renders the same numbers. */
export function buildRecap(input: RecapInput): Recap {
  const { run } = input;
  const openEnd = run?.endedAt ?? Math.max(input.rows.at(-1)?.at ?? 0, input.now);
  const { timeline, airtime, cues } = input.folded ?? buildTimeline({ plan: input.plan, rows: input.rows, plannedStartAt: input.show.startAt, openEnd });
  const products = buildProducts({ sales: input.sales, cues: run ? cues : input.plan, airtime, catalog: input.catalog });
  const runDurationMs = run?.startedAt != null ? (run.endedAt ?? openEnd) - run.startedAt : null;
  const { metrics, basis, flags } = computeMetrics({
    totals: input.totals,
    products,
    curve: input.curve,
    runDurationMs,
    plannedLengthMs: input.show.plannedLengthMs,
    goalGmv: input.show.goalGmv,
    goalOrders: input.show.goalOrders,
    planAdherence: run ? planAdherence(timeline.cues) : null,
    unmatched: input.sales.filter((s) => s.productId === null).length,
  });
  if (!run) flags.push({ code: 'no_run', values: {} });
  if (run?.startedAt != null && input.curve && input.curve.t.length > 0) {
    const [first, last] = [input.curve.t[0]!, input.curve.t.at(-1)!];
    if (last < run.startedAt - 3_600_000 || first > openEnd + 3_600_000) flags.push({ code: 'curve_outside_run', values: { curveStart: first, runStart: run.startedAt } });
  }
  const funnel = FUNNEL_STAGES.map((stage) => ({ stage, value: stage === 'views' ? metrics.views : stage === 'viewers' ? metrics.viewers : stage === 'buyers' ? metrics.buyers : (input.totals?.[stage] ?? null) }))
    .filter((s): s is { stage: (typeof FUNNEL_STAGES)[number]; value: number } => s.value !== null);
  return {
    show: input.show,
    run,
    runs: input.runs,
    metrics,
    basis,
    flags,
    totals: input.totals,
    typedTotals: input.typedTotals,
    timeline,
    products,
    roles: rolesOf(products.filter((p) => p.gmv !== null)),
    funnel: funnel.length >= 2 ? funnel : [],
    curve: input.curve,
    traffic: [...input.traffic],
    imports: input.imports,
    previous: input.previous,
    conclusions: input.conclusions,
    generatedAt: input.now,
  };
}

import { z } from 'zod';
import { CANVASES, PLATFORMS } from './catalog';
import { Id, Instant, Line, Money } from './common';
import { PRODUCT_ROLES } from './products';
import { Curve, ImportedFile, MatchKind, RECAP_KINDS, RecapTotals, TrafficRow } from './recap-import';

// The recap model: one value every format renders from (the page, HTML, PDF, XLSX, CSV, JSON).
// Money in 分, rates as fractions, instants epoch ms, durations ms; null = cannot be computed.

const Num = z.number().nullable();
const Int = z.number().int().nullable();

/** The figures `GET /shows/{id}/recap` promises (README "Recap metrics" has each formula). */
export const METRIC_KEYS = [
  'gmv',
  'orders',
  'units',
  'buyers',
  'views',
  'viewers',
  'peakOnline',
  'aov',
  'gpm',
  'uvValue',
  'viewToOrder',
  'clickToOrder',
  'refundRate',
  'goalAchieved',
  'ordersGoalAchieved',
  'planAdherence',
  'timeOverPlanMs',
  'durationMs',
  'gmvPerMinute',
  'commission',
  'grossMargin',
  'avgOnline',
  'avgWatchMs',
  'newFollowers',
  'refund',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export const Metrics = z.object(Object.fromEntries(METRIC_KEYS.map((k) => [k, Num])) as Record<MetricKey, typeof Num>);
export type Metrics = z.infer<typeof Metrics>;

/** Where a headline figure came from: the platform's show totals, the sum of its product rows, the curve, the run. */
export const MetricBasis = z.enum(['totals', 'products', 'curve', 'run', 'plan']);

export const FLAG_CODES = ['gmv_mismatch', 'orders_mismatch', 'units_mismatch', 'unmatched_products', 'no_run', 'curve_outside_run', 'estimates_partial'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];
export const RecapFlag = z.object({ code: z.enum(FLAG_CODES), values: z.record(z.string(), z.number()) });
export type RecapFlag = z.infer<typeof RecapFlag>;

export const TimelineCue = z.object({
  id: Id,
  /** 1-based position in the run's rundown. */
  index: z.number().int(),
  segmentId: z.string(),
  segmentTitle: z.string(),
  title: z.string(),
  kind: z.string(),
  productId: Id.nullable(),
  adHoc: z.boolean(),
  plannedStartAt: Instant.nullable(),
  plannedMs: z.number().int(),
  actualStartAt: Instant.nullable(),
  actualEndAt: Instant.nullable(),
  /** Time it was the current cue, over all its turns. */
  onAirMs: z.number().int(),
  turns: z.number().int(),
  status: z.enum(['aired', 'skipped', 'not_aired']),
  /** onAir − planned (> 0 over). Null for ad-hoc cues and cues without a planned length. */
  deltaMs: Int,
  /** Within ±10 % of the planned length. */
  withinPlan: z.boolean().nullable(),
  checklist: z.array(z.object({ item: z.string(), done: z.boolean() })),
  obsFailures: z.number().int(),
  markers: z.number().int(),
});
export type TimelineCue = z.infer<typeof TimelineCue>;

export const Timeline = z.object({
  cues: z.array(TimelineCue),
  segments: z.array(z.object({ id: z.string(), title: z.string(), plannedMs: z.number().int(), actualMs: z.number().int(), deltaMs: z.number().int(), cues: z.number().int() })),
  /** Every turn on air, in order (the cue bands of the curve chart). */
  turns: z.array(z.object({ cueId: Id, startAt: Instant, endAt: Instant })),
  markers: z.array(z.object({ seq: z.number().int(), at: Instant, label: z.string(), cueId: Id.nullable() })),
  obsFailures: z.array(z.object({ seq: z.number().int(), at: Instant, cueId: Id.nullable(), action: z.string(), code: z.string().nullable(), message: z.string().nullable() })),
  /** OBS disconnected (obs), or Cuecart itself down (app: the gap before a resume). */
  outages: z.array(z.object({ kind: z.enum(['obs', 'app']), startAt: Instant, endAt: Instant.nullable(), ms: z.number().int(), reason: z.string().nullable() })),
  ignoredGos: z.number().int(),
  staleGos: z.number().int(),
});
export type Timeline = z.infer<typeof Timeline>;

export const RecapProduct = z.object({
  /** The catalog product id, else `platform:<id>` or `title:<title>` for an unmatched row. */
  key: z.string(),
  productId: Id.nullable(),
  sku: z.string().nullable(),
  title: z.string(),
  role: z.enum(PRODUCT_ROLES).nullable(),
  platformProductId: z.string().nullable(),
  matchedBy: MatchKind.nullable(),
  /** The sales file's rows summed into this product (what a hand-fixed match points at). */
  rows: z.array(z.number().int()),
  /** In the plan (or inserted live), and so on the timeline. */
  inPlan: z.boolean(),
  /** Live price on the platform's row, else the price planned for it. */
  price: Money.nullable(),
  gmv: Money.nullable(),
  units: Int,
  orders: Int,
  buyers: Int,
  impressions: Int,
  clicks: Int,
  ctr: Num,
  clickToOrder: Num,
  refund: Money.nullable(),
  /** Its cues current, over all turns; its product card on screen. */
  onAirMs: z.number().int(),
  cardMs: z.number().int(),
  pitches: z.number().int(),
  gmvPerMinute: Num,
  gmvShare: Num,
  commissionRate: Num,
  commission: Num,
  costPrice: Money.nullable(),
  grossMargin: Num,
});
export type RecapProduct = z.infer<typeof RecapProduct>;

export const ROLE_KEYS = [...PRODUCT_ROLES, 'unmatched'] as const;
export const RoleRow = z.object({ role: z.enum(ROLE_KEYS), gmv: Money, units: z.number().int(), products: z.number().int(), onAirMs: z.number().int(), share: Num });

export const FUNNEL_STAGES = ['views', 'viewers', 'productImpressions', 'productClicks', 'buyers'] as const;
export const FunnelStage = z.object({ stage: z.enum(FUNNEL_STAGES), value: z.number().int() });

export const ConclusionAction = z.object({ text: Line(500).min(1), owner: Line(60).default(''), done: z.boolean().default(false) });
export const Conclusions = z.object({
  worked: z.string().max(5000).default(''),
  problems: z.string().max(5000).default(''),
  actions: z.array(ConclusionAction).max(50).default([]),
});
export type Conclusions = z.infer<typeof Conclusions>;

export const RecapRun = z.object({ id: Id, armedAt: Instant, startedAt: Instant.nullable(), endedAt: Instant.nullable(), state: z.string(), logCount: z.number().int() });

export const RecapShow = z.object({
  id: Id,
  title: z.string(),
  platform: z.enum(PLATFORMS),
  startAt: Instant,
  timeZone: z.string(),
  plannedLengthMs: z.number().int(),
  canvas: z.enum(CANVASES),
  goalGmv: Money.nullable(),
  goalOrders: z.number().int().nullable(),
  hosts: z.array(z.object({ id: Id, name: z.string() })),
});

export const Recap = z.object({
  show: RecapShow,
  /** The real run the timeline comes from (never a rehearsal); null when the show has no run log. */
  run: RecapRun.nullable(),
  runs: z.array(RecapRun),
  metrics: Metrics,
  basis: z.record(z.string(), MetricBasis),
  flags: z.array(RecapFlag),
  totals: RecapTotals.nullable(),
  /** The figures typed by hand (they win over the imported ones). */
  typedTotals: RecapTotals.partial(),
  timeline: Timeline,
  products: z.array(RecapProduct),
  roles: z.array(RoleRow),
  funnel: z.array(FunnelStage),
  curve: Curve.nullable(),
  traffic: z.array(TrafficRow),
  imports: z.object(Object.fromEntries(RECAP_KINDS.map((k) => [k, ImportedFile.nullable()])) as Record<(typeof RECAP_KINDS)[number], ReturnType<typeof ImportedFile.nullable>>),
  previous: z.object({ showId: Id, title: z.string(), startAt: Instant, metrics: Metrics }).nullable(),
  conclusions: Conclusions.extend({ updatedAt: Instant.nullable() }),
  generatedAt: Instant,
});
export type Recap = z.infer<typeof Recap>;

/** One past show in the history list. */
export const RecapListItem = z.object({
  showId: Id,
  title: z.string(),
  platform: z.enum(PLATFORMS),
  startAt: Instant,
  status: z.string(),
  hosts: z.array(z.object({ id: Id, name: z.string() })),
  runId: Id.nullable(),
  imports: z.array(z.enum(RECAP_KINDS)),
  gmv: Money.nullable(),
  orders: Int,
  viewers: Int,
  views: Int,
  gpm: Num,
  uvValue: Num,
  aov: Num,
  goalGmv: Money.nullable(),
  goalAchieved: Num,
  planAdherence: Num,
  durationMs: Int,
  timeOverPlanMs: Int,
});
export type RecapListItem = z.infer<typeof RecapListItem>;

export const RecapListInput = z.object({
  platform: z.enum(PLATFORMS).optional(),
  hostId: Id.optional(),
  /** Shows starting at or after / before these instants (epoch ms). */
  from: Instant.optional(),
  to: Instant.optional(),
  q: z.string().max(200).optional(),
});

/** A product across shows: each show it aired or sold in, and what sold best. */
export const ProductHistoryRow = z.object({
  showId: Id,
  title: z.string(),
  platform: z.enum(PLATFORMS),
  startAt: Instant,
  hosts: z.array(z.string()),
  /** Its first pitch's place in the run order (1-based) out of the show's pitches, and how far into the show. */
  slot: z.number().int().nullable(),
  slots: z.number().int(),
  offsetMs: Int,
  onAirMs: z.number().int(),
  pitches: z.number().int(),
  price: Money.nullable(),
  gmv: Money.nullable(),
  units: Int,
  orders: Int,
  gmvPerMinute: Num,
});
export type ProductHistoryRow = z.infer<typeof ProductHistoryRow>;
export const HistoryBucket = z.object({ key: z.string(), shows: z.number().int(), gmv: Money, onAirMs: z.number().int(), gmvPerMinute: Num });
export const ProductHistory = z.object({
  productId: Id,
  title: z.string(),
  sku: z.string(),
  shows: z.array(ProductHistoryRow),
  /** Grouped, best GMV per minute on air first: slot (early/middle/late third), length, price, host. */
  best: z.object({ slot: z.array(HistoryBucket), length: z.array(HistoryBucket), price: z.array(HistoryBucket), host: z.array(HistoryBucket) }),
});
export type ProductHistory = z.infer<typeof ProductHistory>;

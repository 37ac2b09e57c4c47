import { z } from 'zod';
import { CANVASES, PLATFORMS, SHOW_STATUSES } from './catalog';
import { Id, Instant, Line, Money, Text, withoutDefaults } from './common';
import { Cue, Rundown, Segment } from './cues';
import type { MethodDef } from './methods';
import { MIX_ROLES, PLAN_WARNING_CODES } from './plan-analysis';
import { Product } from './products';
import { isTimeZone } from './schedule';

export * from './cues';
export * from './plan-analysis';
export * from './schedule';

/** What a user writes about a show (the plan's header). */
export const ShowFields = z.object({
  title: Line(200).min(1),
  platform: z.enum(PLATFORMS).default('douyin'),
  /** Date and planned start time, epoch ms. */
  startAt: Instant,
  /** IANA zone the times of day are planned in ('' = this machine's zone). Bundles carry it. */
  timeZone: z.string().max(64).refine(isTimeZone, 'Unknown time zone').default(''),
  plannedLengthMs: z.number().int().min(0).max(48 * 3600_000).default(2 * 3600_000),
  status: z.enum(SHOW_STATUSES).default('draft'),
  canvas: z.enum(CANVASES).default('9:16'),
  goalGmv: Money.nullable().default(null),
  goalOrders: z.number().int().min(0).nullable().default(null),
  notes: Text(10_000).default(''),
  /** Hosts of the show in billing order (主播 first). */
  hostIds: z.array(Id).max(20).default([]),
});
export type ShowFields = z.infer<typeof ShowFields>;
export type ShowDraft = z.input<typeof ShowFields>;

export const ShowSummary = ShowFields.extend({
  id: Id,
  isTemplate: z.boolean(),
  /** Grows on every change of the show or its plan; plan saves carry the one they edited. */
  revision: z.number().int(),
  cueCount: z.number().int(),
  /** Sum of the cue durations. */
  totalMs: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ShowSummary = z.infer<typeof ShowSummary>;

export const TimedCue = z.intersection(Cue, z.object({ offsetMs: z.number().int(), startAt: Instant }));
export const TimedSegment = Segment.extend({ cues: z.array(TimedCue) });

export const PlanWarningSchema = z.object({
  code: z.enum(PLAN_WARNING_CODES),
  cueId: Id,
  productId: Id.nullable(),
  values: z.record(z.string(), z.number()),
});
export const MixRowSchema = z.object({
  role: z.enum(MIX_ROLES),
  cues: z.number().int(),
  products: z.number().int(),
  durationMs: z.number().int(),
  share: z.number(),
});

/** A show with its rundown, each cue's planned start, the length check, mix and warnings. */
export const ShowDetail = ShowSummary.extend({
  segments: z.array(TimedSegment),
  timing: z.object({
    endAt: Instant,
    /** total − planned length: > 0 over, < 0 under. */
    deltaMs: z.number().int(),
    state: z.enum(['over', 'under', 'exact']),
  }),
  mix: z.array(MixRowSchema),
  warnings: z.array(PlanWarningSchema),
  /** Every product the rundown names, so a reader needs no second call. */
  products: z.array(Product),
});
export type ShowDetail = z.infer<typeof ShowDetail>;

export const ShowCreateInput = ShowFields.extend({
  /** Start with these segments and cues (ids are minted by the core); default: an empty 开场. */
  segments: Rundown.optional(),
});
export const ShowUpdateInput = z
  .object(withoutDefaults(ShowFields.shape))
  .partial()
  .extend({ id: Id, baseRevision: z.number().int().optional() });

/**
 * Replace the whole plan (header fields and rundown) of a show. The editor keeps snapshots for
 * undo/redo and saves the one on screen; `baseRevision` is the revision it was edited from, so
 * a save over someone else's newer change is refused (CONFLICT) instead of silently lost.
 */
export const PlanSetInput = z.object({
  id: Id,
  baseRevision: z.number().int(),
  fields: ShowFields,
  segments: Rundown,
});
export const PlanSetResult = z.object({ id: Id, revision: z.number().int(), updatedAt: Instant });

export const ShowDuplicateInput = z.object({
  id: Id,
  /** true: save as a template; false: a show (also "new show from template"). Default: same as the source. */
  asTemplate: z.boolean().optional(),
  title: Line(200).min(1).optional(),
  startAt: Instant.optional(),
  timeZone: z.string().max(64).refine(isTimeZone, 'Unknown time zone').optional(),
});

export const ShowListInput = z.object({ templates: z.boolean().optional() }).strict();

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Spread into the contract's `methods`. */
export const showMethods = {
  'shows.list': def({
    input: ShowListInput,
    output: z.array(ShowSummary),
    write: false,
    summary: 'All shows, newest first; `templates=true` lists the templates instead.',
    http: { method: 'GET', path: '/shows' },
  }),
  'shows.get': def({
    input: z.object({ id: Id }),
    output: ShowDetail,
    write: false,
    summary: 'One show with its segments and cues, each cue\'s planned start (`startAt`, `offsetMs`), over/under, product mix and warnings.',
    http: { method: 'GET', path: '/shows/{id}' },
  }),
  'shows.create': def({
    input: ShowCreateInput,
    output: ShowSummary,
    write: true,
    summary: 'Create a show (optionally with its segments and cues).',
    http: { method: 'POST', path: '/shows' },
  }),
  'shows.update': def({
    input: ShowUpdateInput,
    output: ShowSummary,
    write: true,
    summary: 'Change some fields of a show (status, start, hosts...); `baseRevision` refuses a stale edit (409).',
    http: { method: 'PATCH', path: '/shows/{id}' },
  }),
  'shows.delete': def({
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
    write: true,
    summary: 'Delete a show or template with its plan.',
    http: { method: 'DELETE', path: '/shows/{id}' },
  }),
  'shows.duplicate': def({
    input: ShowDuplicateInput,
    output: ShowSummary,
    write: true,
    summary: 'Copy a show with its plan: duplicate, save as template (`asTemplate: true`) or new show from a template.',
    http: { method: 'POST', path: '/shows/{id}/duplicate' },
  }),
  'shows.plan.set': def({
    input: PlanSetInput,
    output: PlanSetResult,
    write: true,
    summary: 'Replace a show\'s fields and rundown in one transaction; 409 when `baseRevision` is not the current revision.',
    http: { method: 'PUT', path: '/shows/{id}/plan' },
  }),
} as const satisfies Record<string, MethodDef>;

import { z } from 'zod';
import { Id, Line, Money, Text } from './common';
import { OVERLAY_KINDS, OverlayShowInput } from './overlays';

// One cue of a run-of-show. The parts every cue has sit beside the parts of its kind, in one
// flat object discriminated by `kind`, so API users read `cue.livePrice` rather than a nested
// blob. The core stores the kind's own fields as typed JSON (`show_cues.details`).

export const CUE_KINDS = ['pitch', 'flash_sale', 'giveaway', 'interaction', 'break', 'generic'] as const;
export const CueKind = z.enum(CUE_KINDS);
export type CueKind = z.infer<typeof CueKind>;

/** Longest single cue. A longer block is almost always a typo (minutes typed as seconds). */
export const MAX_CUE_MS = 6 * 3600_000;

/** OBS scene and source names are free text: picked from OBS when connected, typed when not. */
const ObsName = Line(256);

/** An overlay a cue puts on air (with its content) or takes off. */
export const CueOverlayAction = z.discriminatedUnion('op', [
  z.object({ op: z.literal('show'), overlay: OverlayShowInput }),
  z.object({ op: z.literal('hide'), kind: z.enum(OVERLAY_KINDS) }),
]);
export type CueOverlayAction = z.infer<typeof CueOverlayAction>;

export const CueSourceAction = z.object({
  /** '' = the cue's scene. */
  scene: ObsName.default(''),
  source: ObsName.min(1),
  visible: z.boolean(),
});
export type CueSourceAction = z.infer<typeof CueSourceAction>;

/** Text an OBS text source shows while the cue is on air (a price, a link number...). */
export const CueTextAction = z.object({
  input: ObsName.min(1),
  text: z.string().max(2000),
});
export type CueTextAction = z.infer<typeof CueTextAction>;

/** What goes on air when the cue fires. Checked against OBS's lists when it is connected. */
export const CueActions = z.object({
  /** '' = stay on the current scene. */
  scene: ObsName.default(''),
  overlays: z.array(CueOverlayAction).max(12).default([]),
  sources: z.array(CueSourceAction).max(30).default([]),
  texts: z.array(CueTextAction).max(20).default([]),
});
export type CueActions = z.infer<typeof CueActions>;
export const EMPTY_ACTIONS: CueActions = { scene: '', overlays: [], sources: [], texts: [] };

/**
 * When a running cue hands over by itself: `duration` when its planned duration is up,
 * `countdown` when its flash-sale or giveaway countdown ends. Either way the next cue fires
 * after a visible auto-go of a few seconds that the producer can cancel.
 */
export const AUTO_FOLLOW = ['off', 'duration', 'countdown'] as const;
export const AutoFollow = z.enum(AUTO_FOLLOW);
export type AutoFollow = z.infer<typeof AutoFollow>;

/** One thing to do in the platform's own console at this cue (上架 12号链接, 开讲解, 发福袋, 改价). */
export const ChecklistItem = Line(120).min(1);

const base = {
  id: Id,
  title: Line(200).default(''),
  /** A product for any kind (a pitch's item, a flash sale's item, a giveaway's prize). */
  productId: Id.nullable().default(null),
  durationMs: z.number().int().min(0).max(MAX_CUE_MS).default(0),
  hostIds: z.array(Id).max(10).default([]),
  notes: Text(5000).default(''),
  actions: CueActions.default(EMPTY_ACTIONS),
  autoFollow: AutoFollow.default('off'),
  checklist: z.array(ChecklistItem).max(12).default([]),
};

/** 过款: a product pitch. Empty fields fall back to the product's own (price, talking points). */
export const PitchCue = z.object({
  ...base,
  kind: z.literal('pitch'),
  /** This show's live price; null = the product's live price. */
  livePrice: Money.nullable().default(null),
  /** Units released in this cue (放量); null = not planned. */
  stock: z.number().int().min(0).nullable().default(null),
  /** 满199减30, 第二件半价... */
  mechanism: Line(100).default(''),
  /** 赠品 / 福利: what the buyer gets on top. */
  perk: Line(200).default(''),
  /** '' = the product's 话术. */
  talkingPoints: Text(5000).default(''),
});

/** 限时秒杀: a countdown, a quantity and a price. */
export const FlashSaleCue = z.object({
  ...base,
  kind: z.literal('flash_sale'),
  seconds: z.number().int().min(1).max(3600).default(60),
  quantity: z.number().int().min(0).nullable().default(null),
  price: Money.nullable().default(null),
  mechanism: Line(100).default(''),
});

/** 福袋 / giveaway: a prize, a countdown and the rules to take part. */
export const GiveawayCue = z.object({
  ...base,
  kind: z.literal('giveaway'),
  prize: Line(200).default(''),
  countdownSec: z.number().int().min(0).max(3600).default(300),
  winners: z.number().int().min(1).max(10_000).nullable().default(null),
  rules: Text(2000).default(''),
});

/** 互动 / Q&A: a prompt and the questions to take. */
export const InteractionCue = z.object({
  ...base,
  kind: z.literal('interaction'),
  prompt: Line(300).default(''),
  questions: z.array(Line(300).min(1)).max(30).default([]),
});

export const BreakCue = z.object({ ...base, kind: z.literal('break') });
export const GenericCue = z.object({ ...base, kind: z.literal('generic') });

export const Cue = z.discriminatedUnion('kind', [PitchCue, FlashSaleCue, GiveawayCue, InteractionCue, BreakCue, GenericCue]);
export type Cue = z.infer<typeof Cue>;
export type CueDraft = z.input<typeof Cue>;
export type CueOf<K extends CueKind> = Extract<Cue, { kind: K }>;

export const CUE_SCHEMAS = {
  pitch: PitchCue,
  flash_sale: FlashSaleCue,
  giveaway: GiveawayCue,
  interaction: InteractionCue,
  break: BreakCue,
  generic: GenericCue,
} as const satisfies Record<CueKind, z.ZodType>;

/** The fields every cue has; the rest belongs to its kind (stored as `details`). */
export const CUE_BASE_KEYS = ['id', 'kind', 'title', 'productId', 'durationMs', 'hostIds', 'notes', 'actions'] as const;

/**
 * The same cue as another kind. Shared fields stay; fields that mean the same thing carry over
 * (a pitch's live price becomes the flash sale's price and back), the rest take their defaults.
 */
export function convertCue(cue: Cue, kind: CueKind): Cue {
  if (cue.kind === kind) return cue;
  const { id, title, productId, durationMs, hostIds, notes, actions, autoFollow, checklist } = cue;
  const carried: Record<string, unknown> = {};
  const price = cue.kind === 'pitch' ? cue.livePrice : cue.kind === 'flash_sale' ? cue.price : null;
  const mechanism = cue.kind === 'pitch' || cue.kind === 'flash_sale' ? cue.mechanism : '';
  if (kind === 'pitch') Object.assign(carried, { livePrice: price, mechanism });
  if (kind === 'flash_sale') Object.assign(carried, { price, mechanism });
  // A countdown hand-over needs a countdown: other kinds fall back to the planned duration.
  const follow = autoFollow === 'countdown' && kind !== 'flash_sale' && kind !== 'giveaway' ? 'duration' : autoFollow;
  return CUE_SCHEMAS[kind].parse({ id, title, productId, durationMs, hostIds, notes, actions, autoFollow: follow, checklist, ...carried, kind });
}

/** A segment of the run-of-show (开场, 过款, 福利, 互动, 收尾) with its cues in order. */
export const Segment = z.object({
  id: Id,
  title: Line(60).default(''),
  cues: z.array(Cue).max(2000).default([]),
});
export type Segment = z.infer<typeof Segment>;

export const MAX_PLAN_CUES = 2000;

/** The rundown: segments in order, each with its cues. Ids are unique across the plan. */
export const Rundown = z
  .array(Segment)
  .max(100)
  .superRefine((segments, ctx) => {
    const seen = new Set<string>();
    let count = 0;
    segments.forEach((segment, s) => {
      if (seen.has(segment.id)) ctx.addIssue({ code: 'custom', path: [s, 'id'], message: `Id ${segment.id} is used twice` });
      seen.add(segment.id);
      segment.cues.forEach((cue, c) => {
        count += 1;
        if (seen.has(cue.id)) ctx.addIssue({ code: 'custom', path: [s, 'cues', c, 'id'], message: `Id ${cue.id} is used twice` });
        seen.add(cue.id);
      });
    });
    if (count > MAX_PLAN_CUES) ctx.addIssue({ code: 'custom', path: [], message: `A show holds at most ${MAX_PLAN_CUES} cues` });
  });
export type Rundown = z.infer<typeof Rundown>;

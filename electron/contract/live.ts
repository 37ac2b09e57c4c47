import { z } from 'zod';
import { CANVASES, PLATFORMS } from './catalog';
import { Empty, Id, Instant, Line, Money } from './common';
import { Cue } from './cues';
import { ExportLang, FileOutput } from './plan-io';
import type { MethodDef } from './methods';
import { OVERLAY_KINDS, OverlayShowInput, OverlayState } from './overlays';

// The show runner (live runs): run state, the as-run log, seats. A run is one arming of a show;
// its state is rebuilt from its log, so the log is the record of what happened on air.

export const RUN_STATES = ['idle', 'armed', 'running', 'ended'] as const;
export const RunState = z.enum(RUN_STATES);
export type RunState = z.infer<typeof RunState>;

/** How a Go was given: a key in the cockpit, a click, the control API, auto-follow, a desktop global shortcut. */
export const GO_TRIGGERS = ['key', 'button', 'api', 'auto', 'global'] as const;
export const GoTrigger = z.enum(GO_TRIGGERS);
export type GoTrigger = z.infer<typeof GoTrigger>;

/** Next = standby; back = the cue before the current one; jump = any cue. */
export const GO_MODES = ['next', 'back', 'jump'] as const;
export type GoMode = (typeof GO_MODES)[number];

/**
 * Every kind of as-run log row. Rows are append-only: no door updates or deletes them.
 * `details` of each kind is documented in the README (As-run log) and typed in LOG_DETAILS.
 */
export const LOG_KINDS = [
  'arm',
  'go',
  'go.ignored',
  'go.stale',
  'skip',
  'cue.insert',
  'plan.reload',
  'autogo',
  'overlay',
  'obs',
  'obs.status',
  'product',
  'checklist',
  'marker',
  'message',
  'resume',
  'end',
] as const;
export const LogKind = z.enum(LOG_KINDS);
export type LogKind = z.infer<typeof LogKind>;

/** One OBS action of a cue and what OBS said. */
export const ObsActionOutcome = z.object({
  action: z.string(),
  ok: z.boolean(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type ObsActionOutcome = z.infer<typeof ObsActionOutcome>;

export const LogRow = z.object({
  seq: z.number().int(),
  runId: Id,
  at: Instant,
  kind: LogKind,
  /** Who did it: `desk` (the desktop window), `ws:<seat>`, `api`, `auto`, `system`. */
  source: z.string(),
  cueId: Id.nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type LogRow = z.infer<typeof LogRow>;

/** A cue of the run: the plan's cue as armed, or one inserted live (返场). */
export const RunCue = z.intersection(
  Cue,
  z.object({ segmentId: Id, segmentTitle: z.string(), adHoc: z.boolean() }),
);
export type RunCue = z.infer<typeof RunCue>;

/** The rundown a run plays: the plan as armed (or as last reloaded) plus cues inserted since. Changes with `planVersion`. */
export const RunPlan = z.object({
  runId: Id,
  version: z.number().int(),
  cues: z.array(RunCue),
});
export type RunPlan = z.infer<typeof RunPlan>;

export const CueFired = z.object({
  /** First time the cue went on air, and the latest. */
  firstAt: Instant,
  lastAt: Instant,
  count: z.number().int(),
  /** Time it was the current cue, over all its turns, up to its latest turn's start. */
  onAirMs: z.number().int(),
});
export type CueFired = z.infer<typeof CueFired>;

/** A product's live price/stock as changed during the run (over the plan's and the catalog's). */
export const ProductOverride = z.object({
  livePrice: Money.nullable().optional(),
  stock: z.number().int().min(0).nullable().optional(),
  soldOut: z.boolean().optional(),
});
export type ProductOverride = z.infer<typeof ProductOverride>;

export const ObsDrift = z.object({
  /** Compared at this server time, with OBS's state as the mirror read it. */
  at: Instant,
  scene: z.object({ expected: z.string(), actual: z.string().nullable() }).nullable(),
  sources: z.array(z.object({ scene: z.string(), source: z.string(), expected: z.boolean(), actual: z.boolean().nullable() })),
});
export type ObsDrift = z.infer<typeof ObsDrift>;

export const Seat = z.object({
  id: z.string(),
  name: z.string(),
  door: z.enum(['ipc', 'ws', 'http']),
  role: z.enum(['operator', 'viewer']),
  connectedAt: Instant,
});
export type Seat = z.infer<typeof Seat>;

/**
 * The live state, pushed whole (`live.state`) after every change. Small on purpose: the rundown
 * comes from `live.plan` when `planVersion` changes; clocks are computed by clients from these
 * server instants and `now`, never counted.
 */
export const LiveSnapshot = z.object({
  revision: z.number().int(),
  /** Server clock when this snapshot was made. */
  now: Instant,
  state: RunState,
  runId: Id.nullable(),
  showId: Id.nullable(),
  showTitle: z.string(),
  platform: z.enum(PLATFORMS).nullable(),
  canvas: z.enum(CANVASES).nullable(),
  /** The show's time zone ('' = the machine's): times of day are shown in it. */
  timeZone: z.string(),
  rehearsal: z.boolean(),
  armedAt: Instant.nullable(),
  /** First Go. */
  startedAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  currentCueId: Id.nullable(),
  standbyCueId: Id.nullable(),
  /** The cue Back re-fires. */
  previousCueId: Id.nullable(),
  cueStartedAt: Instant.nullable(),
  /** From the show's header: planned start and start + planned length. */
  plannedStartAt: Instant.nullable(),
  plannedEndAt: Instant.nullable(),
  planVersion: z.number().int(),
  /** The show's revision the run plays (as armed, or as last reloaded). */
  planRevision: z.number().int().nullable(),
  /** The show was saved since (its plan or header changed): `live.plan.reload` takes the edits into the run. */
  planBehind: z.boolean(),
  fired: z.record(z.string(), CueFired),
  skipped: z.array(Id),
  /** Auto-follow: the standby cue fires at `firesAt` unless cancelled; shown from `startsAt`. */
  autoGo: z.object({ cueId: Id, nextCueId: Id, startsAt: Instant, firesAt: Instant }).nullable(),
  overrides: z.record(z.string(), ProductOverride),
  /** Ticked platform-checklist items per cue (by index). */
  checklist: z.record(z.string(), z.array(z.number().int())),
  message: z.object({ text: z.string(), at: Instant }).nullable(),
  markers: z.array(z.object({ seq: z.number().int(), at: Instant, label: z.string(), cueId: Id.nullable() })),
  /** OBS outcome of the last cue fired (or re-applied): failures show as a notice. */
  lastObs: z
    .object({ seq: z.number().int(), at: Instant, cueId: Id.nullable(), reason: z.string(), outcomes: z.array(ObsActionOutcome) })
    .nullable(),
  /**
   * The last time Cuecart put the standby cue's scene in OBS's Preview (studio mode): a refusal
   * (the scene is missing in OBS) shows in the cockpit while that cue is still in standby.
   */
  lastPreview: z.object({ seq: z.number().int(), at: Instant, cueId: Id.nullable(), outcomes: z.array(ObsActionOutcome) }).nullable(),
  /** OBS differs from what the log says is on air (after a restart, or a hand change in OBS). */
  drift: ObsDrift.nullable(),
  seats: z.array(Seat),
  lastSeq: z.number().int(),
  /** Double-Go guard and auto-go lead, as configured. */
  doubleGoMs: z.number().int(),
  autoGoMs: z.number().int(),
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;

export const CueStatus = z.enum(['pending', 'standby', 'current', 'done', 'skipped']);
export type CueStatus = z.infer<typeof CueStatus>;

/** `GET /api/v1/show`: the snapshot plus the cues in order with their status and re-flowed start. */
export const LiveView = LiveSnapshot.extend({
  projectedEndAt: Instant.nullable(),
  cues: z.array(
    z.object({
      id: Id,
      title: z.string(),
      kind: z.string(),
      productId: Id.nullable(),
      durationMs: z.number().int(),
      segmentTitle: z.string(),
      adHoc: z.boolean(),
      status: CueStatus,
      /** Actual start (done/current) or the start re-flowed from the actual times (pending). */
      startAt: Instant.nullable(),
      plannedStartAt: Instant.nullable(),
    }),
  ),
});
export type LiveView = z.infer<typeof LiveView>;

const Expected = Id.nullable().optional();

export const ArmInput = z.object({
  id: Id,
  rehearsal: z.boolean().default(false),
  /** Another show is armed or running: end it and arm this one (the UI asks first). */
  force: z.boolean().default(false),
});
export const GoInput = z.object({
  /** The cue the caller expects to leave (null before the first Go). A stale Go answers 409. */
  expectedCueId: Expected,
  trigger: GoTrigger.optional(),
});
export const JumpInput = z.object({ cueId: Id, expectedCueId: Expected, trigger: GoTrigger.optional() });
export const SkipInput = z.object({ cueId: Id, skip: z.boolean().default(true) });

/**
 * Where the show is after a Go, Back, jump or re-apply: the snapshot's head, of the same small
 * size however long the show has run. The whole snapshot, with every fired cue and marker, is
 * `GET /show`, and the `live.state` push sent in the same turn of the event loop as the Go's commit.
 */
export const LivePosition = LiveSnapshot.pick({
  revision: true,
  now: true,
  state: true,
  runId: true,
  showId: true,
  rehearsal: true,
  startedAt: true,
  currentCueId: true,
  standbyCueId: true,
  previousCueId: true,
  cueStartedAt: true,
  plannedEndAt: true,
  autoGo: true,
  planBehind: true,
  lastSeq: true,
});
export type LivePosition = z.infer<typeof LivePosition>;

export const GoResult = z.object({
  position: LivePosition,
  /** The cue now on air, and the log row of the Go. */
  cueId: Id.nullable(),
  seq: z.number().int(),
  obs: z.array(ObsActionOutcome),
  overlays: z.array(z.object({ action: z.string(), ok: z.boolean(), message: z.string().optional() })),
});
export type GoResult = z.infer<typeof GoResult>;

export const MessageInput = z.object({ text: Line(300) });
export const MarkerInput = z.object({ label: Line(80).default(''), quick: z.number().int().min(1).max(9).optional() });
export const ProductLiveInput = z.object({
  productId: Id,
  livePrice: Money.nullable().optional(),
  stock: z.number().int().min(0).max(100_000_000).nullable().optional(),
  soldOut: z.boolean().optional(),
});
export const ChecklistInput = z.object({ cueId: Id, index: z.number().int().min(0).max(11), done: z.boolean().default(true) });
export const InsertCueInput = z.object({
  productId: Id,
  title: Line(200).optional(),
  durationMs: z.number().int().min(0).max(6 * 3600_000).optional(),
  livePrice: Money.nullable().optional(),
});
export const LogQuery = z.object({
  runId: Id.optional(),
  since: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(50_000).optional(),
  /** Only the last `tail` rows (the cockpit's log panel). */
  tail: z.number().int().min(1).max(5000).optional(),
});
export const LogPage = z.object({ runId: Id.nullable(), rows: z.array(LogRow), lastSeq: z.number().int() });
export const LOG_FORMATS = ['csv', 'json'] as const;
export const LogExportInput = z.object({ runId: Id.optional(), format: z.enum(LOG_FORMATS).default('csv'), lang: ExportLang.default('zh-CN') });

export const RunSummary = z.object({
  id: Id,
  showId: Id,
  showTitle: z.string(),
  platform: z.enum(PLATFORMS),
  rehearsal: z.boolean(),
  state: RunState,
  armedAt: Instant,
  startedAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  logCount: z.number().int(),
});
export type RunSummary = z.infer<typeof RunSummary>;
export const RunListInput = z.object({ showId: Id.optional(), rehearsal: z.boolean().optional() });

export const LIVE_KEY_ACTIONS = ['go', 'back', 'hideAll', 'marker', 'cancelAutoGo'] as const;
export type LiveKeyAction = (typeof LIVE_KEY_ACTIONS)[number];
/** Key names as KeyboardEvent.code (layout-independent), e.g. `Space`, `Backspace`, `KeyM`. */
const KeyCode = z.string().regex(/^[A-Za-z0-9]{1,24}$/);
export const LiveSettings = z.object({
  keys: z.object({ go: KeyCode, back: KeyCode, hideAll: KeyCode, marker: KeyCode, cancelAutoGo: KeyCode }),
  /** Quick markers on keys 1–9. */
  quickMarkers: z.array(Line(40)).length(9),
  /** A second Go within this time is ignored (and logged as ignored). */
  doubleGoMs: z.number().int().min(0).max(5000),
  /** How long the visible auto-go runs before auto-follow fires the next cue. */
  autoGoMs: z.number().int().min(1000).max(30_000),
  /** Desktop app only: Go/Back keys work while another app (OBS) has focus. Off by default. */
  globalShortcuts: z.object({ enabled: z.boolean(), go: z.string().max(40), back: z.string().max(40) }),
  /** OBS in studio mode: the standby cue's scene waits in OBS's Preview (a real run only). */
  obsPreviewStandby: z.boolean(),
});
export type LiveSettings = z.infer<typeof LiveSettings>;
export const LiveSettingsPatch = LiveSettings.partial().extend({ keys: LiveSettings.shape.keys.partial().optional() });

export const LiveOverlayKindInput = z.object({ kind: z.enum(OVERLAY_KINDS) }).strict();

export const SessionInfo = z.object({ role: z.enum(['operator', 'viewer']), door: z.string(), seat: z.string().nullable() });

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Spread into the contract's `methods`. Live writes never wait behind a catalog import. */
export const liveMethods = {
  'live.get': def({
    input: Empty,
    output: LiveView,
    write: false,
    summary:
      'The show being run: `state` (`idle|armed|running|ended`), current and standby cue, `startedAt`, `cueStartedAt`, `plannedEndAt`, `projectedEndAt`, `now` (server ms) and the cues in order with their status.',
    http: { method: 'GET', path: '/show' },
  }),
  'live.plan': def({
    input: Empty,
    output: RunPlan.nullable(),
    write: false,
    summary: 'The rundown of the run (the plan as armed plus cues inserted live), with every cue\'s fields.',
    http: { method: 'GET', path: '/show/plan' },
  }),
  'live.plan.reload': def({
    input: Empty,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary:
      'Take the show\'s saved plan into the run: cues up to the one on air stay as they are (their text refreshed), the rest follow the plan\'s new order, encores stay after the cue they followed. Nothing on air changes.',
    http: { method: 'POST', path: '/show/plan/reload' },
  }),
  'live.arm': def({
    input: ArmInput,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary:
      'Arm a show: standby on its first cue, nothing on air changes. `{"rehearsal": true}` keeps OBS and the OBS overlay pages untouched. 409 while another show is armed or running, unless `force`.',
    http: { method: 'POST', path: '/shows/{id}/arm' },
  }),
  'live.go': def({
    input: GoInput,
    output: GoResult,
    write: true,
    gate: 'free',
    summary:
      'Fire the standby cue (scene, sources, texts and overlays as one step) and move standby on. `expectedCueId` (the current cue, or null before the first Go) makes a stale Go a 409.',
    http: { method: 'POST', path: '/show/go' },
  }),
  'live.back': def({
    input: GoInput,
    output: GoResult,
    write: true,
    gate: 'free',
    summary: 'Re-fire the previous cue.',
    http: { method: 'POST', path: '/show/back' },
  }),
  'live.jump': def({
    input: JumpInput,
    output: GoResult,
    write: true,
    gate: 'free',
    summary: 'Fire any cue of the run now; standby moves to the cue after it.',
    http: { method: 'POST', path: '/show/cues/{cueId}/go' },
  }),
  'live.skip': def({
    input: SkipInput,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'Skip a cue (standby moves past it without firing it); `{"skip": false}` takes it back.',
    http: { method: 'POST', path: '/show/cues/{cueId}/skip' },
  }),
  'live.end': def({
    input: Empty,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'End the run: the clocks stop, the log is closed.',
    http: { method: 'POST', path: '/show/end' },
  }),
  'live.close': def({
    input: Empty,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'Put an ended run away: the cockpit goes back to idle (the log stays).',
    http: { method: 'POST', path: '/show/close' },
  }),
  'live.autogo.cancel': def({
    input: Empty,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'Cancel the pending auto-go (auto-follow) of the current cue.',
    http: { method: 'POST', path: '/show/autogo/cancel' },
  }),
  'live.reapply': def({
    input: Empty,
    output: GoResult,
    write: true,
    gate: 'free',
    summary: 'Send OBS what the log says is on air again (scene, sources, texts of the cues fired so far).',
    http: { method: 'POST', path: '/show/reapply' },
  }),
  'live.message': def({
    input: MessageInput,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'A one-line message to the host prompter ("讲赠品"); an empty text clears it.',
    http: { method: 'POST', path: '/show/message' },
  }),
  'live.marker': def({
    input: MarkerInput,
    output: z.object({ seq: z.number().int(), at: Instant }),
    write: true,
    gate: 'free',
    summary: 'Drop a marker in the as-run log (`label`; `quick` 1–9 uses that quick marker\'s label).',
    http: { method: 'POST', path: '/markers' },
  }),
  'live.product.set': def({
    input: ProductLiveInput,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'Change a product\'s live price, stock or sold-out for this run; its card and sticker on air follow at once.',
    http: { method: 'POST', path: '/show/products/{productId}' },
  }),
  'live.checklist.tick': def({
    input: ChecklistInput,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'Tick (or untick, `done: false`) a platform-checklist item of a cue.',
    http: { method: 'POST', path: '/show/cues/{cueId}/checklist/{index}' },
  }),
  'live.cues.insert': def({
    input: InsertCueInput,
    output: LiveSnapshot,
    write: true,
    gate: 'free',
    summary: 'Insert an ad-hoc cue (返场: bring a product back) at standby, made like that product\'s last cue in the run.',
    http: { method: 'POST', path: '/show/cues' },
  }),
  'live.overlays.show': def({
    input: OverlayShowInput,
    output: OverlayState,
    write: true,
    gate: 'free',
    summary: 'Show or update an overlay for the run (logged; in a rehearsal only the in-app preview changes).',
  }),
  'live.overlays.hide': def({
    input: LiveOverlayKindInput,
    output: OverlayState,
    write: true,
    gate: 'free',
    summary: 'Hide an overlay for the run (logged).',
  }),
  'live.overlays.clear': def({
    input: Empty,
    output: OverlayState,
    write: true,
    gate: 'free',
    summary: 'Panic: hide every overlay of the run at once (logged).',
  }),
  'live.overlays.get': def({
    input: Empty,
    output: OverlayState,
    write: false,
    summary: 'The overlays the run drives: OBS\'s pages in a real run, the preview channel in a rehearsal.',
  }),
  'live.log': def({
    input: LogQuery,
    output: LogPage,
    write: false,
    summary: 'As-run log rows (JSON) of the current run, or of `runId`, after `since` (a seq).',
  }),
  'live.log.export': def({
    input: LogExportInput,
    output: FileOutput,
    write: false,
    summary: 'The as-run log of the current (or `runId`) run as a file: CSV (UTF-8 with BOM, a readable summary per row) or JSON.',
  }),
  'live.runs': def({
    input: RunListInput,
    output: z.array(RunSummary),
    write: false,
    summary: 'Every run, newest first; `rehearsal=false` lists only real shows.',
    http: { method: 'GET', path: '/runs' },
  }),
  'live.settings.get': def({
    input: Empty,
    output: LiveSettings,
    write: false,
    summary: 'Cockpit keys, quick-marker labels, the double-Go guard, auto-go lead, desktop global shortcuts and the studio-mode Preview of the standby cue.',
    http: { method: 'GET', path: '/live/settings' },
  }),
  'live.settings.set': def({
    input: LiveSettingsPatch,
    output: LiveSettings,
    write: true,
    summary: 'Change cockpit settings (keys, quick markers, double-Go guard, auto-go lead, global shortcuts, `obsPreviewStandby`).',
    http: { method: 'PATCH', path: '/live/settings' },
  }),
  'session.prompter': def({
    input: Empty,
    output: z.object({ viewerToken: z.string().nullable() }),
    write: false,
    operatorOnly: true,
    summary: 'The read-only viewer token for the host prompter (/prompter?token=...) and observers. Operators only.',
  }),
  'session.get': def({
    input: Empty,
    output: SessionInfo,
    write: false,
    summary: 'Who this connection is: `operator` (may change things) or `viewer` (reads only).',
    http: { method: 'GET', path: '/session' },
  }),
} as const satisfies Record<string, MethodDef>;

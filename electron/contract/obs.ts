import { z } from 'zod';
import { Empty, Instant } from './common';
import type { MethodDef } from './methods';

export const OBS_ERROR_CODES = [
  'auth_failed',
  'unsupported_version',
  'kicked',
  'unreachable',
  'not_obs',
  'timeout',
  'connection_lost',
  'not_connected',
  'not_ready',
  'not_found',
  'wrong_kind',
  'request_failed',
  'protocol_error',
] as const;
export const ObsErrorCode = z.enum(OBS_ERROR_CODES);

export const ObsFailure = z.object({ code: ObsErrorCode, message: z.string(), obsCode: z.number().int().optional() });

/** The connection, pushed whole to every client on each change. */
export const ObsStatus = z.object({
  revision: z.number().int(),
  state: z.enum(['disconnected', 'connecting', 'connected', 'failed']),
  reason: ObsFailure.optional(),
  target: z.string().optional(),
  obsVersion: z.string().optional(),
  obsWebSocketVersion: z.string().optional(),
  rpcVersion: z.number().int().optional(),
  rttMs: z.number().optional(),
  attempt: z.number().int().optional(),
  nextRetryAt: Instant.optional(),
  connectedAt: Instant.optional(),
});
export type ObsStatus = z.infer<typeof ObsStatus>;

type SceneItem = {
  id: number;
  sourceName: string;
  sourceType: 'input' | 'scene' | 'group' | 'other';
  inputKind: string | null;
  enabled: boolean;
  index: number;
  children?: SceneItem[];
};
export const ObsSceneItem: z.ZodType<SceneItem> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    sourceName: z.string(),
    sourceType: z.enum(['input', 'scene', 'group', 'other']),
    inputKind: z.string().nullable(),
    enabled: z.boolean(),
    index: z.number().int(),
    children: z.array(ObsSceneItem).optional(),
  }),
);

const ObsOutput = z.object({
  active: z.boolean(),
  paused: z.boolean().optional(),
  reconnecting: z.boolean().optional(),
  timecode: z.string(),
  durationMs: z.number(),
  measuredAt: Instant,
});

/** What OBS is showing: scenes in OBS's own order (top row first), program/preview, outputs. */
export const ObsMirror = z.object({
  revision: z.number().int(),
  ready: z.boolean(),
  sceneCollection: z.string().nullable(),
  scenes: z.array(z.object({ name: z.string(), items: z.array(ObsSceneItem) })),
  programScene: z.string().nullable(),
  previewScene: z.string().nullable(),
  studioMode: z.boolean(),
  inputs: z.array(z.object({ name: z.string(), kind: z.string(), unversionedKind: z.string() })),
  transitions: z.array(z.object({ name: z.string(), kind: z.string(), fixed: z.boolean() })),
  currentTransition: z.string().nullable(),
  transitionDurationMs: z.number().nullable(),
  stream: ObsOutput,
  record: ObsOutput,
  readAt: Instant.nullable(),
});
export type ObsMirror = z.infer<typeof ObsMirror>;

/** Saved connection settings. The password never leaves the core: only whether one is set. */
export const ObsSettings = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  connectOnStart: z.boolean(),
  hasPassword: z.boolean(),
});
export type ObsSettings = z.infer<typeof ObsSettings>;

export const ObsOverview = z.object({ settings: ObsSettings, status: ObsStatus, mirror: ObsMirror });

export const ObsConnectionInput = z.object({
  host: z.string().trim().min(1).max(253).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  /** A new password; `null` clears it; leave out to keep the stored one. */
  password: z.string().max(256).nullable().optional(),
  connectOnStart: z.boolean().optional(),
  /** true: connect now with these settings; false: disconnect; leave out to keep the state. */
  connect: z.boolean().optional(),
});

export const SWITCH_MODES = ['program', 'preview-transition'] as const;
export const ObsActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('switchScene'), scene: z.string().min(1), mode: z.enum(SWITCH_MODES).optional() }),
  z.object({ type: z.literal('setSourceVisible'), scene: z.string().min(1), source: z.string().min(1), visible: z.boolean() }),
  z.object({ type: z.literal('setText'), input: z.string().min(1), text: z.string().max(10_000) }),
  z.object({ type: z.literal('setImageFile'), input: z.string().min(1), path: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('setBrowserUrl'), input: z.string().min(1), url: z.url({ protocol: /^https?$/ }) }),
  z.object({ type: z.literal('refreshBrowser'), input: z.string().min(1) }),
]);
export type ObsActionInput = z.infer<typeof ObsActionInput>;
export const ObsActionResult = z.object({ ok: z.boolean(), code: ObsErrorCode.optional(), message: z.string().optional() });


const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Spread into the contract's `methods`. */
export const obsMethods = {
  'obs.get': def({
    input: Empty,
    output: ObsOverview,
    write: false,
    summary: 'OBS connection state and versions, saved settings (never the password), scenes, program scene.',
    http: { method: 'GET', path: '/obs' },
  }),
  'obs.connection.set': def({
    input: ObsConnectionInput,
    output: ObsOverview,
    write: true,
    summary: 'Save the OBS address/password/connect-on-start; `connect: true|false` connects or disconnects now.',
    http: { method: 'PUT', path: '/obs/connection' },
  }),
  'obs.actions.apply': def({
    input: z.object({ actions: z.array(ObsActionInput).min(1).max(50) }),
    output: z.object({ results: z.array(ObsActionResult) }),
    write: true,
    gate: 'free',
    summary: 'Send OBS actions as one batch (scene switch, source show/hide, text, image, browser URL); a result per action.',
    http: { method: 'POST', path: '/obs/actions' },
  }),
};

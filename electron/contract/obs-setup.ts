import { z } from 'zod';
import { CANVASES } from './catalog';
import { Empty, Id, Instant } from './common';
import type { MethodDef } from './methods';
import { ObsActionResult } from './obs';
import { OVERLAY_KINDS } from './overlay-kinds';

// Getting a show ready on a given OBS: preflight checks, overlay installation (browser sources,
// or native text/image sources where the OBS build has no browser source), native bindings.

export const NativeBinding = z.object({
  /** The scene item shown and hidden with the layer (usually a nested scene holding the sources). */
  item: z.object({ sceneName: z.string().min(1), sourceName: z.string().min(1) }).optional(),
  /** Overlay field → the OBS input that shows it. */
  fields: z.record(z.string(), z.string().min(1)),
});
export const NativeConfig = z.object({
  enabled: z.boolean(),
  bindings: z.partialRecord(z.enum(OVERLAY_KINDS), NativeBinding),
});
export type NativeConfig = z.infer<typeof NativeConfig>;

export const NativeState = NativeConfig.extend({
  /** Field names each overlay kind offers to native sources. */
  fields: z.record(z.string(), z.array(z.string())),
  /** The last sync to OBS: when, and the actions that failed. */
  lastSync: z
    .object({ at: Instant, failures: z.array(ObsActionResult.extend({ action: z.string() })) })
    .nullable(),
});

export const INSTALL_MODES = ['browser', 'native'] as const;
export const OverlayInstallInput = z.object({
  mode: z.enum(INSTALL_MODES),
  /** Scene to add the overlays to; default: the program scene. */
  scene: z.string().min(1).optional(),
  canvas: z.enum(CANVASES).optional(),
});
export const OverlayInstallResult = z.object({
  installed: z.boolean(),
  mode: z.enum(INSTALL_MODES),
  /** Why not, when `installed` is false: the UI offers native mode for `no_browser_source`. */
  reason: z.enum(['not_connected', 'no_browser_source', 'no_text_source', 'no_scene']).optional(),
  message: z.string(),
  scene: z.string().optional(),
  created: z.array(z.string()),
});

export const PREFLIGHT_CODES = [
  'obs_not_connected',
  'scene_missing',
  'source_missing',
  'text_input_missing',
  'text_input_wrong_kind',
  'overlays_not_installed',
  'native_binding_missing',
  'native_input_missing',
  'native_input_wrong_kind',
] as const;
export const PreflightIssue = z.object({
  code: z.enum(PREFLIGHT_CODES),
  severity: z.enum(['error', 'warning']),
  /** The cue it concerns (null: the whole show). */
  cueId: Id.nullable(),
  cueTitle: z.string(),
  /** The scene, source, input or overlay kind at fault. */
  subject: z.string(),
  message: z.string(),
  fix: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('create_scene'), scene: z.string() }),
      z.object({ type: z.literal('install_overlays') }),
    ])
    .optional(),
});
export type PreflightIssue = z.infer<typeof PreflightIssue>;
export const PreflightReport = z.object({
  showId: Id,
  ok: z.boolean(),
  checkedAt: Instant,
  obsConnected: z.boolean(),
  counts: z.object({ cues: z.number().int(), scenes: z.number().int(), sources: z.number().int(), overlays: z.number().int() }),
  issues: z.array(PreflightIssue),
});
export type PreflightReport = z.infer<typeof PreflightReport>;

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

export const obsSetupMethods = {
  'shows.preflight': def({
    input: z.object({ id: Id }),
    output: PreflightReport,
    write: false,
    summary: "Check a show's cues against the connected OBS: missing scenes or sources, wrong input kinds, overlays not installed.",
    http: { method: 'GET', path: '/shows/{id}/preflight' },
  }),
  'obs.scene.create': def({
    input: z.object({ name: z.string().trim().min(1).max(256) }),
    output: z.object({ created: z.boolean() }),
    write: true,
    gate: 'free',
    summary: 'Create a scene in OBS (a preflight fix).',
    http: { method: 'POST', path: '/obs/scenes' },
  }),
  'obs.overlays.install': def({
    input: OverlayInstallInput,
    output: OverlayInstallResult,
    write: true,
    summary: 'Install Cuecart overlays into OBS: browser sources sized to the canvas, or native text/image sources bound to the overlay fields.',
    http: { method: 'POST', path: '/obs/overlays/install' },
  }),
  'overlays.native.get': def({
    input: Empty,
    output: NativeState,
    write: false,
    summary: 'Native-source mode: whether it is on, which OBS inputs show which overlay fields, the last sync.',
    http: { method: 'GET', path: '/overlays/native' },
  }),
  'overlays.native.set': def({
    input: NativeConfig,
    output: NativeState,
    write: true,
    summary: 'Turn native-source mode on or off and bind overlay fields to OBS text and image sources.',
    http: { method: 'PUT', path: '/overlays/native' },
  }),
};

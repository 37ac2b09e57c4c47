import type { ObsFailure } from './errors';
import type { ResolvedItem } from './item-cache';
import type { RequestBatchRequest } from './obs-types';

/**
 * How a scene switch goes out when OBS is in studio mode (a per-show setting):
 * - program: straight to program; preview is not touched by us (OBS uses its current
 *   transition: obs-websocket 5.1 has no per-request transition override);
 * - preview-transition: the scene goes to preview first, then transitions to program, so the
 *   studio-mode preview and multiview follow the show. Outside studio mode both mean
 *   "switch program".
 */
export type SwitchMode = 'program' | 'preview-transition';

export type ObsAction =
  | { type: 'switchScene'; scene: string; mode?: SwitchMode }
  | { type: 'setSourceVisible'; scene: string; source: string; visible: boolean }
  | { type: 'setText'; input: string; text: string }
  | { type: 'setImageFile'; input: string; path: string }
  | { type: 'setBrowserUrl'; input: string; url: string }
  | { type: 'refreshBrowser'; input: string }
  /** Studio mode only: put a scene in OBS's Preview (program does not change). */
  | { type: 'setPreviewScene'; scene: string };

/** Builders, so call sites read like a cue sheet. */
export const obsAction = {
  switchScene: (scene: string, mode: SwitchMode = 'program'): ObsAction => ({ type: 'switchScene', scene, mode }),
  setSourceVisible: (scene: string, source: string, visible: boolean): ObsAction => ({
    type: 'setSourceVisible',
    scene,
    source,
    visible,
  }),
  setText: (input: string, text: string): ObsAction => ({ type: 'setText', input, text }),
  setImageFile: (input: string, path: string): ObsAction => ({ type: 'setImageFile', input, path }),
  setBrowserUrl: (input: string, url: string): ObsAction => ({ type: 'setBrowserUrl', input, url }),
  refreshBrowser: (input: string): ObsAction => ({ type: 'refreshBrowser', input }),
  setPreviewScene: (scene: string): ObsAction => ({ type: 'setPreviewScene', scene }),
};

export interface PlanContext {
  studioMode: boolean;
  /** true when the mirror has a complete, current read: only then is "unknown input" an error. */
  mirrorReady: boolean;
  inputKind(name: string): string | undefined;
  /** OBS said it removed this scene (it may still answer to its name for a moment). */
  removedScene(name: string): boolean;
}

export type ActionPlan = { requests: RequestBatchRequest[] } | { failure: ObsFailure };

/** GDI+ (Windows) and FreeType 2 (macOS/Linux) text sources, any version: the key is `text`. */
const TEXT_KIND = /^text_(gdiplus|ft2_source)(_v\d+)?$/;

const KIND_LABEL: Record<string, string> = { text: 'a text source', image: 'an image source', browser: 'a browser source' };

function kindOk(want: 'text' | 'image' | 'browser', kind: string): boolean {
  if (want === 'text') return TEXT_KIND.test(kind);
  if (want === 'image') return kind === 'image_source';
  return kind === 'browser_source';
}

/**
 * OBS accepts any settings key on any input and reports success, so "set the text of the logo"
 * would silently do nothing on air. When the mirror knows the input, the kind is checked first.
 */
function checkInput(input: string, want: 'text' | 'image' | 'browser', ctx: PlanContext): ObsFailure | null {
  const kind = ctx.inputKind(input);
  if (kind === undefined) {
    return ctx.mirrorReady ? { code: 'not_found', message: `There is no source named "${input}" in OBS.` } : null;
  }
  if (kindOk(want, kind)) return null;
  return { code: 'wrong_kind', message: `"${input}" is not ${KIND_LABEL[want]} (it is ${kind}).` };
}

/** What "not found" means for each action, in a producer's words (OBS's comment is generic). */
export function notFoundMessage(action: ObsAction): string {
  switch (action.type) {
    case 'switchScene':
    case 'setPreviewScene':
      return `There is no scene "${action.scene}" in OBS.`;
    case 'setSourceVisible':
      return `There is no source "${action.source}" in the OBS scene "${action.scene}".`;
    default:
      return `There is no source named "${action.input}" in OBS.`;
  }
}

/** One action → the requests that carry it out, or why it cannot be sent. */
export function planAction(action: ObsAction, ctx: PlanContext, resolved?: ResolvedItem): ActionPlan {
  switch (action.type) {
    case 'switchScene': {
      if (ctx.removedScene(action.scene)) return { failure: { code: 'not_found', message: notFoundMessage(action) } };
      if (action.mode === 'preview-transition' && ctx.studioMode) {
        // Not SetCurrentPreviewScene + TriggerStudioModeTransition: obs-websocket 5.1 (OBS 29)
        // applies the preview through a queued UI-thread call, and a trigger right behind it
        // in the same batch transitions to the OLD preview (seen on this machine). Naming the
        // target with SetCurrentProgramScene runs the same studio-mode transition (with the
        // preview/program swap) and cannot pick the wrong scene.
        return {
          requests: [
            { requestType: 'SetCurrentPreviewScene', requestData: { sceneName: action.scene } },
            { requestType: 'SetCurrentProgramScene', requestData: { sceneName: action.scene } },
          ],
        };
      }
      return { requests: [{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: action.scene } }] };
    }
    case 'setSourceVisible': {
      if (!resolved) return { failure: { code: 'not_found', message: notFoundMessage(action) } };
      return {
        requests: [
          {
            requestType: 'SetSceneItemEnabled',
            requestData: { sceneName: resolved.sceneName, sceneItemId: resolved.sceneItemId, sceneItemEnabled: action.visible },
          },
        ],
      };
    }
    case 'setText': {
      const failure = checkInput(action.input, 'text', ctx);
      if (failure) return { failure };
      // A text source set to read from a file ignores `text`; a cue that sets text means it.
      const kind = ctx.inputKind(action.input) ?? '';
      const inputSettings: Record<string, string | boolean> = { text: action.text };
      if (kind.startsWith('text_gdiplus')) inputSettings.read_from_file = false;
      if (kind.startsWith('text_ft2')) inputSettings.from_file = false;
      return {
        requests: [{ requestType: 'SetInputSettings', requestData: { inputName: action.input, inputSettings, overlay: true } }],
      };
    }
    case 'setImageFile': {
      const failure = checkInput(action.input, 'image', ctx);
      if (failure) return { failure };
      return {
        requests: [{ requestType: 'SetInputSettings', requestData: { inputName: action.input, inputSettings: { file: action.path }, overlay: true } }],
      };
    }
    case 'setBrowserUrl': {
      const failure = checkInput(action.input, 'browser', ctx);
      if (failure) return { failure };
      return {
        requests: [{ requestType: 'SetInputSettings', requestData: { inputName: action.input, inputSettings: { url: action.url }, overlay: true } }],
      };
    }
    case 'refreshBrowser': {
      const failure = checkInput(action.input, 'browser', ctx);
      if (failure) return { failure };
      return {
        requests: [{ requestType: 'PressInputPropertiesButton', requestData: { inputName: action.input, propertyName: 'refreshnocache' } }],
      };
    }
    case 'setPreviewScene': {
      if (ctx.removedScene(action.scene)) return { failure: { code: 'not_found', message: notFoundMessage(action) } };
      if (!ctx.studioMode) return { failure: { code: 'request_failed', message: 'OBS is not in studio mode: there is no Preview to set.' } };
      return { requests: [{ requestType: 'SetCurrentPreviewScene', requestData: { sceneName: action.scene } }] };
    }
    default:
      return action satisfies never;
  }
}

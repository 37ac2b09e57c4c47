import type { ObsConnection } from '../../../electron/core/obs/connection';
import type { RequestBatchRequest, ResponseMessage } from '../../../electron/core/obs/obs-types';

// A stand-in for the mirror's OBS session: it answers the mirror's reads from a small state
// (Main and BRB, a Logo in Main), lets a test emit OBS events and hold the next read.

type Handler = (data: Record<string, unknown>) => void;

export function mirrorStandIn() {
  const handlers = new Map<string, Handler[]>();
  const state = { program: 'Main', scenes: ['Main', 'BRB'], studio: false };
  let hold: ((release: () => void) => void) | null = null;
  const calls: string[] = [];
  const ok = (requestType: string, responseData: Record<string, unknown>) =>
    ({ requestType, requestStatus: { result: true, code: 100 }, responseData }) as unknown as ResponseMessage;
  const answer = (r: RequestBatchRequest): ResponseMessage => {
    switch (r.requestType) {
      case 'GetSceneCollectionList':
        return ok(r.requestType, { currentSceneCollectionName: 'Show', sceneCollections: ['Show'] });
      case 'GetSceneList':
        return ok(r.requestType, { currentProgramSceneName: state.program, currentPreviewSceneName: null, scenes: state.scenes.map((sceneName, sceneIndex) => ({ sceneName, sceneIndex })) });
      case 'GetGroupList':
        return ok(r.requestType, { groups: [] });
      case 'GetStudioModeEnabled':
        return ok(r.requestType, { studioModeEnabled: state.studio });
      case 'GetInputList':
        return ok(r.requestType, { inputs: [] });
      case 'GetSceneTransitionList':
        return ok(r.requestType, { currentSceneTransitionName: 'Cut', transitions: [] });
      case 'GetCurrentSceneTransition':
        return ok(r.requestType, { transitionDuration: null });
      case 'GetStreamStatus':
      case 'GetRecordStatus':
        return ok(r.requestType, { outputActive: false, outputReconnecting: false, outputPaused: false, outputTimecode: '00:00:00.000', outputDuration: 0 });
      case 'GetSceneItemList': {
        const main = (r.requestData as { sceneName?: string } | undefined)?.sceneName === 'Main';
        const items = main ? [{ sceneItemId: 3, sourceName: 'Logo', sourceType: 'OBS_SOURCE_TYPE_INPUT', inputKind: 'image_source', sceneItemEnabled: true, sceneItemIndex: 0, isGroup: null }] : [];
        return ok(r.requestType, { sceneItems: items });
      }
      default:
        throw new Error(`unexpected ${r.requestType}`);
    }
  };
  const conn = {
    isConnected: true,
    onStatus: () => () => undefined,
    onConnected: () => () => undefined,
    on: (event: string, handler: Handler) => {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return () => undefined;
    },
    callBatch: async (requests: RequestBatchRequest[]) => {
      const results = requests.map(answer); // answered as OBS was when it got the request
      const held = hold; // the next read only
      hold = null;
      if (held) await new Promise<void>((release) => held(release));
      return results;
    },
    call: async (requestType: string) => {
      calls.push(requestType);
      // OBS may still find a scene by name for a moment after removing it.
      return { sceneItemId: 7 };
    },
  } as unknown as ObsConnection;
  const emit = (event: string, data: Record<string, unknown>) => {
    for (const h of handlers.get(event) ?? []) h(data);
  };
  return { conn, state, emit, calls, holdNextRead: (f: (release: () => void) => void) => (hold = f) };
}

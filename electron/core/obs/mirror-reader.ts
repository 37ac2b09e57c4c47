import type { JsonObject, OBSResponseTypes, RequestBatchRequest, ResponseMessage } from './obs-types';
import type { ObsConnection } from './connection';
import { ObsError, describeRequestFailure } from './errors';
import type { MirrorOutput, MirrorSceneItem, MirrorSourceType, ObsMirrorBody } from './mirror-types';
import { RequestStatus } from './protocol';

/** The part of ObsConnection the reader needs (so tests can hand in anything that answers). */
export type ObsCaller = Pick<ObsConnection, 'callBatch'>;

/**
 * Full reads of OBS state, each as few RequestBatches as possible: after a reconnect the desk
 * should be accurate again within one or two round trips, not twenty.
 */

/** One full read: the mirror's own fields, with scene names (items are read separately). */
export type Overview = Pick<
  ObsMirrorBody,
  | 'programScene'
  | 'previewScene'
  | 'studioMode'
  | 'inputs'
  | 'transitions'
  | 'currentTransition'
  | 'transitionDurationMs'
  | 'stream'
  | 'record'
> & {
  sceneCollection: string;
  /** Scenes-dock order, top first (GetSceneList is bottom-to-top, so it is reversed). */
  sceneNames: string[];
  groupNames: string[];
};

function dataOf<T extends keyof OBSResponseTypes>(results: ResponseMessage[], i: number, type: T): OBSResponseTypes[T] {
  const r = results[i];
  if (!r) throw new ObsError('request_failed', `OBS sent no answer for ${type}.`);
  if (!r.requestStatus.result) {
    const f = describeRequestFailure(type, r.requestStatus.code, r.requestStatus.comment);
    throw new ObsError(f.code, f.message, f.obsCode);
  }
  return r.responseData as OBSResponseTypes[T];
}

export async function readOverview(conn: ObsCaller, now: () => number): Promise<Overview> {
  const requests: RequestBatchRequest[] = [
    { requestType: 'GetSceneCollectionList' },
    { requestType: 'GetSceneList', requestData: {} },
    { requestType: 'GetGroupList' },
    { requestType: 'GetStudioModeEnabled' },
    { requestType: 'GetInputList', requestData: {} },
    { requestType: 'GetSceneTransitionList' },
    { requestType: 'GetCurrentSceneTransition' },
    { requestType: 'GetStreamStatus' },
    { requestType: 'GetRecordStatus' },
  ];
  const r = await conn.callBatch(requests);
  const collections = dataOf(r, 0, 'GetSceneCollectionList');
  const sceneList = dataOf(r, 1, 'GetSceneList');
  const groups = dataOf(r, 2, 'GetGroupList');
  const studio = dataOf(r, 3, 'GetStudioModeEnabled');
  const inputs = dataOf(r, 4, 'GetInputList');
  const transitions = dataOf(r, 5, 'GetSceneTransitionList');
  const current = dataOf(r, 6, 'GetCurrentSceneTransition');
  const at = now();
  return {
    sceneCollection: collections.currentSceneCollectionName,
    sceneNames: [...(sceneList.scenes as Array<{ sceneName: string; sceneIndex: number }>)]
      .sort((a, b) => b.sceneIndex - a.sceneIndex)
      .map((s) => s.sceneName),
    groupNames: groups.groups,
    programScene: sceneList.currentProgramSceneName ?? null,
    previewScene: studio.studioModeEnabled ? (sceneList.currentPreviewSceneName ?? null) : null,
    studioMode: studio.studioModeEnabled,
    inputs: (inputs.inputs as Array<{ inputName: string; inputKind: string; unversionedInputKind: string }>).map((i) => ({
      name: i.inputName,
      kind: i.inputKind,
      unversionedKind: i.unversionedInputKind,
    })),
    transitions: (transitions.transitions as Array<{ transitionName: string; transitionKind: string; transitionFixed: boolean }>).map(
      (t) => ({ name: t.transitionName, kind: t.transitionKind, fixed: t.transitionFixed }),
    ),
    currentTransition: transitions.currentSceneTransitionName ?? null,
    transitionDurationMs: current.transitionDuration ?? null,
    stream: streamOutput(dataOf(r, 7, 'GetStreamStatus'), at),
    record: recordOutput(dataOf(r, 8, 'GetRecordStatus'), at),
  };
}

export async function readOutputs(conn: ObsCaller, now: () => number): Promise<{ stream: MirrorOutput; record: MirrorOutput }> {
  const r = await conn.callBatch([{ requestType: 'GetStreamStatus' }, { requestType: 'GetRecordStatus' }]);
  const at = now();
  return { stream: streamOutput(dataOf(r, 0, 'GetStreamStatus'), at), record: recordOutput(dataOf(r, 1, 'GetRecordStatus'), at) };
}

function streamOutput(s: OBSResponseTypes['GetStreamStatus'], at: number): MirrorOutput {
  return {
    active: s.outputActive,
    reconnecting: s.outputReconnecting,
    timecode: s.outputTimecode,
    durationMs: s.outputDuration,
    measuredAt: at,
  };
}

function recordOutput(s: OBSResponseTypes['GetRecordStatus'], at: number): MirrorOutput {
  return { active: s.outputActive, paused: s.outputPaused, timecode: s.outputTimecode, durationMs: s.outputDuration, measuredAt: at };
}

function toItem(raw: JsonObject): MirrorSceneItem {
  const sourceType: MirrorSourceType =
    raw.sourceType === 'OBS_SOURCE_TYPE_INPUT'
      ? 'input'
      : raw.sourceType === 'OBS_SOURCE_TYPE_SCENE'
        ? raw.isGroup === true
          ? 'group'
          : 'scene'
        : 'other';
  return {
    id: Number(raw.sceneItemId),
    sourceName: String(raw.sourceName),
    sourceType,
    inputKind: typeof raw.inputKind === 'string' ? raw.inputKind : null,
    enabled: raw.sceneItemEnabled === true,
    index: Number(raw.sceneItemIndex),
  };
}

/** Sources-dock order: the front-most layer (highest index) first. */
function dockOrder(items: MirrorSceneItem[]): MirrorSceneItem[] {
  return items.sort((a, b) => b.index - a.index);
}

/**
 * Items of the given scenes, with each group item's children attached. Groups are read with
 * GetGroupSceneItemList because GetSceneItemList shows a group as one item. A scene removed
 * between the overview and this read answers 600 and is left out, not treated as an error.
 */
export async function readSceneItems(
  conn: ObsCaller,
  sceneNames: readonly string[],
  groupNames: readonly string[],
): Promise<Map<string, MirrorSceneItem[]>> {
  const requests: RequestBatchRequest[] = [
    ...sceneNames.map((sceneName) => ({ requestType: 'GetSceneItemList' as const, requestData: { sceneName } })),
    ...groupNames.map((sceneName) => ({ requestType: 'GetGroupSceneItemList' as const, requestData: { sceneName } })),
  ];
  if (requests.length === 0) return new Map();
  const r = await conn.callBatch(requests);
  const groupItems = new Map<string, MirrorSceneItem[]>();
  groupNames.forEach((name, j) => {
    const res = r[sceneNames.length + j];
    if (res?.requestStatus.result) {
      const data = res.responseData as OBSResponseTypes['GetGroupSceneItemList'];
      groupItems.set(name, dockOrder(data.sceneItems.map(toItem)));
    }
  });
  const out = new Map<string, MirrorSceneItem[]>();
  sceneNames.forEach((name, i) => {
    const res = r[i];
    if (!res) return;
    if (!res.requestStatus.result) {
      if (res.requestStatus.code === RequestStatus.ResourceNotFound) return;
      const f = describeRequestFailure('GetSceneItemList', res.requestStatus.code, res.requestStatus.comment);
      throw new ObsError(f.code, f.message, f.obsCode);
    }
    const data = res.responseData as OBSResponseTypes['GetSceneItemList'];
    const items = dockOrder(data.sceneItems.map(toItem));
    for (const item of items) {
      if (item.sourceType === 'group') item.children = groupItems.get(item.sourceName) ?? [];
    }
    out.set(name, items);
  });
  return out;
}

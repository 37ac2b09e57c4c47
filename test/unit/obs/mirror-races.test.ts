import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../electron/core/clock';
import type { ObsConnection } from '../../../electron/core/obs/connection';
import { ObsMirror } from '../../../electron/core/obs/mirror';
import type { RequestBatchRequest, ResponseMessage } from '../../../electron/core/obs/obs-types';

// Two races seen against real OBS on a busy machine, replayed here with a stand-in connection so
// they happen every time: an answer and the event behind it handled in the "wrong" order, and a
// removed scene OBS still answers to by name.

type Handler = (data: Record<string, unknown>) => void;

function standIn() {
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

describe('OBS mirror races', () => {
  it('an event handled before the older read it overtook keeps its value', async () => {
    const obs = standIn();
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    expect(mirror.snapshot().programScene).toBe('Main');

    // A re-read is answered (program = Main) and, in the same chunk, the switch to BRB arrives:
    // the event is handled first, the read's answer after it.
    obs.holdNextRead((release) => {
      obs.state.program = 'BRB';
      obs.emit('CurrentProgramSceneChanged', { sceneName: 'BRB' });
      release();
    });
    mirror.mark({ overview: true });
    await mirror.whenIdle();
    expect(mirror.snapshot().programScene).toBe('BRB');
    mirror.dispose();
  });

  it('a visibility change during a read keeps the item ids: the next cue resolves without asking OBS', async () => {
    const obs = standIn();
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    expect(await mirror.resolveSceneItem('Main', 'Logo')).toEqual({ sceneName: 'Main', sceneItemId: 3 });
    // The change lands during a read; the re-read of Main it causes is still out when the next
    // cue asks for the item.
    let releaseReread: (() => void) | null = null;
    obs.holdNextRead((release) => {
      obs.emit('SceneItemEnableStateChanged', { sceneName: 'Main', sceneItemId: 3, sceneItemEnabled: false });
      obs.holdNextRead((r) => (releaseReread = r));
      release();
    });
    mirror.mark({ overview: true });
    while (!releaseReread) await new Promise((r) => setTimeout(r, 1));
    expect(await mirror.resolveSceneItem('Main', 'Logo')).toEqual({ sceneName: 'Main', sceneItemId: 3 });
    expect(obs.calls).toEqual([]); // no GetSceneItemId round trip before the next batch
    (releaseReread as () => void)();
    await mirror.whenIdle();
    mirror.dispose();
  });

  it('in studio mode, a transition that ends makes the mirror read OBS again (an answer given mid-transition may name the old program scene)', async () => {
    const obs = standIn();
    obs.state.studio = true;
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    expect(mirror.snapshot()).toMatchObject({ studioMode: true, programScene: 'Main' });
    // The switch's event was overwritten by such an answer: only OBS now knows it is BRB.
    obs.state.program = 'BRB';
    obs.emit('SceneTransitionEnded', { transitionName: 'Fade' });
    await mirror.whenIdle();
    expect(mirror.snapshot().programScene).toBe('BRB');
    mirror.dispose();
  });

  it('a scene OBS said it removed is not_found at once, without asking OBS (which may still answer)', async () => {
    const obs = standIn();
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    obs.state.scenes = ['Main'];
    obs.emit('SceneRemoved', { sceneName: 'BRB', isGroup: false });
    await mirror.whenIdle();
    await expect(mirror.resolveSceneItem('BRB', 'Title')).rejects.toMatchObject({ code: 'not_found' });
    expect(mirror.isRemovedScene('BRB')).toBe(true);
    expect(obs.calls).toEqual([]);
    // Created again: it is back.
    obs.state.scenes = ['Main', 'BRB'];
    obs.emit('SceneCreated', { sceneName: 'BRB', isGroup: false });
    await mirror.whenIdle();
    expect(mirror.isRemovedScene('BRB')).toBe(false);
    expect(await mirror.resolveSceneItem('BRB', 'Title')).toEqual({ sceneName: 'BRB', sceneItemId: 7 });
    mirror.dispose();
  });
});

import type { ObsConnection } from './connection';
import type { ObsMirror } from './mirror';

/**
 * OBS events → mirror updates. Cheap, exact events patch the state directly; anything that
 * changes structure (scenes, items, inputs, collection) invalidates the id cache and marks a
 * re-read, because rebuilding structure from event fields is where mirrors drift.
 */
export function wireMirrorEvents(conn: ObsConnection, mirror: ObsMirror): Array<() => void> {
  return [
    // Scene collection: everything changes. Between Changing and Changed OBS is half-loaded
    // (5.3+ answers NotReady), so the mirror is marked not ready and read again afterwards.
    conn.on('CurrentSceneCollectionChanging', () => mirror.setCollectionLoading(true)),
    conn.on('CurrentSceneCollectionChanged', () => mirror.setCollectionLoading(false)),

    // Scenes
    conn.on('SceneCreated', (d) => {
      mirror.sceneRemoved(d.sceneName, false);
      if (d.isGroup) mirror.mark({ overview: true });
      else mirror.mark({ overview: true, scenes: [d.sceneName] });
    }),
    conn.on('SceneRemoved', (d) => {
      mirror.sceneRemoved(d.sceneName, true);
      mirror.invalidateContainer(d.sceneName);
      mirror.mark({ overview: true });
    }),
    // A rename also changes the sourceName of every item that nests this scene: re-read all.
    conn.on('SceneNameChanged', () => {
      mirror.clearCache();
      mirror.markFull();
    }),
    conn.on('SceneListChanged', () => mirror.mark({ overview: true })),
    conn.on('CurrentProgramSceneChanged', (d) =>
      mirror.patch((s) => {
        s.programScene = d.sceneName;
      }),
    ),
    conn.on('CurrentPreviewSceneChanged', (d) =>
      mirror.patch((s) => {
        s.previewScene = s.studioMode ? d.sceneName : null;
      }),
    ),

    // UI
    conn.on('StudioModeStateChanged', (d) => {
      mirror.patch((s) => {
        s.studioMode = d.studioModeEnabled;
        if (!d.studioModeEnabled) s.previewScene = null;
      });
      // Entering studio mode picks a preview scene; read it rather than guess.
      if (d.studioModeEnabled) mirror.mark({ overview: true });
    }),

    // Scene items
    conn.on('SceneItemCreated', (d) => mirror.invalidateContainer(d.sceneName)),
    conn.on('SceneItemRemoved', (d) => mirror.invalidateContainer(d.sceneName)),
    conn.on('SceneItemListReindexed', (d) => mirror.invalidateContainer(d.sceneName)),
    conn.on('SceneItemEnableStateChanged', (d) => {
      mirror.setItemEnabled(d.sceneName, d.sceneItemId, d.sceneItemEnabled);
    }),

    // Inputs: a rename changes item sourceNames everywhere, so it re-reads everything.
    conn.on('InputCreated', () => mirror.mark({ overview: true })),
    conn.on('InputRemoved', () => mirror.mark({ overview: true })),
    conn.on('InputNameChanged', () => {
      mirror.clearCache();
      mirror.markFull();
    }),

    // Transitions
    conn.on('CurrentSceneTransitionChanged', () => mirror.mark({ overview: true })),
    // In studio mode OBS can answer a read made during a transition with the old program scene,
    // after the event that named the new one: once the transition is over, read again.
    conn.on('SceneTransitionEnded', () => {
      if (mirror.isReading || mirror.snapshot().studioMode) mirror.mark({ overview: true });
    }),
    conn.on('CurrentSceneTransitionDurationChanged', (d) =>
      mirror.patch((s) => {
        s.transitionDurationMs = d.transitionDuration;
      }),
    ),

    // Outputs: flip `active` at once for the tally, then read the timecode.
    conn.on('StreamStateChanged', (d) => {
      mirror.patch((s) => {
        s.stream.active = d.outputActive;
      });
      mirror.mark({ outputs: true });
    }),
    conn.on('RecordStateChanged', (d) => {
      mirror.patch((s) => {
        s.record.active = d.outputActive;
        if (d.outputState === 'OBS_WEBSOCKET_OUTPUT_PAUSED') s.record.paused = true;
        if (d.outputState === 'OBS_WEBSOCKET_OUTPUT_RESUMED') s.record.paused = false;
      });
      mirror.mark({ outputs: true });
    }),
  ];
}

import type { Revisioned } from './snapshot';

/** What a scene item points at. Groups are scenes in OBS, but behave differently (see mirror.ts). */
export type MirrorSourceType = 'input' | 'scene' | 'group' | 'other';

export interface MirrorSceneItem {
  id: number;
  sourceName: string;
  sourceType: MirrorSourceType;
  /** Versioned input kind (e.g. text_ft2_source_v2); null for scenes and groups. */
  inputKind: string | null;
  enabled: boolean;
  /** OBS's layer index: 0 is the bottom-most layer (the last row in OBS's Sources dock). */
  index: number;
  /** Only for groups: the group's own items, in the same order as `items`. */
  children?: MirrorSceneItem[];
}

export interface MirrorScene {
  name: string;
  /** Sources-dock order: top row (front-most layer) first. */
  items: MirrorSceneItem[];
}

export interface MirrorInput {
  name: string;
  kind: string;
  unversionedKind: string;
}

export interface MirrorTransition {
  name: string;
  kind: string;
  /** Fixed transitions (Cut) have no duration. */
  fixed: boolean;
}

export interface MirrorOutput {
  active: boolean;
  /** Record only. */
  paused?: boolean;
  /** Stream only: OBS is trying to get the stream back. */
  reconnecting?: boolean;
  /** As OBS reported it at `measuredAt` ("HH:MM:SS.mmm"). */
  timecode: string;
  durationMs: number;
  /**
   * Epoch ms (injected clock) when `durationMs` was read. While active and not paused, a
   * display shows `durationMs + (now - measuredAt)`: no per-second polling, no drift.
   */
  measuredAt: number;
}

export interface ObsMirrorBody {
  /**
   * true once everything below was read in full during the current connection. false while
   * connecting, disconnected, or loading another scene collection: the data is then the last
   * known state, fine to show greyed out, not to act on.
   */
  ready: boolean;
  sceneCollection: string | null;
  /**
   * Scenes-dock order: top row first. obs-websocket 5 returns arrays bottom-to-top
   * (obs-websocket #955, #1034), so GetSceneList's array is reversed here.
   * OBS sends no event when scenes are only reordered by drag-and-drop; the order refreshes on
   * the next full read (reconnect, collection change, scene created/removed).
   */
  scenes: MirrorScene[];
  programScene: string | null;
  /** null unless studio mode is on. */
  previewScene: string | null;
  studioMode: boolean;
  inputs: MirrorInput[];
  transitions: MirrorTransition[];
  currentTransition: string | null;
  transitionDurationMs: number | null;
  stream: MirrorOutput;
  record: MirrorOutput;
  /** Epoch ms of the last completed full read. */
  readAt: number | null;
}
export type ObsMirrorSnapshot = Revisioned<ObsMirrorBody>;

export function emptyOutput(now = 0): MirrorOutput {
  return { active: false, timecode: '00:00:00.000', durationMs: 0, measuredAt: now };
}

export function emptyMirror(): ObsMirrorBody {
  return {
    ready: false,
    sceneCollection: null,
    scenes: [],
    programScene: null,
    previewScene: null,
    studioMode: false,
    inputs: [],
    transitions: [],
    currentTransition: null,
    transitionDurationMs: null,
    stream: emptyOutput(),
    record: { ...emptyOutput(), paused: false },
    readAt: null,
  };
}

/** Elapsed time of an output at `now`, extrapolated from the last reading. */
export function outputElapsedMs(output: MirrorOutput, now: number): number {
  if (!output.active || output.paused) return output.durationMs;
  return output.durationMs + Math.max(0, now - output.measuredAt);
}

/**
 * Set `enabled` on item `id` of `container` (a scene, or a group inside any scene) in place.
 * Returns whether it was found.
 */
export function patchItemEnabled(
  itemsByScene: ReadonlyMap<string, MirrorSceneItem[]>,
  container: string,
  id: number,
  enabled: boolean,
): boolean {
  let found = false;
  const visit = (list: MirrorSceneItem[] | undefined, inContainer: boolean): void => {
    for (const item of list ?? []) {
      if (inContainer && item.id === id) {
        item.enabled = enabled;
        found = true;
      }
      if (item.sourceType === 'group') visit(item.children, item.sourceName === container);
    }
  };
  for (const [scene, list] of itemsByScene) visit(list, scene === container);
  return found;
}

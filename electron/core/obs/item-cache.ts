import type { MirrorSceneItem } from './mirror-types';

/** Where a source sits: `sceneName` is the scene, or the group for a source inside a group. */
export interface ResolvedItem {
  sceneName: string;
  sceneItemId: number;
}

/**
 * Scene item ids by (scene, source name). Cues name sources, OBS wants ids; resolving each name
 * with GetSceneItemId before every cue would add a round trip per action on air.
 *
 * Entries come from the mirror's full item lists (direct items first, then items inside the
 * scene's groups, so `setSourceVisible('Product', 'Price')` finds Price inside a group) and from
 * GetSceneItemId answers. The mirror invalidates on SceneItemCreated/Removed/ListReindexed and
 * scene events, so a stale id never outlives the event that made it stale.
 */
export class SceneItemIdCache {
  private readonly byScene = new Map<string, Map<string, ResolvedItem>>();

  get(scene: string, source: string): ResolvedItem | undefined {
    return this.byScene.get(scene)?.get(source);
  }

  set(scene: string, source: string, resolved: ResolvedItem): void {
    let map = this.byScene.get(scene);
    if (!map) this.byScene.set(scene, (map = new Map()));
    map.set(source, resolved);
  }

  /** Replace a scene's entries from a fresh item list (Sources-dock order, top first). */
  fill(scene: string, items: readonly MirrorSceneItem[]): void {
    const map = new Map<string, ResolvedItem>();
    // With duplicates, the bottom-most item wins: that is what GetSceneItemId (offset 0)
    // answers, so cache hits and misses resolve to the same item.
    const bottomFirst = [...items].reverse();
    for (const item of bottomFirst) {
      if (!map.has(item.sourceName)) map.set(item.sourceName, { sceneName: scene, sceneItemId: item.id });
    }
    for (const group of bottomFirst) {
      if (group.sourceType !== 'group') continue;
      // A group's own entries, so the group name works as a scene name too.
      this.fill(group.sourceName, group.children ?? []);
      for (const child of [...(group.children ?? [])].reverse()) {
        if (!map.has(child.sourceName)) map.set(child.sourceName, { sceneName: group.sourceName, sceneItemId: child.id });
      }
    }
    this.byScene.set(scene, map);
  }

  /** Forget a scene or group, and every entry that points into it. */
  invalidate(name: string): void {
    this.byScene.delete(name);
    for (const [scene, map] of this.byScene) {
      for (const resolved of map.values()) {
        if (resolved.sceneName === name) {
          this.byScene.delete(scene);
          break;
        }
      }
    }
  }

  clear(): void {
    this.byScene.clear();
  }
}

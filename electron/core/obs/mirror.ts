import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../clock';
import type { ObsConnection } from './connection';
import type { ObsLog } from './connection-types';
import { ObsError, isObsError } from './errors';
import { SceneItemIdCache, type ResolvedItem } from './item-cache';
import { wireMirrorEvents } from './mirror-events';
import { readOutputs, readOverview, readSceneItems, type Overview } from './mirror-reader';
import { emptyMirror, patchItemEnabled, type MirrorSceneItem, type ObsMirrorBody, type ObsMirrorSnapshot } from './mirror-types';
import { SnapshotPublisher } from './snapshot';

export interface ObsMirrorOptions {
  clock: Clock;
  log?: ObsLog;
  /** While streaming or recording, re-read the timecode this often (ms). */
  outputPollMs?: number;
}

/** What still has to be re-read. Events only mark; one loop reads, so bursts coalesce. */
interface Dirty {
  overview: boolean;
  allItems: boolean;
  scenes: Set<string>;
  outputs: boolean;
}

const clean = (): Dirty => ({ overview: false, allItems: false, scenes: new Set(), outputs: false });

/**
 * A copy of OBS's state the desk can render and cues can resolve against without asking OBS.
 * Re-read in full after every (re)connect and scene-collection change, patched from events in
 * between. When in doubt it re-reads rather than guesses: OBS is the truth.
 */
export class ObsMirror {
  private readonly log: ObsLog;
  private readonly outputPollMs: number;
  private readonly pub: SnapshotPublisher<ObsMirrorBody>;
  private readonly cache = new SceneItemIdCache();
  private state: ObsMirrorBody = emptyMirror();
  private sceneNames: string[] = [];
  private groupNames: string[] = [];
  private readonly items = new Map<string, MirrorSceneItem[]>();
  private dirty = clean();
  private draining: Promise<void> | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private readFailures = 0;
  /** Between CurrentSceneCollectionChanging and ...Changed: no read may claim to be complete. */
  private collectionLoading = false;
  private readonly unsubscribe: Array<() => void> = [];
  /**
   * Scenes OBS said it removed (SceneRemoved). For a moment after that OBS may still find one by
   * name, while its UI lets go of it; a cue must not switch to it or toggle its items then.
   */
  private readonly removedScenes = new Set<string>();
  /** Cue batches out now (holdPublishing), and whether a publish waits for them. */
  private holds = 0;
  private heldBack = false;
  private disposed = false;

  constructor(
    private readonly conn: ObsConnection,
    private readonly options: ObsMirrorOptions,
  ) {
    this.log = options.log ?? (() => {});
    this.outputPollMs = options.outputPollMs ?? 5_000;
    this.pub = new SnapshotPublisher(this.build(), (error) => this.log('error', 'obs.mirror listener threw', { error: String(error) }));
    this.unsubscribe.push(
      conn.onConnected(() => this.markFull()),
      conn.onStatus((s) => {
        if (s.state !== 'connected') this.onConnectionDown();
      }),
      ...wireMirrorEvents(conn, this),
    );
    if (conn.isConnected) this.markFull();
  }

  snapshot(): ObsMirrorSnapshot {
    return this.pub.get();
  }

  onChange(listener: (snapshot: ObsMirrorSnapshot) => void): () => void {
    return this.pub.subscribe(listener);
  }

  /** Force a full re-read; resolves when the mirror is idle again. */
  refresh(): Promise<void> {
    this.markFull();
    return this.whenIdle();
  }

  /** Resolves when no read is pending (tests and "apply after reconnect" use this). */
  async whenIdle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Scene item id for a source in a scene: from the cache (filled by full reads, including
   * sources inside groups of that scene), else one GetSceneItemId. Rejects with not_found.
   */
  /** The item's id if the cache has it (and OBS has not said its scene was removed), without asking OBS. */
  cachedSceneItem(scene: string, source: string): ResolvedItem | undefined {
    if (this.removedScenes.has(scene)) return undefined;
    return this.cache.get(scene, source);
  }

  async resolveSceneItem(scene: string, source: string): Promise<ResolvedItem> {
    if (this.removedScenes.has(scene)) throw new ObsError('not_found', `There is no source "${source}" in the OBS scene "${scene}".`);
    const hit = this.cache.get(scene, source);
    if (hit) return hit;
    try {
      const { sceneItemId } = await this.conn.call('GetSceneItemId', { sceneName: scene, sourceName: source });
      const resolved = { sceneName: scene, sceneItemId };
      this.cache.set(scene, source, resolved);
      return resolved;
    } catch (error) {
      if (isObsError(error) && (error.code === 'not_found' || error.obsCode === 600)) {
        throw new ObsError('not_found', `There is no source "${source}" in the OBS scene "${scene}".`, error.obsCode);
      }
      throw error;
    }
  }

  /**
   * Hold publishing while a cue's batch is out (ObsBridge.applyActions). The batch's own events
   * (an item shown, the scene switched) reach Cuecart just before its answer; they change the
   * state at once, but telling the listeners (seats, the drift check) waits until the answer has
   * been handled, so a Go's answer never queues behind them. Then one publish covers them all.
   * Returns the release (idempotent).
   */
  holdPublishing(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds > 0 || !this.heldBack) return;
      // After the caller's own continuation (the Go answering) has run.
      setImmediate(() => {
        if (this.holds === 0 && this.heldBack && !this.disposed) this.publish();
      });
    };
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  // ---- called by mirror-events --------------------------------------------------------

  /** Mutate state from an event and publish at once (no read needed). */
  patch(mutate: (state: ObsMirrorBody) => void): void {
    mutate(this.state);
    this.publish();
  }

  markFull(): void {
    this.mark({ overview: true, allItems: true });
  }

  mark(what: { overview?: boolean; allItems?: boolean; scenes?: string[]; outputs?: boolean }): void {
    if (what.overview) this.dirty.overview = true;
    if (what.allItems) this.dirty.allItems = true;
    if (what.outputs) this.dirty.outputs = true;
    for (const scene of what.scenes ?? []) this.dirty.scenes.add(scene);
    this.kick();
  }

  /** A scene's (or group's) items changed: forget its ids and re-read the scenes that hold it. */
  invalidateContainer(name: string): void {
    this.cache.invalidate(name);
    this.rereadContainer(name);
  }

  /**
   * Re-read the scenes that hold a container, keeping its item ids: a visibility change moves no
   * item, so the next cue still resolves its sources without a round trip to OBS.
   */
  rereadContainer(name: string): void {
    const holders = this.groupNames.includes(name)
      ? this.sceneNames.filter((s) => this.items.get(s)?.some((i) => i.sourceName === name && i.sourceType === 'group'))
      : [name];
    if (holders.length === 0) this.mark({ overview: true, allItems: true });
    else this.mark({ scenes: holders });
  }

  /** From the scene events: a removed scene is gone at once, a (re)created one is back. */
  sceneRemoved(name: string, removed: boolean): void {
    if (removed) this.removedScenes.add(name);
    else this.removedScenes.delete(name);
  }

  /** OBS said this scene was removed (and has not listed or created it since). */
  isRemovedScene(name: string): boolean {
    return this.removedScenes.has(name);
  }

  clearCache(): void {
    this.cache.clear();
  }

  /** OBS is swapping scene collections: nothing read now is the final state. */
  setCollectionLoading(loading: boolean): void {
    this.collectionLoading = loading;
    if (loading) {
      this.cache.clear();
      this.patch((s) => {
        s.ready = false;
      });
    } else {
      this.markFull();
    }
  }

  /** Patch an item's visibility wherever it lives (scene or group); false if not found. */
  setItemEnabled(container: string, id: number, enabled: boolean): boolean {
    const found = patchItemEnabled(this.items, container, id, enabled);
    if (found) this.publish();
    // A read in flight may have been answered before this change: read the container again (its
    // ids stay valid). An item we do not know means our picture is off: forget the ids too.
    if (!found) this.invalidateContainer(container);
    else if (this.draining) this.rereadContainer(container);
    return found;
  }

  get isReading(): boolean {
    return this.draining !== null;
  }

  // ---- reading ------------------------------------------------------------------------

  private kick(): void {
    if (this.draining) return;
    this.draining = (async () => {
      // Let a burst of events from the same message batch land before reading.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      while (this.conn.isConnected && this.hasWork()) {
        const work = this.dirty;
        this.dirty = clean();
        try {
          await this.read(work);
          this.readFailures = 0;
        } catch (error) {
          // Lost the connection mid-read: the next onConnected marks a full read anyway.
          if (!this.conn.isConnected) break;
          // OBS answered but refused (e.g. busy loading): full read again, backing off to 5 s.
          this.log(isObsError(error) && error.code !== 'request_failed' ? 'info' : 'warn', 'obs.mirror read failed', {
            error: String(error),
          });
          const delay = Math.min(5_000, 250 * 2 ** Math.min(this.readFailures++, 5));
          await new Promise<void>((resolve) => setTimeout(resolve, delay));
          this.markQuietly();
        }
      }
    })().finally(() => {
      this.draining = null;
      // Work marked after the loop's last check (or dropped on disconnect) waits for the next kick.
      if (this.conn.isConnected && this.hasWork()) this.kick();
    });
  }

  private markQuietly(): void {
    this.dirty.overview = true;
    this.dirty.allItems = true;
  }

  private hasWork(): boolean {
    const d = this.dirty;
    return d.overview || d.allItems || d.outputs || d.scenes.size > 0;
  }

  private async read(work: Dirty): Promise<void> {
    const now = () => this.options.clock.now();
    const known = new Set(this.sceneNames);
    if (work.overview) {
      const before = structuredClone(this.state);
      this.applyOverview(await readOverview(this.conn, now), before);
    }
    const toRead = work.allItems
      ? this.sceneNames
      : this.sceneNames.filter((s) => work.scenes.has(s) || (work.overview && !known.has(s)));
    if (toRead.length > 0) {
      const fresh = await readSceneItems(this.conn, toRead, this.groupNames);
      for (const scene of toRead) {
        const list = fresh.get(scene);
        if (list) {
          this.items.set(scene, list);
          this.cache.fill(scene, list);
        } else {
          this.items.delete(scene);
          this.cache.invalidate(scene);
        }
      }
    }
    if (work.outputs && !work.overview) Object.assign(this.state, await readOutputs(this.conn, now));
    if (work.overview && work.allItems && !this.collectionLoading) {
      this.state.ready = true;
      this.state.readAt = now();
    }
    this.publish();
    this.schedulePoll();
  }

  /**
   * A read's answer can be older than an event handled while it was on its way (an answer and
   * the event behind it arrive in one chunk; the event is handled first): a field an event
   * changed since the read began keeps the event's value.
   */
  private applyOverview(o: Overview, before: ObsMirrorBody): void {
    if (this.state.sceneCollection !== null && o.sceneCollection !== this.state.sceneCollection) this.cache.clear();
    this.sceneNames = o.sceneNames;
    this.groupNames = o.groupNames;
    for (const scene of [...this.items.keys()]) {
      if (!o.sceneNames.includes(scene)) {
        this.items.delete(scene);
        this.cache.invalidate(scene);
      }
    }
    for (const name of [...o.sceneNames, ...o.groupNames]) this.removedScenes.delete(name);
    const { sceneNames: _s, groupNames: _g, ...rest } = o;
    const state = this.state as unknown as Record<string, unknown>;
    const was = before as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(rest)) {
      if (isDeepStrictEqual(state[key], was[key])) state[key] = value;
    }
  }

  private schedulePoll(): void {
    if (this.pollTimer || !this.conn.isConnected) return;
    if (!this.state.stream.active && !this.state.record.active) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.mark({ outputs: true });
    }, this.outputPollMs);
  }

  private onConnectionDown(): void {
    // A collection change cut short by a crash never sends ...Changed; the reconnect read decides.
    this.collectionLoading = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    this.dirty = clean();
    if (this.state.ready) {
      this.state.ready = false;
      this.publish();
    }
  }

  private build(): ObsMirrorBody {
    return {
      ...this.state,
      scenes: this.sceneNames.map((name) => ({ name, items: this.items.get(name) ?? [] })),
    };
  }

  private publish(): void {
    if (this.holds > 0) {
      this.heldBack = true;
      return;
    }
    this.heldBack = false;
    // Deep copy: listeners (doors, tests) may keep or mutate what they get.
    this.pub.publish(structuredClone(this.build()));
  }
}

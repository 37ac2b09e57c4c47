import type { ObsDrift } from '../../contract';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { ObsBridge } from '../obs';
import { driftOf, type OnAir } from './on-air';

/** Wait this long after our own OBS batch before calling a difference "drift" (OBS applies asynchronously). */
export const DRIFT_GRACE_MS = 1500;

export interface FollowTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ObsFollowDeps {
  obs: ObsBridge;
  clock: Clock;
  log: Logger;
  timers: FollowTimers;
  /** A real (not rehearsal) run is running: OBS is expected to show it. */
  live(): { running: boolean; active: boolean };
  onAir(): OnAir;
  /** The connection came or went during an active real run: put it on record. */
  recordStatus(connected: boolean, reason: string | undefined): void;
  /** OBS is back (and re-read) after a drop during this process: send what is on air again. */
  reapply(): Promise<unknown>;
  /** The drift changed (the run pushes it to the seats). */
  driftChanged(): void;
}

/**
 * The show runner's watch on OBS. When OBS drops and comes back while Cuecart runs, it re-applies
 * what the log says is on air as soon as OBS has been re-read. The first connection after
 * Cuecart's own start (and any hand change in OBS later) only compares: a difference is a drift
 * the cockpit shows with "re-apply", and Cuecart never switches OBS by itself then. Our own
 * batches are given time to land before anything is called a drift.
 */
export class ObsFollow {
  private connected = false;
  private seen = false;
  private reapplyOnReady = false;
  private busy = 0;
  private lastApplyAt = 0;
  private current: ObsDrift | null = null;
  private timer: unknown = null;
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly deps: ObsFollowDeps) {
    this.unsubscribe = [deps.obs.onStatus((s) => this.onStatus(s.state === 'connected', s.reason?.message)), deps.obs.onMirror(() => this.onMirror())];
  }

  /** One of our batches is out now. */
  get sendingNow(): boolean {
    return this.busy > 0;
  }

  get drift(): ObsDrift | null {
    return this.current;
  }

  /** Forget the drift (a new run, a closed one). */
  reset(): void {
    this.current = null;
  }

  /** Around each batch we send: drift is judged only once it has settled. */
  async sending<T>(send: () => Promise<T>): Promise<T> {
    this.busy += 1;
    try {
      return await send();
    } finally {
      this.busy -= 1;
      this.lastApplyAt = this.deps.clock.now();
      this.recheckLater();
    }
  }

  private onStatus(connected: boolean, reason: string | undefined): void {
    if (connected === this.connected) return;
    this.connected = connected;
    if (this.deps.live().active) this.deps.recordStatus(connected, reason);
    if (!connected) return;
    if (this.seen) this.reapplyOnReady = true;
    this.seen = true;
  }

  private onMirror(): void {
    if (this.reapplyOnReady && this.deps.obs.mirrorSnapshot().ready) {
      this.reapplyOnReady = false;
      if (this.deps.live().running) {
        this.deps.reapply().catch((error: unknown) => this.deps.log.warn('re-apply after reconnect failed', { error: String(error) }));
        return;
      }
    }
    this.check();
  }

  private check(): void {
    let drift: ObsDrift | null = null;
    if (this.deps.live().running && this.connected) {
      const settled = this.busy === 0 && this.deps.clock.now() - this.lastApplyAt >= DRIFT_GRACE_MS;
      if (!settled) {
        // Our own batch is still landing (a transition takes its time): judge once it settled.
        this.recheckLater();
        return;
      }
      drift = driftOf(this.deps.onAir(), this.deps.obs.mirrorSnapshot(), this.deps.clock.now());
    }
    const same = JSON.stringify(drift && { ...drift, at: 0 }) === JSON.stringify(this.current && { ...this.current, at: 0 });
    if (same) return;
    this.current = drift;
    this.deps.driftChanged();
  }

  private recheckLater(): void {
    if (this.timer !== null) return;
    const wait = Math.max(50, this.lastApplyAt + DRIFT_GRACE_MS - this.deps.clock.now());
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      this.check();
    }, wait);
  }

  dispose(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
    for (const off of this.unsubscribe.splice(0)) off();
  }
}

import type { ActionResult, ObsAction, ObsMirrorSnapshot } from '../obs';

/**
 * After our Preview set has landed, OBS can still take Preview back within this window (the
 * studio-mode "swap" at the end of a transition that was already under way); then it is set again.
 * A Preview the producer changes later is left alone.
 */
export const PREVIEW_SETTLE_MS = 2000;
/** Sends per standby at most: the first, and re-sets after OBS's swap took it back. */
const MAX_SENDS = 3;
/** While a cue batch is out, look again this much later: a Go never waits for the Preview. */
const BUSY_RETRY_MS = 50;

export interface PreviewTarget {
  /** Names the standby (run, cue, scene): a new key is a new standby to show. */
  key: string;
  scene: string;
  cueId: string;
}

export interface StandbyPreviewDeps {
  /** What should wait in OBS's Preview now, or null (no real run, or the standby keeps the scene). */
  target(): PreviewTarget | null;
  /** The producer's setting (Settings → cockpit). */
  enabled(): boolean;
  connected(): boolean;
  mirror(): Pick<ObsMirrorSnapshot, 'ready' | 'studioMode' | 'previewScene'> & { scenes: readonly { name: string }[] };
  /** A cue batch is out. */
  busy(): boolean;
  send(action: ObsAction): Promise<ActionResult>;
  /** Put a send's outcome on record (the as-run log). */
  record(target: PreviewTarget, result: ActionResult): void;
  now(): number;
  timers: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

/**
 * OBS in studio mode shows what comes next: the standby cue's scene waits in Preview, so the
 * producer and the multiview see it before Go takes it to program. Set once per standby (after
 * arm, each Go, back, jump, skip or insert), after the Go's own batch has been answered, so it
 * never slows a Go. Outside studio mode, in a rehearsal, or for a cue that keeps the scene it
 * does nothing. After Cuecart's own restart it waits for the next standby change (it changes
 * nothing in OBS by itself then); when OBS comes back after a drop, or studio mode is switched
 * on, Preview is filled again. A standby refused because OBS has no such scene is tried once more
 * when that scene appears in OBS (renamed back or re-created by the producer).
 */
export class StandbyPreview {
  private key: string | null = null;
  private sends = 0;
  private setAt: number | null = null;
  private confirmed = false;
  private sending = false;
  private timer: unknown = null;
  /** Studio mode as last read from a connected, ready OBS (null: not read yet in this process). */
  private studio: boolean | null = null;
  private wasConnected = false;
  private disposed = false;
  /** This standby's scene was refused as missing; `sawMissing`: OBS's scene list lacked it since. */
  private missingScene: string | null = null;
  private sawMissing = false;

  constructor(private readonly deps: StandbyPreviewDeps) {}

  /** Cuecart restarted with a run open: its standby counts as shown (nothing is sent for it). */
  adopt(): void {
    const target = this.deps.target();
    if (!target) return;
    this.key = target.key;
    this.sends = MAX_SENDS;
  }

  /** Something changed (the run, the setting, OBS): look again soon, never in the caller's turn. */
  kick(delayMs = 0): void {
    if (this.timer !== null || this.disposed) return;
    if (!this.wasConnected && !this.deps.connected()) return; // no OBS, and none before: nothing to look at
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      this.check();
    }, delayMs);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private check(): void {
    const connected = this.deps.connected();
    const mirror = this.deps.mirror();
    if (connected && !this.wasConnected && this.studio !== null) this.key = null; // OBS is back: fill Preview again
    this.wasConnected = connected;
    if (!connected || !mirror.ready) return;
    if (this.studio === false && mirror.studioMode) this.key = null; // switched on just now
    this.studio = mirror.studioMode;

    const target = this.deps.enabled() ? this.deps.target() : null;
    if (!target || !mirror.studioMode) return;
    if (target.key !== this.key) {
      this.key = target.key;
      this.sends = 0;
      this.setAt = null;
      this.confirmed = false;
      this.missingScene = null;
    }
    if (this.missingScene === target.scene) {
      // Retried only once the scene was seen missing and then back: never in a loop with OBS.
      const present = mirror.scenes.some((s) => s.name === target.scene);
      if (!present) this.sawMissing = true;
      else if (this.sawMissing) {
        this.missingScene = null;
        this.sends = 0;
        this.setAt = null;
        this.confirmed = false;
      }
    }
    if (mirror.previewScene === target.scene) {
      this.confirmed = this.setAt !== null;
      return;
    }
    if (this.sending || this.sends >= MAX_SENDS) return;
    // Sent already: only OBS's own swap right after it (seen after our set landed) is undone.
    if (this.setAt !== null && (!this.confirmed || this.deps.now() - this.setAt > PREVIEW_SETTLE_MS)) return;
    if (this.deps.busy()) {
      this.kick(BUSY_RETRY_MS);
      return;
    }
    this.sends += 1;
    this.sending = true;
    const done = (result: ActionResult) => {
      this.sending = false;
      if (this.key === target.key) {
        if (result.ok) {
          this.setAt = this.deps.now();
          this.confirmed = false;
        } else {
          this.sends = MAX_SENDS; // refused (no such scene, studio mode just went off): on record once, the next standby tries again
          if (result.code === 'not_found') {
            this.missingScene = target.scene; // ...or this one, when its scene is back in OBS
            this.sawMissing = false;
          }
        }
      }
      this.deps.record(target, result);
      this.kick(); // the standby may have moved on meanwhile
    };
    this.deps.send({ type: 'setPreviewScene', scene: target.scene }).then(done, (error: unknown) => done({ ok: false, code: 'request_failed', message: String(error) }));
  }
}

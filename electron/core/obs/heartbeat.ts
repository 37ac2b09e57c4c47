import { isObsError } from './errors';

export interface HeartbeatOptions {
  intervalMs: number;
  missesBeforeDrop: number;
  monotonic: () => number;
  /** A tiny request; must reject with an ObsError('timeout') when OBS does not answer. */
  probe: () => Promise<unknown>;
  onRtt: (rttMs: number) => void;
  /** Enough probes in a row timed out: treat the socket as dead. */
  onDead: () => void;
}

/**
 * A tiny request every few seconds measures RTT and notices a frozen OBS: a TCP socket to a
 * hung process stays open forever, so without this the desk would show "connected" while every
 * cue times out. Probes never overlap (the next is scheduled after the previous settles).
 * Returns a stop function.
 */
export function startHeartbeat(opts: HeartbeatOptions): () => void {
  if (opts.intervalMs <= 0) return () => {};
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (misses: number): void => {
    timer = setTimeout(() => void beat(misses), opts.intervalMs);
  };

  const beat = async (misses: number): Promise<void> => {
    const t0 = opts.monotonic();
    try {
      await opts.probe();
      if (stopped) return;
      opts.onRtt(Math.round(opts.monotonic() - t0));
      schedule(0);
    } catch (error) {
      if (stopped) return;
      const timedOut = isObsError(error) && error.code === 'timeout';
      if (timedOut && misses + 1 >= opts.missesBeforeDrop) {
        stopped = true;
        opts.onDead();
        return;
      }
      // Other failures (e.g. not_connected during a close) are the close handler's business.
      schedule(timedOut ? misses + 1 : 0);
    }
  };

  schedule(0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/**
 * Reconnect delays: capped exponential backoff with jitter.
 *
 * Jitter is "equal jitter" (a random cut of up to `jitter` of the step), not full jitter: a
 * single desk reconnecting to its own OBS wants a floor so it never hammers a restarting OBS,
 * while several desks (or Companion + Cuecart) reconnecting to the same OBS still spread out.
 */
export interface BackoffOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** No retry ever waits longer than this (a producer should not wait 30 s after OBS is back). */
  maxMs: number;
  /** Growth per failed attempt. */
  factor: number;
  /** 0..1: the share of the step that may be cut at random. */
  jitter: number;
}

// Capped at 1.5 s: a refused connect to OBS costs nothing, and once OBS is back the show must be
// driven again within ~2 s (bench: reconnect), not after a long backoff step.
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 1_500, factor: 2, jitter: 0.5 };

/** The step before jitter for the given 1-based retry number. */
export function backoffCeiling(retry: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(retry));
  // Cap the exponent too, so a show that ran all night with OBS closed never overflows to Infinity/NaN.
  const exp = Math.min(n - 1, 64);
  return Math.min(opts.maxMs, opts.initialMs * opts.factor ** exp);
}

/** Delay in ms before retry number `retry` (1-based); always within [ceiling*(1-jitter), ceiling]. */
export function backoffDelay(retry: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(retry, opts);
  const jitter = Math.min(1, Math.max(0, opts.jitter));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling * (1 - jitter * r));
}

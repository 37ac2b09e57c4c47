import type { OverlayState, RunCue } from '../../contract';

export interface AutoGoTiming {
  /** When the visible auto-GO starts (the cue's time is up / its countdown ended). */
  startsAt: number;
  /** When the next cue fires by itself. */
  firesAt: number;
}

/**
 * When a cue that auto-follows hands over: at its planned end, or when the countdown it put on
 * air ends (else its flash-sale/giveaway length from now), plus the visible auto-GO lead.
 */
export function autoGoFor(cue: RunCue, now: number, countdown: OverlayState['layers']['countdown'], leadMs: number): AutoGoTiming | null {
  if (cue.autoFollow === 'duration') return cue.durationMs > 0 ? { startsAt: now + cue.durationMs, firesAt: now + cue.durationMs + leadMs } : null;
  if (cue.autoFollow !== 'countdown') return null;
  const shown = cue.actions.overlays.some((o) => o.op === 'show' && o.overlay.kind === 'countdown');
  let endsAt: number | null = shown && countdown.visible && countdown.content ? countdown.content.endsAt : null;
  if (endsAt === null) {
    const seconds = cue.kind === 'flash_sale' ? cue.seconds : cue.kind === 'giveaway' ? cue.countdownSec : 0;
    endsAt = seconds > 0 ? now + seconds * 1000 : null;
  }
  return endsAt === null ? null : { startsAt: endsAt, firesAt: endsAt + leadMs };
}

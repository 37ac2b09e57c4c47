// Clocks of a run, computed from server instants: the same pure code runs in the core (for the
// control API) and in every seat (each frame, from `now` + the seat's server offset). Nothing
// here counts ticks, so a stalled connection can never leave a clock that drifted.

export interface ScheduleCue {
  id: string;
  durationMs: number;
  adHoc: boolean;
}

export interface ScheduleState {
  state: 'idle' | 'armed' | 'running' | 'ended';
  currentCueId: string | null;
  cueStartedAt: number | null;
  plannedStartAt: number | null;
  endedAt: number | null;
  fired: Record<string, { lastAt: number }>;
  skipped: readonly string[];
}

export interface CueTiming {
  /** Actual start (done, current) or re-flowed start (still to come); null for skipped cues. */
  startAt: number | null;
  /** The plan's start (show start + planned durations before it); null for ad-hoc cues. */
  plannedStartAt: number | null;
}

export interface RunSchedule {
  cues: Map<string, CueTiming>;
  /** When the run ends if every cue still to come takes its planned time (null when idle). */
  projectedEndAt: number | null;
}

/**
 * Re-flow: the cue on air ends at its planned end or now, whichever is later; every cue after it
 * (not skipped) follows at its planned duration. Cues before the current one keep their actual
 * start. Planned starts are prefix sums of the planned cues' durations from the show's start.
 */
export function projectSchedule(cues: readonly ScheduleCue[], s: ScheduleState, now: number): RunSchedule {
  const out = new Map<string, CueTiming>();
  const skipped = new Set(s.skipped);
  let planned = s.plannedStartAt;
  const plannedOf = new Map<string, number | null>();
  for (const cue of cues) {
    if (cue.adHoc || planned === null) {
      plannedOf.set(cue.id, null);
      continue;
    }
    plannedOf.set(cue.id, planned);
    planned += cue.durationMs;
  }
  if (s.state === 'idle') {
    for (const cue of cues) out.set(cue.id, { startAt: null, plannedStartAt: plannedOf.get(cue.id) ?? null });
    return { cues: out, projectedEndAt: null };
  }

  const currentIndex = s.currentCueId === null ? -1 : cues.findIndex((c) => c.id === s.currentCueId);
  let cursor: number;
  if (s.state === 'ended') cursor = s.endedAt ?? now;
  else if (currentIndex >= 0 && s.cueStartedAt !== null) {
    cursor = Math.max(now, s.cueStartedAt + cues[currentIndex]!.durationMs);
  } else cursor = Math.max(now, s.plannedStartAt ?? now);

  cues.forEach((cue, i) => {
    const plannedStartAt = plannedOf.get(cue.id) ?? null;
    if (i < currentIndex || s.state === 'ended') {
      out.set(cue.id, { startAt: s.fired[cue.id]?.lastAt ?? null, plannedStartAt });
    } else if (i === currentIndex) {
      out.set(cue.id, { startAt: s.cueStartedAt, plannedStartAt });
    } else if (skipped.has(cue.id)) {
      out.set(cue.id, { startAt: null, plannedStartAt });
    } else {
      out.set(cue.id, { startAt: cursor, plannedStartAt });
      cursor += cue.durationMs;
    }
  });
  return { cues: out, projectedEndAt: cursor };
}

/** Remaining time of the cue on air (negative: over its planned time). */
export function cueRemainingMs(durationMs: number, cueStartedAt: number | null, now: number): number | null {
  return cueStartedAt === null ? null : cueStartedAt + durationMs - now;
}

/** Show elapsed since the first Go (frozen at the end). */
export function showElapsedMs(startedAt: number | null, endedAt: number | null, now: number): number | null {
  if (startedAt === null) return null;
  return Math.max(0, (endedAt ?? now) - startedAt);
}

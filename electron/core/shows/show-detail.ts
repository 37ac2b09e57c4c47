import {
  analyzePlan,
  computeSchedule,
  lengthCheck,
  type Product,
  type Segment,
  type ShowDetail,
  type ShowSummary,
} from '../../contract';
import { newIds } from '../ids';
import { flatCues } from './cue-rows';

/** A show with its rundown, each cue's planned start, the length check, mix and warnings. */
export function buildShowDetail(show: ShowSummary, segments: Segment[], products: Map<string, Product>): ShowDetail {
  const cues = flatCues(segments);
  const schedule = computeSchedule(cues);
  let i = 0;
  const timed = segments.map((s) => ({
    ...s,
    cues: s.cues.map((cue) => {
      const offsetMs = schedule.offsets[i++]!;
      return { ...cue, offsetMs, startAt: show.startAt + offsetMs };
    }),
  }));
  const { deltaMs, state } = lengthCheck(schedule.totalMs, show.plannedLengthMs);
  const { mix, warnings } = analyzePlan(cues, (id) => products.get(id));
  return {
    ...show,
    cueCount: cues.length,
    totalMs: schedule.totalMs,
    segments: timed,
    timing: { endAt: show.startAt + schedule.totalMs, deltaMs, state },
    mix,
    warnings,
    products: [...products.values()],
  };
}

/** The same rundown with fresh ids (a copy must never share primary keys with its source). */
export function remintRundown(segments: readonly Segment[]): Segment[] {
  const cueCount = segments.reduce((n, s) => n + s.cues.length, 0);
  const segIds = newIds('seg', segments.length);
  const cueIds = newIds('cue', cueCount);
  let c = 0;
  return segments.map((s, i) => ({ ...s, id: segIds[i]!, cues: s.cues.map((cue) => ({ ...cue, id: cueIds[c++]! })) }));
}

/** Product ids a rundown points at. */
export function productIdsOf(segments: readonly Segment[]): string[] {
  const ids = new Set<string>();
  for (const s of segments) for (const c of s.cues) if (c.productId) ids.add(c.productId);
  return [...ids];
}

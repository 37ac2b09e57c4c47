import { isDeepStrictEqual } from 'node:util';
import type { RunCue } from '../../contract';
import { cueIndex, type RunModel } from './run-model';

export interface RundownMerge {
  /** The run's rundown after the reload. */
  cues: RunCue[];
  /** Cues new to the run. */
  added: string[];
  /** Cues no longer ahead (gone from the plan, never on air in this run). */
  removed: string[];
  /** Cues still in the run whose own fields changed (title, product, price, 话术, actions...; not their segment). */
  changed: string[];
  /** Cues gone from the plan that were on air in this run: kept at the end, skipped. */
  skipped: string[];
}

/**
 * The rundown a run takes from its show's re-saved plan (`live.plan.reload`). Nothing on air
 * changes and nothing that happened is rewritten:
 * - every cue up to and including the one on air keeps its place; its fields are refreshed when
 *   the plan still has it (a cue above that the plan dropped and that never went on air leaves);
 * - after the cue on air, the plan's order: each of its cues not already above;
 * - a cue inserted live (返场) stays right after the cue it followed, or first in line when that
 *   cue is gone;
 * - a cue the plan dropped that has been on air in this run (after a Back) stays, at the end and
 *   skipped, so the log, the export and the recap keep its name.
 * Before the first Go the whole rundown is the plan's, with the encores kept.
 */
export function mergeRundown(model: Pick<RunModel, 'cues' | 'currentCueId' | 'fired'>, plan: readonly RunCue[]): RundownMerge {
  const fromPlan = new Map(plan.map((c) => [c.id, c]));
  const old = model.cues;
  const oldIds = new Set(old.map((c) => c.id));
  const split = cueIndex(model, model.currentCueId) + 1;
  const refreshed = (cue: RunCue): RunCue => {
    const next = fromPlan.get(cue.id);
    return next && !cue.adHoc ? { ...next, adHoc: false } : cue;
  };

  const head = old.slice(0, split).filter((c) => c.adHoc || fromPlan.has(c.id) || c.id === model.currentCueId || model.fired[c.id]);
  const above = new Set(head.map((c) => c.id));
  const tail: RunCue[] = plan.filter((c) => !above.has(c.id)).map((c) => ({ ...c, adHoc: false }));

  // Encores ahead keep their anchor: the cue they followed in the old rundown.
  let front = 0;
  for (let i = split; i < old.length; i++) {
    const cue = old[i]!;
    if (!cue.adHoc) continue;
    const anchor = i > 0 ? old[i - 1]!.id : null;
    const at = anchor === null ? -1 : tail.findIndex((c) => c.id === anchor);
    if (at >= 0) tail.splice(at + 1, 0, cue);
    else tail.splice(front++, 0, cue);
  }

  const kept = old.slice(split).filter((c) => !c.adHoc && !fromPlan.has(c.id) && model.fired[c.id]);
  const cues = [...head.map(refreshed), ...tail, ...kept];
  const removed = old.filter((c) => !c.adHoc && !cues.some((n) => n.id === c.id)).map((c) => c.id);
  const before = new Map(old.map((c) => [c.id, c]));
  return {
    cues,
    added: cues.filter((c) => !oldIds.has(c.id)).map((c) => c.id),
    removed,
    changed: cues.filter((c) => oldIds.has(c.id) && !isDeepStrictEqual(ownFields(c), ownFields(before.get(c.id)!))).map((c) => c.id),
    skipped: kept.map((c) => c.id),
  };
}

/** A cue's own fields, without where it sits (its segment). */
function ownFields(cue: RunCue): Omit<RunCue, 'segmentId' | 'segmentTitle'> {
  const { segmentId: _id, segmentTitle: _title, ...own } = cue;
  return own;
}

import { useMemo, useRef } from 'react';
import { analyzePlan, computeSchedule, reschedule, type Cue, type PlanAnalysis, type Product, type Schedule } from '../../../../../electron/contract';
import { allCues, type Plan } from './plan-model';

/**
 * Times, mix and warnings of the plan on screen. The schedule is incremental: after a reorder or
 * a duration change only the starts from the first changed cue on are recomputed.
 */
export function usePlanFacts(plan: Plan, products: ReadonlyMap<string, Product>): { cues: Cue[]; schedule: Schedule; analysis: PlanAnalysis; index: Map<string, number> } {
  const cues = useMemo(() => allCues(plan.segments), [plan.segments]);
  const prev = useRef<Schedule | null>(null);
  const schedule = useMemo(() => {
    const next = prev.current ? reschedule(prev.current, cues) : computeSchedule(cues);
    prev.current = next;
    return next;
  }, [cues]);
  const analysis = useMemo(() => analyzePlan(cues, (id) => products.get(id)), [cues, products]);
  const index = useMemo(() => new Map(cues.map((c, i) => [c.id, i])), [cues]);
  return { cues, schedule, analysis, index };
}

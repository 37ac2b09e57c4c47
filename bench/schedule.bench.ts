import { computeSchedule, reschedule, type Schedule, type ScheduleItem } from '../electron/contract/schedule';
import { median, type Row } from './lib';

const CUES = 500;
const EDITS = 2000;

/** A deterministic generator, so every run measures the same edits. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Edit = { items: ScheduleItem[]; from: number };
type Kind = 'move' | 'duration' | 'tail';

/**
 * `EDITS` successive edits of a 500-cue rundown: a move of one cue, a new duration for any cue,
 * or a new duration in the last tenth (trimming the close, the most common late edit).
 */
function edits(kind: Kind): { start: ScheduleItem[]; steps: Edit[] } {
  const rand = rng(kind === 'move' ? 7 : kind === 'duration' ? 11 : 13);
  const start = Array.from({ length: CUES }, (_, i) => ({ id: `cue_${i}`, durationMs: 60_000 + Math.floor(rand() * 20) * 30_000 }));
  const steps: Edit[] = [];
  let items = start;
  for (let e = 0; e < EDITS; e += 1) {
    const next = [...items];
    const i = kind === 'tail' ? CUES - 1 - Math.floor(rand() * (CUES / 10)) : Math.floor(rand() * CUES);
    if (kind === 'move') {
      const j = Math.floor(rand() * CUES);
      const [cue] = next.splice(i, 1);
      next.splice(j, 0, cue!);
      steps.push({ items: next, from: Math.min(i, j) });
    } else {
      next[i] = { ...next[i]!, durationMs: 30_000 + Math.floor(rand() * 40) * 15_000 };
      steps.push({ items: next, from: i });
    }
    items = next;
  }
  return { start, steps };
}

/** Per-edit milliseconds (median of 5 passes over all edits). */
function perEdit(start: ScheduleItem[], steps: Edit[], run: (prev: Schedule, e: Edit) => Schedule): number {
  const passes: number[] = [];
  for (let p = 0; p < 5; p += 1) {
    let prev = computeSchedule(start);
    const t0 = performance.now();
    for (const e of steps) prev = run(prev, e);
    passes.push((performance.now() - t0) / steps.length);
  }
  return median(passes);
}

/**
 * Rescheduling a 500-cue show after a reorder or a duration change: the editor's incremental
 * prefix sums (recompute from the first changed cue, found by comparing with the previous
 * schedule) beside a naive full recompute of every start, on the same edits in the same run.
 */
export function benchSchedule(): Row[] {
  const rows: Row[] = [];
  const label: Record<Kind, string> = { move: 'a reorder', duration: 'a duration change', tail: 'a duration change in the last tenth' };
  for (const kind of ['move', 'duration', 'tail'] as const) {
    const { start, steps } = edits(kind);
    // Warm up both paths so the JIT has compiled them before timing.
    perEdit(start, steps.slice(0, 200), (prev, e) => reschedule(prev, e.items));
    perEdit(start, steps.slice(0, 200), (_prev, e) => computeSchedule(e.items));
    const incremental = perEdit(start, steps, (prev, e) => reschedule(prev, e.items));
    const full = perEdit(start, steps, (_prev, e) => computeSchedule(e.items));
    rows.push({
      figure: `reschedule ${CUES} cues after ${label[kind]} (incremental, per edit)`,
      value: incremental,
      unit: 'ms',
      baseline: 'naive full recompute, same edits',
      baselineValue: full,
      target: '< 5 ms',
      pass: incremental < 5,
    });
  }
  return rows;
}

if (process.argv[1]?.endsWith('schedule.bench.ts')) console.table(benchSchedule());

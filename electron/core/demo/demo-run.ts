import { z } from 'zod';
import { Conclusions, type RunCue } from '../../contract';
import type { NewLogRow } from '../live/run-log.dao';

/**
 * How a demo show went on air (resources/demo/recap/runs.json): per cue of its plan, how long it
 * ran or that it was skipped, what happened during it; encores inserted live; OBS dropping out.
 * The demo loader turns this into as-run log rows through the runner's own DAO, and the script
 * that writes the demo's platform files (scripts/make-demo-recap.ts) times its curve from it.
 */
export const DemoRunSpec = z.object({
  show: z.string(),
  /** The first Go this many seconds after the planned start. */
  lateSec: z.number().int(),
  cues: z.array(
    z.object({
      sec: z.number().int().min(0).default(0),
      skip: z.boolean().default(false),
      /** Platform-checklist items ticked (by index), 30 s into the cue. */
      ticks: z.array(z.number().int()).default([]),
      markers: z.array(z.object({ at: z.number().int(), label: z.string() })).default([]),
      obsFailure: z.object({ action: z.string(), code: z.string(), message: z.string() }).optional(),
    }),
  ),
  inserts: z.array(z.object({ after: z.number().int(), sku: z.string(), title: z.string(), sec: z.number().int(), livePrice: z.number().int() })).default([]),
  outages: z.array(z.object({ at: z.number().int(), sec: z.number().int(), reason: z.string() })).default([]),
  /** What the team wrote in the recap meeting. */
  conclusions: Conclusions.optional(),
});
export type DemoRunSpec = z.infer<typeof DemoRunSpec>;
export const DemoRuns = z.object({ runs: z.array(DemoRunSpec) });

export interface DemoTurn {
  cue: RunCue;
  startAt: number;
  endAt: number;
}

export interface DemoRun {
  armedAt: number;
  startedAt: number;
  endedAt: number;
  turns: DemoTurn[];
  rows: NewLogRow[];
}

const S = 1000;

/**
 * The log rows of a demo run, in order: arm, then per cue its Go (with the product card it
 * shows), ticks, markers and OBS failures, skips before they are reached, encores inserted, OBS
 * outages, and the end. Pure: the same spec and plan always give the same rows.
 */
export function demoRunRows(spec: DemoRunSpec, plan: readonly RunCue[], plannedStartAt: number, encore: (sku: string, after: RunCue) => RunCue | null): DemoRun {
  const rows: NewLogRow[] = [];
  const turns: DemoTurn[] = [];
  const add = (at: number, kind: NewLogRow['kind'], cueId: string | null, details: Record<string, unknown>) => rows.push({ at, kind, source: kind === 'obs.status' ? 'system' : 'desk', cueId, details });
  const armedAt = plannedStartAt - 12 * 60 * S;
  const startedAt = plannedStartAt + spec.lateSec * S;
  let t = startedAt;
  let previous: string | null = null;
  const order: { cue: RunCue; spec: DemoRunSpec['cues'][number]; inserted: boolean }[] = [];
  plan.forEach((cue, i) => {
    order.push({ cue, spec: spec.cues[i] ?? { sec: cue.durationMs / S, skip: false, ticks: [], markers: [] }, inserted: false });
    for (const ins of spec.inserts.filter((x) => x.after === i)) {
      const cue = encore(ins.sku, plan[i]!);
      if (cue) order.push({ cue: { ...cue, title: ins.title, durationMs: ins.sec * S, adHoc: true }, spec: { sec: ins.sec, skip: false, ticks: [], markers: [] }, inserted: true });
    }
  });
  for (const { cue, spec: c, inserted } of order) {
    if (c.skip) {
      add(t - 45 * S, 'skip', cue.id, { skip: true });
      continue;
    }
    if (inserted) add(t - 60 * S, 'cue.insert', cue.id, { cue, afterCueId: previous });
    add(t, 'go', cue.id, { mode: 'next', trigger: 'key', from: previous, autoGo: null });
    if (cue.productId && (cue.kind === 'pitch' || cue.kind === 'flash_sale')) add(t, 'overlay', cue.id, { via: 'cue', op: 'show', kind: 'product-card', productId: cue.productId, ok: true });
    if (c.obsFailure) add(t + 200, 'obs', cue.id, { reason: 'cue', outcomes: [{ ...c.obsFailure, ok: false }] });
    for (const index of c.ticks) add(t + 30 * S + index * S, 'checklist', cue.id, { index, item: cue.checklist[index] ?? '', done: true });
    for (const m of c.markers) add(t + m.at * S, 'marker', cue.id, { label: m.label });
    turns.push({ cue, startAt: t, endAt: t + c.sec * S });
    previous = cue.id;
    t += c.sec * S;
  }
  for (const o of spec.outages) {
    const at = startedAt + o.at * S;
    add(at, 'obs.status', null, { state: 'disconnected', reason: o.reason });
    add(at + o.sec * S, 'obs.status', null, { state: 'connected' });
  }
  add(t, 'end', previous, { reason: 'operator' });
  // The log is in time order (the runner appends as things happen).
  rows.sort((a, b) => a.at - b.at);
  return { armedAt, startedAt, endedAt: t, turns, rows };
}

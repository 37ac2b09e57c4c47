import type { CueFired, LogRow, ObsActionOutcome, ProductOverride, RunCue } from '../../contract';
import type { RunRecord } from './run-log.dao';

/** How many markers the snapshot carries (the log has them all). */
const SNAPSHOT_MARKERS = 50;

/**
 * A run's state, as folded from its log. Every change to a run is a log row first; the service
 * applies the committed row with `reduce`, and a restart folds the same rows again, so the state
 * after a crash is exactly the state that was acknowledged before it.
 */
export interface RunModel {
  run: Pick<RunRecord, 'id' | 'showId' | 'showTitle' | 'platform' | 'canvas' | 'rehearsal' | 'armedAt'>;
  plannedStartAt: number | null;
  plannedEndAt: number | null;
  timeZone: string;
  cues: RunCue[];
  planVersion: number;
  /** The show's revision the rundown comes from (as armed, or as last reloaded). */
  showRevision: number | null;
  state: 'armed' | 'running' | 'ended';
  startedAt: number | null;
  endedAt: number | null;
  currentCueId: string | null;
  cueStartedAt: number | null;
  /** Fired cues, for Back: Back pops the current one and re-fires the one below. */
  history: string[];
  /** Every fire in order (Back and jumps included): what the log says went on air. */
  fireOrder: string[];
  fired: Record<string, CueFired>;
  skipped: Set<string>;
  autoGo: { cueId: string; startsAt: number; firesAt: number } | null;
  overrides: Record<string, ProductOverride>;
  checklist: Record<string, number[]>;
  message: { text: string; at: number } | null;
  markers: { seq: number; at: number; label: string; cueId: string | null }[];
  lastObs: { seq: number; at: number; cueId: string | null; reason: string; outcomes: ObsActionOutcome[] } | null;
  /** The last studio-mode Preview set (standby-preview.ts), kept apart from what is on air. */
  lastPreview: { seq: number; at: number; cueId: string | null; outcomes: ObsActionOutcome[] } | null;
  lastSeq: number;
  /** The last Go that fired (for the double-Go guard). */
  lastGoAt: number | null;
}

/** Planned start, planned end and time zone from a show's header (as armed or as reloaded). */
function headerTimes(header: Record<string, unknown>): Pick<RunModel, 'plannedStartAt' | 'plannedEndAt' | 'timeZone' | 'showRevision'> {
  const plannedStartAt = typeof header.startAt === 'number' ? header.startAt : null;
  return {
    plannedStartAt,
    plannedEndAt: plannedStartAt !== null && typeof header.plannedLengthMs === 'number' ? plannedStartAt + header.plannedLengthMs : null,
    timeZone: typeof header.timeZone === 'string' ? header.timeZone : '',
    showRevision: typeof header.revision === 'number' ? header.revision : null,
  };
}

export function initialModel(run: RunRecord): RunModel {
  return {
    run: {
      id: run.id,
      showId: run.showId,
      showTitle: run.showTitle,
      platform: run.platform,
      canvas: run.canvas,
      rehearsal: run.rehearsal,
      armedAt: run.armedAt,
    },
    ...headerTimes(run.show),
    cues: run.plan.map((c) => ({ ...c })),
    planVersion: 1,
    state: 'armed',
    startedAt: null,
    endedAt: null,
    currentCueId: null,
    cueStartedAt: null,
    history: [],
    fireOrder: [],
    fired: {},
    skipped: new Set(),
    autoGo: null,
    overrides: {},
    checklist: {},
    message: null,
    markers: [],
    lastObs: null,
    lastPreview: null,
    lastSeq: 0,
    lastGoAt: null,
  };
}

/** Rebuild a run from its log (the restore file): fold every row in order. */
export function modelFromLog(run: RunRecord, rows: readonly LogRow[]): RunModel {
  const model = initialModel(run);
  for (const row of rows) reduce(model, row);
  return model;
}

export function cueIndex(model: Pick<RunModel, 'cues'>, cueId: string | null): number {
  if (cueId === null) return -1;
  return model.cues.findIndex((c) => c.id === cueId);
}

/** Standby is always the first cue after the current one that is not skipped (the first cue before any Go). */
export function standbyOf(model: RunModel): string | null {
  if (model.state === 'ended') return null;
  for (let i = cueIndex(model, model.currentCueId) + 1; i < model.cues.length; i++) {
    const cue = model.cues[i]!;
    if (!model.skipped.has(cue.id)) return cue.id;
  }
  return null;
}

export function previousOf(model: RunModel): string | null {
  return model.history.length >= 2 ? model.history[model.history.length - 2]! : null;
}

/** Close the current cue's turn on air. */
function leaveCurrent(model: RunModel, at: number): void {
  const current = model.currentCueId;
  if (current === null || model.cueStartedAt === null) return;
  const f = model.fired[current];
  if (f) f.onAirMs += Math.max(0, at - model.cueStartedAt);
}

/** Apply one committed row. Mutates the model (the service owns it; nothing else holds it). */
export function reduce(model: RunModel, row: LogRow): void {
  model.lastSeq = Math.max(model.lastSeq, row.seq);
  const d = row.details;
  switch (row.kind) {
    case 'go': {
      const cueId = row.cueId;
      if (cueId === null || cueIndex(model, cueId) < 0) return;
      leaveCurrent(model, row.at);
      if (d.mode === 'back') model.history.pop();
      if (model.history[model.history.length - 1] !== cueId) model.history.push(cueId);
      model.fireOrder.push(cueId);
      model.currentCueId = cueId;
      model.cueStartedAt = row.at;
      model.startedAt ??= row.at;
      model.state = 'running';
      model.lastGoAt = row.at;
      model.skipped.delete(cueId);
      const f = model.fired[cueId];
      model.fired[cueId] = f ? { ...f, lastAt: row.at, count: f.count + 1 } : { firstAt: row.at, lastAt: row.at, count: 1, onAirMs: 0 };
      const auto = d.autoGo as { startsAt: number; firesAt: number } | null | undefined;
      model.autoGo = auto ? { cueId, startsAt: auto.startsAt, firesAt: auto.firesAt } : null;
      return;
    }
    case 'skip': {
      if (row.cueId === null) return;
      if (d.skip === false) model.skipped.delete(row.cueId);
      else model.skipped.add(row.cueId);
      return;
    }
    case 'cue.insert': {
      const cue = d.cue as RunCue | undefined;
      if (!cue || cueIndex(model, cue.id) >= 0) return;
      const after = typeof d.afterCueId === 'string' ? cueIndex(model, d.afterCueId) : -1;
      model.cues.splice(after + 1, 0, cue);
      model.planVersion += 1;
      return;
    }
    case 'plan.reload': {
      // The row holds the whole merged rundown (plan-reload.ts), so a restart needs no plan.
      const cues = Array.isArray(d.cues) ? (d.cues as RunCue[]) : [];
      if (cues.length === 0) return;
      model.cues = cues.map((c) => ({ ...c }));
      const ids = new Set(cues.map((c) => c.id));
      for (const id of [...model.skipped]) if (!ids.has(id)) model.skipped.delete(id);
      for (const id of Array.isArray(d.skipped) ? (d.skipped as string[]) : []) if (ids.has(id) && id !== model.currentCueId) model.skipped.add(id);
      if (d.header && typeof d.header === 'object') Object.assign(model, headerTimes(d.header as Record<string, unknown>));
      model.planVersion += 1;
      return;
    }
    case 'autogo': {
      if (d.op === 'scheduled' && row.cueId !== null && typeof d.startsAt === 'number' && typeof d.firesAt === 'number') {
        model.autoGo = { cueId: row.cueId, startsAt: d.startsAt, firesAt: d.firesAt };
      } else model.autoGo = null; // cancelled, missed, nothing to fire
      return;
    }
    case 'obs': {
      // What the cockpit's OBS line reports: the last batch that changed what is on air. A
      // studio-mode Preview set (standby-preview.ts) never hides a cue's failure: it has its own slot.
      if (d.reason === 'preview') {
        model.lastPreview = { seq: row.seq, at: row.at, cueId: row.cueId, outcomes: Array.isArray(d.outcomes) ? (d.outcomes as ObsActionOutcome[]) : [] };
        return;
      }
      model.lastObs = {
        seq: row.seq,
        at: row.at,
        cueId: row.cueId,
        reason: typeof d.reason === 'string' ? d.reason : 'cue',
        outcomes: Array.isArray(d.outcomes) ? (d.outcomes as ObsActionOutcome[]) : [],
      };
      return;
    }
    case 'product': {
      if (typeof d.productId !== 'string') return;
      const next: ProductOverride = { ...model.overrides[d.productId] };
      if (d.livePrice !== undefined) next.livePrice = d.livePrice as number | null;
      if (d.stock !== undefined) next.stock = d.stock as number | null;
      if (d.soldOut !== undefined) next.soldOut = Boolean(d.soldOut);
      model.overrides[d.productId] = next;
      return;
    }
    case 'checklist': {
      if (row.cueId === null || typeof d.index !== 'number') return;
      const ticked = new Set(model.checklist[row.cueId] ?? []);
      if (d.done === false) ticked.delete(d.index);
      else ticked.add(d.index);
      model.checklist[row.cueId] = [...ticked].sort((a, b) => a - b);
      return;
    }
    case 'marker': {
      model.markers.push({ seq: row.seq, at: row.at, label: String(d.label ?? ''), cueId: row.cueId });
      if (model.markers.length > SNAPSHOT_MARKERS) model.markers.splice(0, model.markers.length - SNAPSHOT_MARKERS);
      return;
    }
    case 'message': {
      const text = String(d.text ?? '');
      model.message = text ? { text, at: row.at } : null;
      return;
    }
    case 'end': {
      leaveCurrent(model, row.at);
      model.state = 'ended';
      model.endedAt = row.at;
      model.autoGo = null;
      return;
    }
    case 'arm':
    case 'go.ignored':
    case 'go.stale':
    case 'overlay':
    case 'obs.status':
    case 'resume':
      return; // on record; the run's state does not change
    default:
      row.kind satisfies never;
  }
}

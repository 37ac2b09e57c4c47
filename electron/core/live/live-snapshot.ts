import { projectSchedule, type CueStatus, type LivePosition, type LiveSnapshot, type LiveView, type ObsDrift, type Seat } from '../../contract';
import { previousOf, standbyOf, type RunModel } from './run-model';

export interface SnapshotExtras {
  revision: number;
  now: number;
  drift: ObsDrift | null;
  seats: Seat[];
  doubleGoMs: number;
  autoGoMs: number;
  planBehind: boolean;
}

const IDLE: Omit<LiveSnapshot, keyof SnapshotExtras> = {
  state: 'idle',
  runId: null,
  showId: null,
  showTitle: '',
  platform: null,
  canvas: null,
  timeZone: '',
  rehearsal: false,
  armedAt: null,
  startedAt: null,
  endedAt: null,
  currentCueId: null,
  standbyCueId: null,
  previousCueId: null,
  cueStartedAt: null,
  plannedStartAt: null,
  plannedEndAt: null,
  planVersion: 0,
  planRevision: null,
  fired: {},
  skipped: [],
  autoGo: null,
  overrides: {},
  checklist: {},
  message: null,
  markers: [],
  lastObs: null,
  lastPreview: null,
  lastSeq: 0,
};

/** The pushed state of a run (or of no run). Cheap: the rundown itself is not in it. */
export function snapshotOf(model: RunModel | null, extras: SnapshotExtras): LiveSnapshot {
  if (!model) return { ...IDLE, ...extras };
  const standby = standbyOf(model);
  return {
    ...extras,
    state: model.state,
    runId: model.run.id,
    showId: model.run.showId,
    showTitle: model.run.showTitle,
    platform: model.run.platform as LiveSnapshot['platform'],
    canvas: model.run.canvas as LiveSnapshot['canvas'],
    timeZone: model.timeZone,
    rehearsal: model.run.rehearsal,
    armedAt: model.run.armedAt,
    startedAt: model.startedAt,
    endedAt: model.endedAt,
    currentCueId: model.currentCueId,
    standbyCueId: standby,
    previousCueId: previousOf(model),
    cueStartedAt: model.cueStartedAt,
    plannedStartAt: model.plannedStartAt,
    plannedEndAt: model.plannedEndAt,
    planVersion: model.planVersion,
    planRevision: model.showRevision,
    planBehind: extras.planBehind && model.state !== 'ended',
    fired: model.fired,
    skipped: [...model.skipped],
    autoGo: model.autoGo && standby ? { ...model.autoGo, nextCueId: standby } : null,
    overrides: model.overrides,
    checklist: model.checklist,
    message: model.message,
    markers: model.markers,
    lastObs: model.lastObs,
    lastPreview: model.run.rehearsal ? null : model.lastPreview,
    lastSeq: model.lastSeq,
    drift: model.run.rehearsal ? null : extras.drift,
  };
}

/** A Go's answer: the snapshot's head, without the collections that grow with the show. */
export function positionOf(model: RunModel | null, extras: Pick<SnapshotExtras, 'revision' | 'now' | 'planBehind'>): LivePosition {
  if (!model) {
    const { state, runId, showId, rehearsal, startedAt, currentCueId, standbyCueId, previousCueId, cueStartedAt, plannedEndAt, autoGo, lastSeq } = IDLE;
    return { revision: extras.revision, now: extras.now, planBehind: false, state, runId, showId, rehearsal, startedAt, currentCueId, standbyCueId, previousCueId, cueStartedAt, plannedEndAt, autoGo, lastSeq };
  }
  const standby = standbyOf(model);
  return {
    revision: extras.revision,
    now: extras.now,
    state: model.state,
    runId: model.run.id,
    showId: model.run.showId,
    rehearsal: model.run.rehearsal,
    startedAt: model.startedAt,
    currentCueId: model.currentCueId,
    standbyCueId: standby,
    previousCueId: previousOf(model),
    cueStartedAt: model.cueStartedAt,
    plannedEndAt: model.plannedEndAt,
    autoGo: model.autoGo && standby ? { ...model.autoGo, nextCueId: standby } : null,
    planBehind: extras.planBehind && model.state !== 'ended',
    lastSeq: model.lastSeq,
  };
}

/** `GET /api/v1/show`: the snapshot, the projected end, and every cue with its status and (re-flowed) start. */
export function viewOf(model: RunModel | null, snapshot: LiveSnapshot): LiveView {
  if (!model) return { ...snapshot, projectedEndAt: null, cues: [] };
  const schedule = projectSchedule(model.cues, snapshot, snapshot.now);
  const skipped = model.skipped;
  return {
    ...snapshot,
    projectedEndAt: schedule.projectedEndAt,
    cues: model.cues.map((cue) => {
      let status: CueStatus = 'pending';
      if (cue.id === snapshot.currentCueId) status = 'current';
      else if (cue.id === snapshot.standbyCueId) status = 'standby';
      else if (skipped.has(cue.id)) status = 'skipped';
      else if (model.fired[cue.id]) status = 'done';
      const timing = schedule.cues.get(cue.id);
      return {
        id: cue.id,
        title: cue.title,
        kind: cue.kind,
        productId: cue.productId,
        durationMs: cue.durationMs,
        segmentTitle: cue.segmentTitle,
        adHoc: cue.adHoc,
        status,
        startAt: timing?.startAt ?? null,
        plannedStartAt: timing?.plannedStartAt ?? null,
      };
    }),
  };
}

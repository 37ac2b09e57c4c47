import type { LogRow, RunCue, Timeline, TimelineCue } from '../../../contract';

/** A cue within ±10 % of its planned length counts as on plan. */
export const PLAN_TOLERANCE = 0.1;

export interface TimelineInput {
  /** The cues as armed, in order. */
  plan: readonly RunCue[];
  /** The run's log rows in seq order (all of them, or only go/end/skip/cue.insert for a digest). */
  rows: readonly LogRow[];
  /** The show's planned start; the planned start of each cue is a prefix sum from it. */
  plannedStartAt: number | null;
  /** Where a run still on air stops counting (its last row, or now). */
  openEnd: number;
}

export interface TimelineResult {
  timeline: Timeline;
  /** Per catalog product: time its cues were current, time its card was on screen, turns. */
  airtime: Map<string, { onAirMs: number; cardMs: number; pitches: number; firstAt: number | null }>;
  /** Every cue including ones inserted live, in run order. */
  cues: RunCue[];
}

interface Fold {
  turns: { cueId: string; startAt: number; endAt: number }[];
  skipped: Set<string>;
  checklist: Map<string, Map<number, boolean>>;
  cards: { productId: string; startAt: number; endAt: number }[];
}

/** Inserted cues (返场) take their place after the cue they were inserted after, as the runner does. */
function withInserts(plan: readonly RunCue[], rows: readonly LogRow[]): RunCue[] {
  const cues = plan.slice();
  for (const row of rows) {
    if (row.kind !== 'cue.insert') continue;
    const cue = row.details.cue as RunCue | undefined;
    if (!cue || cues.some((c) => c.id === cue.id)) continue;
    const after = typeof row.details.afterCueId === 'string' ? cues.findIndex((c) => c.id === row.details.afterCueId) : -1;
    cues.splice(after + 1, 0, { ...cue, adHoc: true });
  }
  return cues;
}

/**
 * Planned against actual, from the plan as armed and the as-run log: a cue is on air from its
 * `go` row to the next `go` or the `end` row. Pure: the same rows always give the same timeline.
 */
export function buildTimeline(input: TimelineInput): TimelineResult {
  const cues = withInserts(input.plan, input.rows);
  const known = new Set(cues.map((c) => c.id));
  const timeline: Timeline = { cues: [], segments: [], turns: [], markers: [], obsFailures: [], outages: [], ignoredGos: 0, staleGos: 0 };
  const fold: Fold = { turns: timeline.turns, skipped: new Set(), checklist: new Map(), cards: [] };
  // Declared with `as`: closures reassign them, which flow analysis does not follow.
  let current = null as { cueId: string; startAt: number } | null;
  let card = null as { productId: string; startAt: number } | null;
  let obsDown = null as { startAt: number; reason: string | null } | null;
  let endAt: number | null = null;

  const closeTurn = (at: number) => {
    if (current) fold.turns.push({ cueId: current.cueId, startAt: current.startAt, endAt: Math.max(current.startAt, at) });
    current = null;
  };
  const closeCard = (at: number) => {
    if (card) fold.cards.push({ productId: card.productId, startAt: card.startAt, endAt: Math.max(card.startAt, at) });
    card = null;
  };

  for (const row of input.rows) {
    const d = row.details;
    switch (row.kind) {
      case 'go':
        if (row.cueId === null || !known.has(row.cueId)) break;
        closeTurn(row.at);
        current = { cueId: row.cueId, startAt: row.at };
        fold.skipped.delete(row.cueId);
        break;
      case 'end':
        closeTurn(row.at);
        closeCard(row.at);
        endAt = row.at;
        break;
      case 'skip':
        if (row.cueId === null) break;
        if (d.skip === false) fold.skipped.delete(row.cueId);
        else fold.skipped.add(row.cueId);
        break;
      case 'checklist': {
        if (row.cueId === null || typeof d.index !== 'number') break;
        const items = fold.checklist.get(row.cueId) ?? new Map<number, boolean>();
        items.set(d.index, d.done !== false);
        fold.checklist.set(row.cueId, items);
        break;
      }
      case 'marker':
        timeline.markers.push({ seq: row.seq, at: row.at, label: String(d.label ?? ''), cueId: row.cueId });
        break;
      case 'obs':
        for (const o of Array.isArray(d.outcomes) ? (d.outcomes as { action?: unknown; ok?: unknown; code?: unknown; message?: unknown }[]) : []) {
          if (o.ok !== false) continue;
          timeline.obsFailures.push({
            seq: row.seq,
            at: row.at,
            cueId: row.cueId,
            action: String(o.action ?? ''),
            code: typeof o.code === 'string' ? o.code : null,
            message: typeof o.message === 'string' ? o.message : null,
          });
        }
        break;
      case 'obs.status':
        if (d.state === 'disconnected' && !obsDown) obsDown = { startAt: row.at, reason: typeof d.reason === 'string' ? d.reason : null };
        else if (d.state === 'connected' && obsDown) {
          timeline.outages.push({ kind: 'obs', startAt: obsDown.startAt, endAt: row.at, ms: row.at - obsDown.startAt, reason: obsDown.reason });
          obsDown = null;
        }
        break;
      case 'resume': {
        const down = typeof d.downMs === 'number' ? d.downMs : 0;
        if (down > 0) timeline.outages.push({ kind: 'app', startAt: row.at - down, endAt: row.at, ms: down, reason: null });
        break;
      }
      case 'overlay':
        if (d.ok === false || (d.kind !== 'product-card' && d.op !== 'clear')) break;
        if (d.op === 'show' && typeof d.productId === 'string' && d.productId) {
          if (card?.productId !== d.productId) {
            closeCard(row.at);
            card = { productId: d.productId, startAt: row.at };
          }
        } else if (d.op === 'hide' || d.op === 'clear') closeCard(row.at);
        break;
      case 'go.ignored':
        timeline.ignoredGos += 1;
        break;
      case 'go.stale':
        timeline.staleGos += 1;
        break;
      default:
        break;
    }
  }
  const stop = endAt ?? input.openEnd;
  closeTurn(stop);
  closeCard(stop);
  if (obsDown) timeline.outages.push({ kind: 'obs', startAt: obsDown.startAt, endAt: endAt, ms: Math.max(0, stop - obsDown.startAt), reason: obsDown.reason });
  timeline.outages.sort((a, b) => a.startAt - b.startAt);

  timeline.cues = cueRows(cues, fold, timeline, input.plannedStartAt);
  timeline.segments = segmentRows(timeline.cues);
  return { timeline, airtime: airtimeOf(cues, fold), cues };
}

function cueRows(cues: RunCue[], fold: Fold, timeline: Timeline, plannedStartAt: number | null): TimelineCue[] {
  const byCue = new Map<string, { onAirMs: number; turns: number; first: number | null; last: number | null }>();
  for (const t of fold.turns) {
    const s = byCue.get(t.cueId) ?? { onAirMs: 0, turns: 0, first: null, last: null };
    s.onAirMs += t.endAt - t.startAt;
    s.turns += 1;
    s.first ??= t.startAt;
    s.last = t.endAt;
    byCue.set(t.cueId, s);
  }
  const count = (list: { cueId: string | null }[], id: string) => list.reduce((n, x) => n + (x.cueId === id ? 1 : 0), 0);
  let offset = 0;
  return cues.map((cue, i): TimelineCue => {
    const s = byCue.get(cue.id);
    const planned = !cue.adHoc;
    const plannedStart = planned && plannedStartAt !== null ? plannedStartAt + offset : null;
    if (planned) offset += cue.durationMs;
    const onAirMs = s?.onAirMs ?? 0;
    const measurable = planned && cue.durationMs > 0;
    const deltaMs = measurable ? onAirMs - cue.durationMs : null;
    const ticked = fold.checklist.get(cue.id);
    return {
      id: cue.id,
      index: i + 1,
      segmentId: cue.segmentId,
      segmentTitle: cue.segmentTitle,
      title: cue.title,
      kind: cue.kind,
      productId: cue.productId,
      adHoc: cue.adHoc,
      plannedStartAt: plannedStart,
      plannedMs: cue.durationMs,
      actualStartAt: s?.first ?? null,
      actualEndAt: s?.last ?? null,
      onAirMs,
      turns: s?.turns ?? 0,
      status: s ? 'aired' : fold.skipped.has(cue.id) ? 'skipped' : 'not_aired',
      deltaMs,
      withinPlan: deltaMs === null ? null : Math.abs(deltaMs) <= PLAN_TOLERANCE * cue.durationMs,
      checklist: cue.checklist.map((item, index) => ({ item, done: ticked?.get(index) ?? false })),
      obsFailures: count(timeline.obsFailures, cue.id),
      markers: count(timeline.markers, cue.id),
    };
  });
}

function segmentRows(cues: TimelineCue[]): Timeline['segments'] {
  const out: Timeline['segments'] = [];
  for (const c of cues) {
    let seg = out.find((s) => s.id === c.segmentId);
    if (!seg) out.push((seg = { id: c.segmentId, title: c.segmentTitle, plannedMs: 0, actualMs: 0, deltaMs: 0, cues: 0 }));
    if (!c.adHoc) seg.plannedMs += c.plannedMs;
    seg.actualMs += c.onAirMs;
    seg.deltaMs = seg.actualMs - seg.plannedMs;
    seg.cues += 1;
  }
  return out;
}

function airtimeOf(cues: RunCue[], fold: Fold): TimelineResult['airtime'] {
  const productOf = new Map(cues.map((c) => [c.id, c.productId]));
  const out: TimelineResult['airtime'] = new Map();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { onAirMs: 0, cardMs: 0, pitches: 0, firstAt: null }));
    return e;
  };
  for (const t of fold.turns) {
    const productId = productOf.get(t.cueId);
    if (!productId) continue;
    const e = entry(productId);
    e.onAirMs += t.endAt - t.startAt;
    e.pitches += 1;
    e.firstAt ??= t.startAt;
  }
  for (const c of fold.cards) entry(c.productId).cardMs += c.endAt - c.startAt;
  return out;
}

/** Share of planned cues (with a planned length) within ±10 % of it; null when there are none. */
export function planAdherence(cues: readonly TimelineCue[]): number | null {
  const judged = cues.filter((c) => c.withinPlan !== null);
  if (judged.length === 0) return null;
  return judged.filter((c) => c.withinPlan).length / judged.length;
}

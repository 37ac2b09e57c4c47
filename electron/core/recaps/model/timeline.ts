import type { LogRow, RunCue, Timeline, TimelineCue } from '../../../contract';

/** A cue within ±10 % of its planned length counts as on plan. */
export const PLAN_TOLERANCE = 0.1;

export interface TimelineInput {
  /** The cues as armed, in order. */
  plan: readonly RunCue[];
  /** The run's log rows in seq order (all of them, or only go/end/skip/cue.insert/plan.reload for a digest). */
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

/**
 * Planned against actual, folded from the as-run log a slice of rows at a time (so a long log
 * never holds the event loop): a cue is on air from its `go` row to the next `go` or the `end`
 * row. Pure: the same rows always give the same timeline, however they are sliced.
 */
export class TimelineFold {
  private readonly cues: RunCue[];
  private readonly known: Set<string>;
  private readonly timeline: Timeline = { cues: [], segments: [], turns: [], markers: [], obsFailures: [], outages: [], ignoredGos: 0, staleGos: 0 };
  private readonly fold: Fold = { turns: this.timeline.turns, skipped: new Set(), checklist: new Map(), cards: [] };
  private current: { cueId: string; startAt: number } | null = null;
  private card: { productId: string; startAt: number } | null = null;
  private obsDown: { startAt: number; reason: string | null } | null = null;
  private endAt: number | null = null;

  constructor(
    plan: readonly RunCue[],
    private readonly plannedStartAt: number | null,
  ) {
    this.cues = plan.slice();
    this.known = new Set(plan.map((c) => c.id));
  }

  private closeTurn(at: number): void {
    const c = this.current;
    if (c) this.fold.turns.push({ cueId: c.cueId, startAt: c.startAt, endAt: Math.max(c.startAt, at) });
    this.current = null;
  }

  private closeCard(at: number): void {
    const c = this.card;
    if (c) this.fold.cards.push({ productId: c.productId, startAt: c.startAt, endAt: Math.max(c.startAt, at) });
    this.card = null;
  }

  push(rows: readonly LogRow[]): this {
    const { timeline, fold } = this;
    for (const row of rows) {
      const d = row.details;
      switch (row.kind) {
        case 'cue.insert': {
          // Inserted cues (返场) take their place after the cue they were inserted after, as the runner does.
          const cue = d.cue as RunCue | undefined;
          if (!cue || this.known.has(cue.id)) break;
          const after = typeof d.afterCueId === 'string' ? this.cues.findIndex((c) => c.id === d.afterCueId) : -1;
          this.cues.splice(after + 1, 0, { ...cue, adHoc: true });
          this.known.add(cue.id);
          break;
        }
        case 'plan.reload': {
          // The run took the show's re-saved plan: the rundown from here on is the merged one it logged.
          const cues = Array.isArray(d.cues) ? (d.cues as RunCue[]) : [];
          if (cues.length === 0) break;
          this.cues.splice(0, this.cues.length, ...cues);
          for (const cue of cues) this.known.add(cue.id);
          const ids = new Set(cues.map((c) => c.id));
          for (const id of [...fold.skipped]) if (!ids.has(id)) fold.skipped.delete(id);
          for (const id of Array.isArray(d.skipped) ? (d.skipped as string[]) : []) fold.skipped.add(id);
          break;
        }
        case 'go':
          if (row.cueId === null || !this.known.has(row.cueId)) break;
          this.closeTurn(row.at);
          this.current = { cueId: row.cueId, startAt: row.at };
          fold.skipped.delete(row.cueId);
          break;
        case 'end':
          this.closeTurn(row.at);
          this.closeCard(row.at);
          this.endAt = row.at;
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
          if (d.state === 'disconnected' && !this.obsDown) this.obsDown = { startAt: row.at, reason: typeof d.reason === 'string' ? d.reason : null };
          else if (d.state === 'connected' && this.obsDown) {
            timeline.outages.push({ kind: 'obs', startAt: this.obsDown.startAt, endAt: row.at, ms: row.at - this.obsDown.startAt, reason: this.obsDown.reason });
            this.obsDown = null;
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
            if (this.card?.productId !== d.productId) {
              this.closeCard(row.at);
              this.card = { productId: d.productId, startAt: row.at };
            }
          } else if (d.op === 'hide' || d.op === 'clear') this.closeCard(row.at);
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
    return this;
  }

  /** Close what is still open at the end (or at `openEnd` for a run still on air). */
  finish(openEnd: number): TimelineResult {
    const { timeline, fold } = this;
    const stop = this.endAt ?? openEnd;
    this.closeTurn(stop);
    this.closeCard(stop);
    if (this.obsDown) timeline.outages.push({ kind: 'obs', startAt: this.obsDown.startAt, endAt: this.endAt, ms: Math.max(0, stop - this.obsDown.startAt), reason: this.obsDown.reason });
    timeline.outages.sort((a, b) => a.startAt - b.startAt);
    timeline.cues = cueRows(this.cues, fold, timeline, this.plannedStartAt);
    timeline.segments = segmentRows(timeline.cues);
    return { timeline, airtime: airtimeOf(this.cues, fold), cues: this.cues };
  }
}

/** The whole log at once (tests, run digests). */
export function buildTimeline(input: TimelineInput): TimelineResult {
  return new TimelineFold(input.plan, input.plannedStartAt).push(input.rows).finish(input.openEnd);
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
  const tally = (list: { cueId: string | null }[]) => {
    const n = new Map<string, number>();
    for (const x of list) if (x.cueId !== null) n.set(x.cueId, (n.get(x.cueId) ?? 0) + 1);
    return n;
  };
  const markers = tally(timeline.markers);
  const failures = tally(timeline.obsFailures);
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
      obsFailures: failures.get(cue.id) ?? 0,
      markers: markers.get(cue.id) ?? 0,
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

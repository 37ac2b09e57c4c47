import { CUE_SCHEMAS, type Cue, type CueKind, type Segment, type ShowDetail, type ShowFields } from '../../../../../electron/contract';

/** What the editor edits, undoes and saves: the show's fields and its rundown. Immutable. */
export interface Plan {
  fields: ShowFields;
  segments: Segment[];
}

const ALPHABET = '0123456789abcdefghijkmnopqrstuvwxyz';

/** Ids minted in the browser (like the core's newId), so a new cue has its id before it is saved. */
export function newId(prefix: 'cue' | 'seg'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** The editable plan of a loaded show (drops the computed times the server adds). */
export function planFromDetail(d: ShowDetail): Plan {
  const { title, platform, startAt, timeZone, plannedLengthMs, status, canvas, goalGmv, goalOrders, notes, hostIds } = d;
  return {
    fields: { title, platform, startAt, timeZone, plannedLengthMs, status, canvas, goalGmv, goalOrders, notes, hostIds },
    segments: d.segments.map((s) => ({
      id: s.id,
      title: s.title,
      cues: s.cues.map((timed) => {
        const { offsetMs: _o, startAt: _s, ...cue } = timed as typeof timed & { offsetMs: number; startAt: number };
        return cue as Cue;
      }),
    })),
  };
}

/** Sensible first durations per kind (ms); producers adjust them. */
export const DEFAULT_DURATION: Record<CueKind, number> = {
  pitch: 5 * 60_000,
  flash_sale: 3 * 60_000,
  giveaway: 3 * 60_000,
  interaction: 5 * 60_000,
  break: 5 * 60_000,
  generic: 3 * 60_000,
};

export function newCue(kind: CueKind, extra: Partial<Record<string, unknown>> = {}): Cue {
  return CUE_SCHEMAS[kind].parse({ id: newId('cue'), kind, durationMs: DEFAULT_DURATION[kind], ...extra });
}

/** One line of the rundown as the list shows it: a segment header or a cue. */
export type RowItem =
  | { type: 'segment'; key: string; segment: Segment; index: number }
  | { type: 'cue'; key: string; cue: Cue; segmentId: string; index: number };

export const segKey = (id: string) => `seg:${id}`;

/** The rundown flattened: segment headers interleaved with their cues; `index` counts cues only. */
export function rowItems(segments: readonly Segment[]): RowItem[] {
  const out: RowItem[] = [];
  let n = 0;
  segments.forEach((segment, index) => {
    out.push({ type: 'segment', key: segKey(segment.id), segment, index });
    for (const cue of segment.cues) out.push({ type: 'cue', key: cue.id, cue, segmentId: segment.id, index: n++ });
  });
  return out;
}

export function allCues(segments: readonly Segment[]): Cue[] {
  return segments.flatMap((s) => s.cues);
}

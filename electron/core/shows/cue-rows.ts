import { CUE_SCHEMAS, Cue, CueKind, MAX_CUE_MS, type Segment } from '../../contract';
import { showCues } from '../../../db/schema';

type CueRow = typeof showCues.$inferSelect;
export type CueInsert = typeof showCues.$inferInsert;

/** A cue as a row: the shared fields as columns, the kind's own fields as `details` JSON. */
export function cueToRow(cue: Cue, showId: string, segmentId: string, position: number): CueInsert {
  const { id, kind, title, productId, durationMs, hostIds, notes, actions, ...details } = cue;
  return { id, showId, segmentId, position, kind, title, productId, durationMs, hostIds, notes, details, actions };
}

/**
 * A row as a cue, validated by the contract. A row that no longer parses (written by another
 * build, or edited by hand) keeps its shared fields under its kind's defaults rather than
 * failing the whole show; `hostIds` drop hosts deleted since.
 */
export function rowToCue(row: CueRow, hostExists: (id: string) => boolean): Cue {
  const shared = {
    id: row.id,
    kind: row.kind,
    title: row.title,
    productId: row.productId,
    durationMs: Math.min(Math.max(0, row.durationMs), MAX_CUE_MS),
    hostIds: Array.isArray(row.hostIds) ? row.hostIds.filter(hostExists) : [],
    notes: row.notes,
  };
  const full = Cue.safeParse({ ...row.details, ...shared, actions: row.actions });
  if (full.success) return full.data;
  const kind = CueKind.safeParse(row.kind);
  const schema = CUE_SCHEMAS[kind.success ? kind.data : 'generic'];
  const partial = schema.safeParse({ ...shared, kind: kind.success ? kind.data : 'generic' });
  return partial.success ? partial.data : CUE_SCHEMAS.generic.parse({ id: row.id, kind: 'generic' });
}

/** Cues of a show in rundown order, flattened from its segments. */
export function flatCues(segments: readonly Segment[]): Cue[] {
  const out: Cue[] = [];
  for (const s of segments) for (const c of s.cues) out.push(c);
  return out;
}

import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { AppError, type Segment } from '../../contract';
import type { Db } from '../../../db/open';
import { showCues, showSegments } from '../../../db/schema';
import { cueToRow, rowToCue, type CueInsert } from './cue-rows';

const CHUNK = 500; // rows per INSERT: 12 columns × 500 stays well under SQLite's variable limit

/** Reads and replaces a show's rundown (segments and cues). Callers wrap writes in a transaction. */
export class PlanDao {
  constructor(private readonly db: Db) {}

  read(showId: string, hostExists: (id: string) => boolean): Segment[] {
    const segments = this.db.select().from(showSegments).where(eq(showSegments.showId, showId)).orderBy(asc(showSegments.position)).all();
    const rows = this.db.select().from(showCues).where(eq(showCues.showId, showId)).orderBy(asc(showCues.position)).all();
    const out: Segment[] = segments.map((s) => ({ id: s.id, title: s.title, cues: [] }));
    const byId = new Map(out.map((s) => [s.id, s]));
    for (const row of rows) {
      // A cue without a (known) segment joins the first one rather than vanishing.
      let segment = row.segmentId ? byId.get(row.segmentId) : undefined;
      if (!segment) {
        if (out.length === 0) out.push({ id: `seg_${showId}`, title: '', cues: [] });
        segment = out[0]!;
      }
      segment.cues.push(rowToCue(row, hostExists));
    }
    return out;
  }

  /** Replace the rundown: delete the old rows, insert the new ones with positions in order. */
  replace(showId: string, segments: readonly Segment[]): void {
    this.db.delete(showCues).where(eq(showCues.showId, showId)).run();
    this.db.delete(showSegments).where(eq(showSegments.showId, showId)).run();
    this.assertIdsFree(showId, segments);
    if (segments.length > 0) {
      this.db.insert(showSegments).values(segments.map((s, position) => ({ id: s.id, showId, position, title: s.title }))).run();
    }
    const rows: CueInsert[] = [];
    for (const s of segments) for (const cue of s.cues) rows.push(cueToRow(cue, showId, s.id, rows.length));
    for (let i = 0; i < rows.length; i += CHUNK) this.db.insert(showCues).values(rows.slice(i, i + CHUNK)).run();
  }

  /** Ids are global primary keys: one used by another show is refused with a clear error, not a constraint failure. */
  private assertIdsFree(showId: string, segments: readonly Segment[]): void {
    const segIds = segments.map((s) => s.id);
    const cueIds = segments.flatMap((s) => s.cues.map((c) => c.id));
    for (let i = 0; i < segIds.length; i += CHUNK) {
      const taken = this.db
        .select({ id: showSegments.id })
        .from(showSegments)
        .where(and(inArray(showSegments.id, segIds.slice(i, i + CHUNK)), ne(showSegments.showId, showId)))
        .get();
      if (taken) throw new AppError('CONFLICT', `Segment id ${taken.id} belongs to another show`, { reason: 'id_taken', id: taken.id });
    }
    for (let i = 0; i < cueIds.length; i += CHUNK) {
      const taken = this.db
        .select({ id: showCues.id })
        .from(showCues)
        .where(and(inArray(showCues.id, cueIds.slice(i, i + CHUNK)), ne(showCues.showId, showId)))
        .get();
      if (taken) throw new AppError('CONFLICT', `Cue id ${taken.id} belongs to another show`, { reason: 'id_taken', id: taken.id });
    }
  }
}

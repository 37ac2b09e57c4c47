import { asc, desc, eq, sql } from 'drizzle-orm';
import type { ShowFields, ShowSummary } from '../../contract';
import type { Db } from '../../../db/open';
import { showCues, showHosts, shows } from '../../../db/schema';

type ShowRow = typeof shows.$inferSelect;

/** SQL access for shows (the header of a plan) and their hosts. */
export class ShowsDao {
  constructor(private readonly db: Db) {}

  list(templates: boolean): ShowSummary[] {
    const rows = this.db.select().from(shows).where(eq(shows.isTemplate, templates)).orderBy(desc(shows.startAt)).all();
    return this.summaries(rows);
  }

  get(id: string): ShowSummary | null {
    const row = this.db.select().from(shows).where(eq(shows.id, id)).get();
    return row ? this.summaries([row])[0]! : null;
  }

  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(shows).where(eq(shows.isTemplate, false)).get()?.n ?? 0;
  }

  insert(id: string, fields: ShowFields, isTemplate: boolean, now: number): void {
    const { hostIds, ...row } = fields;
    this.db.insert(shows).values({ ...row, id, isTemplate, revision: 1, createdAt: now, updatedAt: now }).run();
    this.setHosts(id, hostIds);
  }

  /** Change fields and bump the revision; returns the new revision. */
  update(id: string, patch: Partial<ShowFields>, now: number): number {
    const { hostIds, ...row } = patch;
    const res = this.db
      .update(shows)
      .set({ ...row, revision: sql`${shows.revision} + 1`, updatedAt: now })
      .where(eq(shows.id, id))
      .returning({ revision: shows.revision })
      .get();
    if (hostIds) this.setHosts(id, hostIds);
    return res?.revision ?? 0;
  }

  delete(id: string): boolean {
    return this.db.delete(shows).where(eq(shows.id, id)).run().changes > 0;
  }

  private setHosts(id: string, hostIds: string[]): void {
    this.db.delete(showHosts).where(eq(showHosts.showId, id)).run();
    const unique = [...new Set(hostIds)];
    if (unique.length > 0) this.db.insert(showHosts).values(unique.map((hostId, position) => ({ showId: id, hostId, position }))).run();
  }

  private summaries(rows: ShowRow[]): ShowSummary[] {
    if (rows.length === 0) return [];
    const hostRows = this.db.select().from(showHosts).orderBy(asc(showHosts.showId), asc(showHosts.position)).all();
    const totals = this.db
      .select({ showId: showCues.showId, n: sql<number>`count(*)`, ms: sql<number>`coalesce(sum(${showCues.durationMs}), 0)` })
      .from(showCues)
      .groupBy(showCues.showId)
      .all();
    const byShow = new Map(totals.map((c) => [c.showId, c]));
    const hostsOf = new Map<string, string[]>();
    for (const h of hostRows) hostsOf.set(h.showId, [...(hostsOf.get(h.showId) ?? []), h.hostId]);
    return rows.map((r) => ({
      ...r,
      platform: r.platform as ShowSummary['platform'],
      hostIds: hostsOf.get(r.id) ?? [],
      cueCount: byShow.get(r.id)?.n ?? 0,
      totalMs: byShow.get(r.id)?.ms ?? 0,
    }));
  }
}

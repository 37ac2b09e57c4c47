import { asc, desc, sql } from 'drizzle-orm';
import type { ShowSummary } from '../../contract';
import type { Db } from '../../../db/open';
import { showCues, showHosts, shows } from '../../../db/schema';

export class ShowsDao {
  constructor(private readonly db: Db) {}

  list(): ShowSummary[] {
    const rows = this.db.select().from(shows).orderBy(desc(shows.startAt)).all();
    const hostRows = this.db.select().from(showHosts).orderBy(asc(showHosts.position)).all();
    const cueCounts = this.db
      .select({ showId: showCues.showId, n: sql<number>`count(*)` })
      .from(showCues)
      .groupBy(showCues.showId)
      .all();
    const counts = new Map(cueCounts.map((c) => [c.showId, c.n]));
    return rows.map((r) => ({
      ...r,
      platform: r.platform as ShowSummary['platform'],
      hostIds: hostRows.filter((h) => h.showId === r.id).map((h) => h.hostId),
      cueCount: counts.get(r.id) ?? 0,
    }));
  }

  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(shows).get()?.n ?? 0;
  }
}

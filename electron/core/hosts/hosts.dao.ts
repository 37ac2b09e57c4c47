import { asc, sql } from 'drizzle-orm';
import type { Host } from '../../contract';
import type { Db } from '../../../db/open';
import { hosts } from '../../../db/schema';

export class HostsDao {
  constructor(private readonly db: Db) {}

  list(): Host[] {
    return this.db.select().from(hosts).orderBy(asc(hosts.role), asc(hosts.name)).all();
  }

  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(hosts).get()?.n ?? 0;
  }
}

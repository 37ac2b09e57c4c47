import { asc, eq, sql } from 'drizzle-orm';
import type { Host, HostFields } from '../../contract';
import type { Db } from '../../../db/open';
import { hosts } from '../../../db/schema';

/** SQL access for hosts. No validation here: the dispatcher and the service did it. */
export class HostsDao {
  constructor(private readonly db: Db) {}

  list(): Host[] {
    return this.db.select().from(hosts).orderBy(asc(hosts.role), asc(hosts.name)).all();
  }

  get(id: string): Host | null {
    return this.db.select().from(hosts).where(eq(hosts.id, id)).get() ?? null;
  }

  /** Hosts whose name matches, ignoring case and surrounding spaces (how a bundle finds "the same" host). */
  findByName(name: string): Host | null {
    return this.db.select().from(hosts).where(sql`lower(trim(${hosts.name})) = lower(trim(${name}))`).get() ?? null;
  }

  ids(): Set<string> {
    return new Set(this.db.select({ id: hosts.id }).from(hosts).all().map((r) => r.id));
  }

  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(hosts).get()?.n ?? 0;
  }

  insert(id: string, fields: HostFields, now: number): void {
    this.db.insert(hosts).values({ ...fields, id, createdAt: now, updatedAt: now }).run();
  }

  update(id: string, patch: Partial<HostFields>, now: number): boolean {
    return this.db.update(hosts).set({ ...patch, updatedAt: now }).where(eq(hosts.id, id)).run().changes > 0;
  }

  delete(id: string): boolean {
    return this.db.delete(hosts).where(eq(hosts.id, id)).run().changes > 0;
  }
}

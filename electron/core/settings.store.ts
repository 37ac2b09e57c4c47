import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { settings } from '../../db/schema';
import type { Clock } from './clock';

/** Typed key/value settings in the `settings` table; a value that no longer parses reads as the fallback. */
export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const row = this.db.select().from(settings).where(eq(settings.key, key)).get();
    if (!row) return fallback;
    const parsed = schema.safeParse(row.value);
    return parsed.success ? parsed.data : fallback;
  }

  set<T>(key: string, value: T): void {
    const updatedAt = this.clock.now();
    this.db
      .insert(settings)
      .values({ key, value, updatedAt })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
      .run();
  }
}

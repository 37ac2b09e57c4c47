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
    const value = this.read(key);
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  }

  /** The stored JSON value, unchecked (undefined when the key is not set). */
  read(key: string): unknown {
    return this.db.select().from(settings).where(eq(settings.key, key)).get()?.value;
  }

  remove(key: string): void {
    this.db.delete(settings).where(eq(settings.key, key)).run();
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

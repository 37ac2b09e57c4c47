import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { settings } from '../../db/schema';
import type { Clock } from './clock';

/**
 * Typed key/value settings in the `settings` table; a value that no longer parses reads as the
 * fallback. Reads come from memory after the first (this store is the table's only writer, and
 * a Go that changes an overlay reads the native-source bindings on every change).
 */
export class SettingsStore {
  private readonly cache = new Map<string, string | undefined>();

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
    // Kept as JSON text: every caller gets its own copy, so nothing it changes leaks back. Not
    // remembered inside a transaction, which may yet roll back.
    if (this.cache.has(key)) {
      const text = this.cache.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    }
    const value: unknown = this.db.select().from(settings).where(eq(settings.key, key)).get()?.value;
    if (!this.db.$client.inTransaction) this.cache.set(key, value === undefined ? undefined : JSON.stringify(value));
    return value;
  }

  remove(key: string): void {
    this.db.delete(settings).where(eq(settings.key, key)).run();
    this.cache.delete(key);
  }

  set<T>(key: string, value: T): void {
    const updatedAt = this.clock.now();
    this.db
      .insert(settings)
      .values({ key, value, updatedAt })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
      .run();
    this.cache.delete(key); // read back as stored (the column's JSON mode decides what survives)
  }
}

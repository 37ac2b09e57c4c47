import { z } from 'zod';

/** Text ids so plan bundles can move between machines. */
export const Id = z.string().min(1).max(64);
/** Money in integer minor units (分 / cents). */
export const Money = z.number().int().min(0).max(1_000_000_000_00);
/** An instant, epoch milliseconds UTC. */
export const Instant = z.number().int();
/** A sha256 content hash naming a file in the media folder. */
export const MediaHash = z.string().regex(/^[a-f0-9]{64}$/);
export const Empty = z.object({}).strict();

/** A trimmed single-line string; empty strings are kept as empty. */
export const Line = (max: number) => z.string().trim().max(max);

/** The same object shape with `.default()` removed from each field (for patches). */
export function withoutDefaults<S extends z.ZodRawShape>(shape: S): S {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    out[key] = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
  }
  return out as unknown as S;
}

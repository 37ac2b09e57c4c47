import { z } from 'zod';
import { cleanLine, cleanSku, cleanText } from './text';

/** Text ids so plan bundles can move between machines. */
export const Id = z.string().min(1).max(64);
/** Money in integer minor units (分 / cents). */
export const Money = z.number().int().min(0).max(1_000_000_000_00);
/** An instant, epoch milliseconds UTC. */
export const Instant = z.number().int();
/** A sha256 content hash naming a file in the media folder. */
export const MediaHash = z.string().regex(/^[a-f0-9]{64}$/);
export const Empty = z.object({}).strict();

/**
 * Well-formed Unicode only: a lone surrogate is refused with the path of the field (400). A
 * regex, not a refine, so the import's fast validator (fast-validate.ts) runs it as is.
 */
const WELL_FORMED = /^[^\p{Cs}]*$/u;
const wellFormed = () => z.string().regex(WELL_FORMED, 'Broken text: a lone UTF-16 surrogate (half of a character); send well-formed Unicode');

/**
 * A single-line string (titles, names, tags): line breaks and tabs become spaces, other control
 * characters, terminal escapes and bidi overrides are dropped, then it is trimmed; `max` counts
 * what is left. Empty strings are kept as empty.
 */
export const Line = (max: number) => wellFormed().overwrite(cleanLine).trim().max(max);

/**
 * Multi-line text (notes, talking points): tabs and line breaks stay, other controls go. Text of
 * nothing but white space is empty, as a spreadsheet cell of it reads on import.
 */
export const Text = (max: number) =>
  wellFormed()
    .overwrite(cleanText)
    .overwrite((t) => (t.trim() === '' ? '' : t))
    .max(max);

/** A SKU: a line without invisible characters, never empty. Compared by `skuKey` (text.ts). */
export const Sku = (max = 64) =>
  wellFormed().overwrite(cleanSku).min(1, 'SKU is empty (it had no visible characters)').max(max);

/** The same object shape with `.default()` removed from each field (for patches). */
export function withoutDefaults<S extends z.ZodRawShape>(shape: S): S {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    out[key] = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
  }
  return out as unknown as S;
}

import { z } from 'zod';
import type { SettingsStore } from '../settings.store';

/**
 * What is remembered for one layout: the header row the user picked (absent: the detected one
 * was right), and a field (or null) per column of that header.
 */
export interface RememberedLayout<F extends string> {
  mapping: (F | null)[];
  headerRow?: number;
}

/**
 * Column mappings (and header-row picks) remembered per layout, in the settings table under
 * `<namespace>.<signature>`: the next file like it opens the same way. Key it by the signature
 * of the DETECTED header (`headerSignature(source.candidates[detected].cells)`), which is known
 * before any pick, so a picked header row is found again too. Each importer has its own
 * namespace and its own field names (`fields` checks what is read back).
 */
export class MappingMemory<F extends string> {
  private readonly schema: z.ZodType<RememberedLayout<F>>;

  constructor(
    private readonly settings: SettingsStore,
    private readonly namespace: string,
    fields: readonly F[],
  ) {
    const field = z.enum(fields as unknown as [string, ...string[]]) as unknown as z.ZodType<F>;
    this.schema = z.object({ mapping: z.array(field.nullable()), headerRow: z.number().int().min(1).optional() }) as z.ZodType<RememberedLayout<F>>;
  }

  /** The layout remembered for this signature (check its mapping's width against the header you use). */
  recall(signature: string): RememberedLayout<F> | null {
    const raw = this.settings.read(`${this.namespace}.${signature}`);
    // Before header rows were remembered, a bare mapping array was stored.
    const parsed = this.schema.safeParse(Array.isArray(raw) ? { mapping: raw } : raw);
    return parsed.success ? parsed.data : null;
  }

  remember(signature: string, layout: RememberedLayout<F>): void {
    this.settings.set(`${this.namespace}.${signature}`, layout);
  }
}

import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijkmnopqrstuvwxyz';

/** A short random text id with a readable prefix, e.g. `prd_3k9x...` (16 random chars). */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

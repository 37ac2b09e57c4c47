import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijkmnopqrstuvwxyz';

/** A short random text id with a readable prefix, e.g. `prd_3k9x...` (16 random chars). */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

/** `count` ids like newId's from one random draw: bulk imports make 100k of them at once. */
export function newIds(prefix: string, count: number): string[] {
  const bytes = randomBytes(16 * count);
  const out: string[] = new Array<string>(count);
  for (let i = 0; i < count; i += 1) {
    let id = `${prefix}_`;
    for (let j = i * 16; j < i * 16 + 16; j += 1) id += ALPHABET[bytes[j]! % ALPHABET.length];
    out[i] = id;
  }
  return out;
}

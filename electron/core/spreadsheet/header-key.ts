import { createHash } from 'node:crypto';

/** Header text → comparable key: full-width folded, lower case, no spaces or punctuation. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-/()（）:：.·*#]+/g, '');
}

/** The same key with a bracketed unit taken off: "价格（元）" and "Price (USD)" name the same column as "价格". */
export function headerKeyWithoutUnit(header: string): string {
  return headerKey(header.replace(/[(（][^)）]*[)）]/g, ''));
}

/**
 * A stable name for a header row, so a mapping the user fixed once is found again for the next
 * file with the same columns (in the same order), whatever rows sit above the header.
 */
export function headerSignature(header: string[]): string {
  return createHash('sha256').update(header.map(headerKey).join('\u0001')).digest('hex').slice(0, 32);
}

// Text folding and tokenising shared by the index (documents) and the query parser, so both
// sides agree exactly on what a "character" and a "word" are.

/** NFKC turns full-width Ｌａ and １２ into La and 12; lower-casing makes search case-blind. */
export function fold(text: string): string {
  // ASCII is its own NFKC form; skipping normalize() for it halves the index build.
  return (ASCII.test(text) ? text : text.normalize('NFKC')).toLowerCase();
}
const ASCII = /^[ -~]*$/; // printable ASCII

/** Han ideographs (BMP blocks and the supplementary planes). These get pinyin. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2fa1f)
  );
}

/**
 * Scripts written without spaces (Han, kana, Hangul) are indexed character by character, so any
 * substring — one character included — can be found; `霜` finds `面霜`.
 */
export function isUnigram(cp: number): boolean {
  return isHan(cp) || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7af);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export type Run = { kind: 'chars' | 'word'; text: string };

/** Split folded text into runs of unigram characters and runs of word characters. */
export function runs(folded: string): Run[] {
  const out: Run[] = [];
  let kind: Run['kind'] | null = null;
  let start = 0;
  for (let i = 0; i < folded.length; ) {
    const cp = folded.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    // ASCII and Han by number; only other scripts need the Unicode-aware test.
    const k: Run['kind'] | null =
      cp < 0x80
        ? (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a)
          ? 'word'
          : null
        : isUnigram(cp)
          ? 'chars'
          : WORD_CHAR.test(folded.slice(i, i + len))
            ? 'word'
            : null;
    if (k !== kind) {
      if (kind !== null && i > start) out.push({ kind, text: folded.slice(start, i) });
      kind = k;
      start = i;
    }
    i += len;
  }
  if (kind !== null && folded.length > start) out.push({ kind, text: folded.slice(start) });
  return out;
}

/** A word plus its letter/digit parts, so `spf50` is found by `spf` and by `50`. */
export function wordParts(word: string): string[] {
  const parts = word.match(/\p{L}+|\p{N}+/gu);
  if (!parts || parts.length <= 1) return [word];
  return [word, ...parts];
}

/** A SKU without separators, so `ccsk0` finds `CC-SK-001`. */
export function compactSku(sku: string): string {
  return fold(sku).replace(/[^\p{L}\p{N}]+/gu, '');
}

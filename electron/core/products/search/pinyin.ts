import { pinyin } from 'pinyin-pro';

// Pinyin for search. We look every Han character up once (pinyin-pro, all readings of a
// polyphonic character, ü written as v) and cache it: the index then needs no dictionary work
// per product, and a title matches a query through any reading of its characters.

const cache = new Map<string, readonly string[]>();

export function readings(ch: string): readonly string[] {
  let r = cache.get(ch);
  if (!r) {
    const raw = pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true }) as string[];
    const set = new Set<string>();
    for (const p of raw) {
      if (!/^[a-z]+$/.test(p)) continue;
      set.add(p);
      if (p.includes('v')) set.add(p.replace(/v/g, 'u')); // people type lu as often as lv
    }
    r = [...set];
    cache.set(ch, r);
  }
  return r;
}

const byCodePoint = new Map<number, readonly string[]>();
/** readings() by code point, so hot loops need not build a one-character string. */
export function readingsOf(cp: number): readonly string[] {
  let r = byCodePoint.get(cp);
  if (!r) {
    r = readings(String.fromCodePoint(cp));
    byCodePoint.set(cp, r);
  }
  return r;
}

// Syllables and initials as small integers, so the index keys a pair of them as one number
// (a * KEY_SPACE + b) instead of building and hashing a string per character pair.
export const KEY_SPACE = 4096;
const ids = new Map<string, number>();
export function keyId(syllableOrInitial: string): number {
  let id = ids.get(syllableOrInitial);
  if (id === undefined) {
    id = ids.size;
    ids.set(syllableOrInitial, id);
  }
  return id;
}

const pairKeysByCp = new Map<number, Int32Array | null>();
/** Ids a Han character contributes to a pair: each reading and each first letter. */
export function pairKeys(cp: number): Int32Array | null {
  let keys = pairKeysByCp.get(cp);
  if (keys === undefined) {
    const r = readingsOf(cp);
    keys = r.length === 0 ? null : Int32Array.from(new Set(r.flatMap((x) => [keyId(x), keyId(x[0]!)])));
    pairKeysByCp.set(cp, keys);
  }
  return keys;
}

/** Every prefix of every syllable (what one character may consume of a query), and the syllables. */
let syllablePrefixes: Set<string> | null = null;
let allSyllables: string[] = [];
function prefixes(): Set<string> {
  if (syllablePrefixes) return syllablePrefixes;
  const set = new Set<string>();
  const syllables = new Set<string>();
  for (let cp = 0x4e00; cp <= 0x9fa5; cp += 1) {
    for (const r of readings(String.fromCodePoint(cp))) {
      syllables.add(r);
      for (let k = 1; k <= r.length; k += 1) set.add(r.slice(0, k));
    }
  }
  allSyllables = [...syllables].sort();
  syllablePrefixes = set;
  return set;
}

/** Prime the syllable table (about 0.1 s) so the first pinyin query is not the slow one. */
export function warmPinyin(): void {
  prefixes();
}

const expansions = new Map<string, string[]>();
/** The keys a query piece stands for: a lone letter is itself (an initial), else the syllables it begins. */
export function expand(piece: string): string[] {
  let out = expansions.get(piece);
  if (!out) {
    prefixes();
    out = piece.length === 1 ? [piece] : allSyllables.filter((s) => s.startsWith(piece));
    expansions.set(piece, out);
  }
  return out;
}

/** Full syllables beginning with a letter or prefix (for one-piece queries). */
export function syllablesStartingWith(prefix: string): string[] {
  prefixes();
  return allSyllables.filter((s) => s.startsWith(prefix));
}

/**
 * Ways to cut a Latin query into pieces each of which starts some syllable: `mians` →
 * [mian, s], [mi, an, s] … Capped, longest pieces first, because typed queries are short and the
 * greedy cuts are the ones people mean.
 */
export function segmentations(q: string, cap = 24): string[][] {
  const valid = prefixes();
  const out: string[][] = [];
  const path: string[] = [];
  const walk = (pos: number) => {
    if (out.length >= cap) return;
    if (pos === q.length) {
      out.push([...path]);
      return;
    }
    for (let end = Math.min(q.length, pos + 6); end > pos; end -= 1) {
      const piece = q.slice(pos, end);
      if (!valid.has(piece)) continue;
      path.push(piece);
      walk(end);
      path.pop();
    }
  };
  walk(0);
  return out;
}

/**
 * Does `q` match some stretch of consecutive Han characters of `run`, each character taking a
 * non-empty prefix of one of its readings? `mianshuang`, `ms`, `mians` all match 面霜. No
 * allocation per call: it runs on every candidate of a pinyin query.
 */
export function pinyinMatchesRun(q: string, run: string): boolean {
  let budget = 20_000; // pathological inputs give up rather than spin
  const consume = (pos: number, j: number): boolean => {
    if (pos === q.length) return true;
    if (j >= run.length || (budget -= 1) < 0) return false;
    const cp = run.codePointAt(j)!;
    const next = j + (cp > 0xffff ? 2 : 1);
    for (const r of readingsOf(cp)) {
      // Longest common prefix of this reading and the rest of the query; any cut up to it works.
      let common = 0;
      const max = Math.min(r.length, q.length - pos);
      while (common < max && q.charCodeAt(pos + common) === r.charCodeAt(common)) common += 1;
      for (let k = common; k >= 1; k -= 1) if (consume(pos + k, next)) return true;
    }
    return false;
  };
  for (let i = 0; i < run.length; i += 1) {
    if (run.charCodeAt(i) >= 0xdc00 && run.charCodeAt(i) <= 0xdfff) continue; // low surrogate
    if (consume(0, i)) return true;
  }
  return false;
}

const initialsCache = new Map<string, readonly string[]>();
/** First letters of the readings of a character (a polyphone may have several). */
export function initials(ch: string): readonly string[] {
  let out = initialsCache.get(ch);
  if (!out) {
    out = [...new Set(readings(ch).map((r) => r[0]!))];
    initialsCache.set(ch, out);
  }
  return out;
}

/** A sort key that orders Chinese titles by pinyin and Latin titles alphabetically, together. */
export function sortKey(folded: string): string {
  let out = '';
  for (const ch of folded) {
    const r = isHanChar(ch) ? readings(ch)[0] : undefined;
    out += r ?? ch;
  }
  return out;
}

function isHanChar(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);
}

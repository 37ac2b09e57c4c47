import { KEY_SPACE, keyId, pairKeys, pinyinMatchesRun, readingsOf, sortKey } from './pinyin';
import { pinyinCandidates, type PinyinLists } from './pinyin-query';
import { EMPTY, intersect, PostingList, unionAll } from './postings';
import { compactSku, fold, isHan, runs, wordParts } from './text';

/** What the index keeps of a product: the searched fields plus what filters and sorts need. */
export interface SearchDoc {
  id: string;
  sku: string;
  title: string;
  shortTitle: string;
  brand: string;
  tags: string[];
  variantSkus: string[];
  /** The product's ids on the platforms: found like SKUs (what a producer pastes from the back office). */
  platformIds: string[];
  shopName: string;
  role: string;
  archived: boolean;
  stock: number | null;
  livePrice: number;
  updatedAt: number;
}

export interface Entry {
  doc: SearchDoc;
  skus: string[]; // folded product and variant SKUs, for the exact-SKU rank
  title: string; // folded
  // Made when a query first checks this product, not at build time (most never are):
  haystack?: string; // folded searched fields, for substring checks
  words?: string; // ' word word …' as indexed, for a word-prefix check
  titleKey?: string; // pinyin-aware sort key, made when first sorted by title
}

export type Token = { kind: 'chars' | 'word'; text: string };

/** Query text → AND-ed tokens: Chinese runs and Latin words, `面霜la` → [面霜, la]. */
export function parseQuery(q: string): Token[] {
  return runs(fold(q)).map((r) => ({ kind: r.kind, text: r.text }));
}

/** Below this many candidates, checking each product beats building another token's list. */
const VERIFY_MAX = 4000;
const PINYIN = /^[a-z]{1,40}$/;

/**
 * In-memory inverted index over title, short title, SKU, brand and tags (and variant SKUs):
 * every Han/kana/Hangul character → products (any substring, one character included); Latin
 * words, their letter/digit parts and compact SKUs in a sorted term array (a prefix is a binary
 * search); pinyin syllables and adjacent-character pairs (see pinyin-query.ts). Postings are
 * ascending ordinals; an edited product gets a new ordinal and the old one dies.
 */
export class SearchIndex {
  private readonly entries: (Entry | undefined)[] = [];
  // Hot fields by ordinal in flat arrays: ranking touches them for every match, and walking
  // packed arrays is several times faster than visiting one entry object per match.
  readonly titles: string[] = [];
  readonly updatedAt: number[] = [];
  readonly archived: number[] = [];
  /** Folded product SKU; variant SKUs stay on the entry (most products have none). */
  readonly skus: string[] = [];
  readonly hasVariants: number[] = [];
  private readonly byId = new Map<string, number>();
  private readonly chars = new Map<string, PostingList>();
  /** Two adjacent characters → products: a two-character query is answered exactly, a longer
   *  one by intersecting its pairs before the substring check (a few candidates, not thousands). */
  private readonly bigrams = new Map<string, PostingList>();
  /** A word held by one product maps to its ordinal alone: SKUs are unique, and 200,000
   *  one-element typed arrays would cost more than the rest of the index. */
  private readonly words = new Map<string, PostingList | number>();
  private readonly pinyin: PinyinLists;
  private sortedTerms: string[] = [];
  private termsDirty = false;
  private readonly cache = new Map<string, Int32Array>();
  private dead = 0;
  /** Grows on every change; result caches key on it. */
  version = 0;

  constructor() {
    this.pinyin = {
      syllables: new Map(),
      pairs: new Map(),
      ordinalSpace: 0,
      han: [],
    };
  }

  get size(): number {
    return this.byId.size;
  }
  get ordinalSpace(): number {
    return this.entries.length;
  }
  get deadCount(): number {
    return this.dead;
  }
  entry(ordinal: number): Entry | undefined {
    return this.entries[ordinal];
  }
  /** Live ordinals, ascending. */
  alive(): Int32Array {
    const out = new Int32Array(this.byId.size);
    let n = 0;
    for (let o = 0; o < this.entries.length; o += 1) if (this.entries[o]) out[n++] = o;
    return out;
  }
  titleKey(e: Entry): string {
    return (e.titleKey ??= sortKey(e.title));
  }

  /** Add or replace a product. `bulk` defers sorting the term array to the first query. */
  upsert(doc: SearchDoc, bulk = false): void {
    if (!bulk) this.remove(doc.id); // a bulk build reads each product once
    const ordinal = this.entries.length;
    const fields = foldedFields(doc);
    const hanRuns: string[] = [];
    const words = termsOf(doc, fields, (chars) => this.addChars(chars, ordinal, hanRuns));
    for (const w of words) {
      const list = this.words.get(w);
      if (list === undefined) {
        this.words.set(w, ordinal);
        if (bulk) this.termsDirty = true;
        else if (!this.termsDirty) this.sortedTerms.splice(lowerBound(this.sortedTerms, w), 0, w);
      } else if (typeof list === 'number') {
        const grown = new PostingList(2);
        grown.push(list);
        grown.push(ordinal);
        this.words.set(w, grown);
      } else list.push(ordinal);
    }
    const skus = fields.slice(fields.length - 1 - doc.variantSkus.length - doc.platformIds.length);
    this.entries.push({ doc, skus, title: fields[0]! });
    this.pinyin.han.push(hanRuns.join('\0'));
    this.titles.push(fields[0]!);
    this.updatedAt.push(doc.updatedAt);
    this.archived.push(doc.archived ? 1 : 0);
    this.skus.push(skus[0]!);
    this.hasVariants.push(doc.variantSkus.length > 0 ? 1 : 0);
    this.byId.set(doc.id, ordinal);
    this.pinyin.ordinalSpace = this.entries.length;
    this.touch();
  }

  private addChars(text: string, ordinal: number, hanRuns: string[]): void {
    let prev: Int32Array | null = null;
    let prevChar = '';
    let runStart = -1;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + len);
      add(this.chars, ch, ordinal);
      if (prevChar) add(this.bigrams, prevChar + ch, ordinal);
      prevChar = ch;
      const keys = isHan(cp) ? pairKeys(cp) : null;
      if (keys) {
        if (runStart < 0) runStart = i;
        for (const r of readingsOf(cp)) add(this.pinyin.syllables, r, ordinal);
        if (prev) for (const a of prev) for (const b of keys) add(this.pinyin.pairs, a * KEY_SPACE + b, ordinal);
      } else if (runStart >= 0) {
        hanRuns.push(text.slice(runStart, i));
        runStart = -1;
      }
      prev = keys;
      i += len;
    }
    if (runStart >= 0) hanRuns.push(text.slice(runStart));
  }

  remove(id: string): boolean {
    const ordinal = this.byId.get(id);
    if (ordinal === undefined) return false;
    this.entries[ordinal] = undefined;
    this.byId.delete(id);
    this.dead += 1;
    this.touch();
    return true;
  }

  /** Also public so a benchmark can time cold queries, as each new keystroke is. */
  touch(): void {
    this.version += 1;
    if (this.cache.size > 0) this.cache.clear();
  }

  /**
   * Ascending live ordinals matching every token. The cheapest token is listed first; the rest
   * are intersected, or — once few candidates remain — checked on each candidate directly.
   */
  match(tokens: Token[]): Int32Array {
    if (this.termsDirty) {
      this.sortedTerms = [...this.words.keys()].sort();
      this.termsDirty = false;
    }
    const planned = tokens.map((t) => ({ t, cost: this.estimate(t) })).sort((a, b) => a.cost - b.cost);
    let acc = this.tokenSet(planned[0]!.t);
    for (let i = 1; i < planned.length && acc.length > 0; i += 1) {
      const t = planned[i]!.t;
      acc = acc.length <= VERIFY_MAX ? acc.filter((o) => this.verify(o, t)) : intersect(acc, this.tokenSet(t));
    }
    if (this.dead === 0) return acc; // nothing to drop (callers never write into a result)
    // A plain loop: TypedArray#filter calls back per element and is several times slower here.
    const out = new Int32Array(acc.length);
    let n = 0;
    for (let i = 0; i < acc.length; i += 1) {
      const o = acc[i]!;
      if (this.entries[o] !== undefined) out[n++] = o;
    }
    return out.subarray(0, n);
  }

  private estimate(t: Token): number {
    if (t.kind === 'chars') {
      const chars = Array.from(t.text);
      if (chars.length === 1) return this.chars.get(chars[0]!)?.length ?? 0;
      let min = Infinity;
      for (let i = 1; i < chars.length; i += 1) min = Math.min(min, this.bigrams.get(chars[i - 1]! + chars[i]!)?.length ?? 0);
      return min;
    }
    const lo = lowerBound(this.sortedTerms, t.text);
    const hi = lowerBound(this.sortedTerms, `${t.text}\uffff`);
    let n = 0;
    if (hi - lo > 64) n = 1e6 + hi - lo;
    else for (let i = lo; i < hi; i += 1) n += this.wordList(this.sortedTerms[i]!).length;
    // A pinyin reading may add matches; two letters bound it by their pair list.
    if (PINYIN.test(t.text)) n += t.text.length >= 2 ? (this.pinyin.pairs.get(keyId(t.text[0]!) * KEY_SPACE + keyId(t.text[1]!))?.length ?? 0) : 1e6;
    return n;
  }

  private verify(o: number, t: Token): boolean {
    const e = this.entries[o];
    if (!e) return false;
    if (t.kind === 'chars') return haystack(e).includes(t.text);
    if (wordsOf(e).includes(` ${t.text}`)) return true;
    return PINYIN.test(t.text) && pinyinMatchesRun(t.text, this.pinyin.han[o]!);
  }

  private tokenSet(t: Token): Int32Array {
    const key = `${t.kind}:${t.text}`;
    let hit = this.cache.get(key);
    if (hit) return hit;
    if (t.kind === 'chars') {
      const chars = Array.from(t.text);
      const keys = chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
      const lists = keys.map((k) => (chars.length === 1 ? this.chars : this.bigrams).get(k)?.view() ?? EMPTY).sort((a, b) => a.length - b.length);
      let acc = lists[0]!;
      for (let i = 1; i < lists.length && acc.length > 0; i += 1) acc = intersect(acc, lists[i]!);
      // One or two characters: the lists are the answer. Three or more: the pairs may sit apart
      // (洁面 … 面乳 in 洁面霜和面乳), so each candidate is checked for the whole run.
      if (chars.length > 2) acc = this.containing(acc, t.text);
      hit = acc;
    } else {
      const latin = this.wordPrefix(t.text);
      hit = PINYIN.test(t.text) ? unionAll([latin, pinyinCandidates(this.pinyin, t.text)], this.entries.length) : latin;
    }
    if (this.cache.size >= 256) this.cache.clear();
    this.cache.set(key, hit);
    return hit;
  }

  /** The products among `candidates` whose searched text holds `text`. */
  private containing(candidates: Int32Array, text: string): Int32Array {
    const out = new Int32Array(candidates.length);
    let n = 0;
    for (let i = 0; i < candidates.length; i += 1) {
      const e = this.entries[candidates[i]!];
      if (e !== undefined && haystack(e).includes(text)) out[n++] = candidates[i]!;
    }
    return out.subarray(0, n);
  }

  private wordList(term: string): Int32Array {
    const list = this.words.get(term);
    return list === undefined ? EMPTY : typeof list === 'number' ? Int32Array.of(list) : list.view();
  }

  private wordPrefix(prefix: string): Int32Array {
    const lists: Int32Array[] = [];
    for (let i = lowerBound(this.sortedTerms, prefix); i < this.sortedTerms.length; i += 1) {
      const term = this.sortedTerms[i]!;
      if (!term.startsWith(prefix)) break;
      lists.push(this.wordList(term));
    }
    return unionAll(lists, this.entries.length);
  }
}

function foldedFields(doc: SearchDoc): string[] {
  return [doc.title, doc.shortTitle, doc.brand, ...doc.tags, doc.sku, ...doc.variantSkus, ...doc.platformIds].map(fold);
}

/** The Latin terms of a product (words, their parts, compact SKUs); hands Han/kana runs to `chars`. */
function termsOf(doc: SearchDoc, fields: string[], chars?: (run: string) => void): Set<string> {
  const words = new Set<string>();
  for (const field of fields) {
    for (const run of runs(field)) {
      if (run.kind === 'word') for (const w of wordParts(run.text)) words.add(w);
      else chars?.(run.text);
    }
  }
  for (const sku of [doc.sku, ...doc.variantSkus, ...doc.platformIds]) words.add(compactSku(sku));
  words.delete('');
  return words;
}

function haystack(e: Entry): string {
  return (e.haystack ??= foldedFields(e.doc).join('\n'));
}

function wordsOf(e: Entry): string {
  return (e.words ??= ` ${[...termsOf(e.doc, foldedFields(e.doc))].join(' ')}`);
}

function add<K>(map: Map<K, PostingList>, key: K, ordinal: number): void {
  let list = map.get(key);
  if (!list) {
    list = new PostingList(2);
    map.set(key, list);
  }
  list.push(ordinal);
}

function lowerBound(sorted: string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

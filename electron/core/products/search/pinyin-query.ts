import { expand, KEY_SPACE, keyId, pinyinMatchesRun, segmentations, syllablesStartingWith } from './pinyin';
import { EMPTY, intersect, type PostingList, unionAll } from './postings';

export interface PinyinLists {
  /** Full syllable → products with a Han character read that way. */
  syllables: Map<string, PostingList>;
  /** (a, b) → products where two adjacent Han characters have readings a and b; each side is a
   *  full syllable or its first letter (m+s, mian+s, mian+shuang are all keys). Keyed by
   *  keyId(a) * KEY_SPACE + keyId(b). */
  pairs: Map<number, PostingList>;
  ordinalSpace: number;
  /** Han text by ordinal: the runs joined by NUL (which no reading matches, so runs stay apart). */
  han: string[];
}

/** Union of the pair lists for two adjacent query pieces (cuts of one query share many). */
function pairUnion(ix: PinyinLists, a: string, b: string, memo: Map<string, Int32Array>): Int32Array {
  const key = `${a}|${b}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const lists: Int32Array[] = [];
  for (const x of expand(a)) for (const y of expand(b)) {
    const l = ix.pairs.get(keyId(x) * KEY_SPACE + keyId(y));
    if (l) lists.push(l.view());
  }
  const out = unionAll(lists, ix.ordinalSpace);
  memo.set(key, out);
  return out;
}

/**
 * Products whose Han text matches a Latin query as pinyin. Each way of cutting the query into
 * syllable pieces gives candidates from the lists; one and two pieces are answered exactly by
 * the lists (the pair keys encode adjacency), three or more are intersected per adjacent pair
 * and then checked character by character.
 */
export function pinyinCandidates(ix: PinyinLists, q: string): Int32Array {
  const exact: Int32Array[] = [];
  const unsure: Int32Array[] = [];
  const memo = new Map<string, Int32Array>();
  for (const pieces of segmentations(q)) {
    if (pieces.length === 1) {
      const lists = syllablesStartingWith(pieces[0]!).map((s) => ix.syllables.get(s)?.view() ?? EMPTY);
      exact.push(unionAll(lists.filter((l) => l.length > 0), ix.ordinalSpace));
      continue;
    }
    const lists: Int32Array[] = [];
    for (let j = 0; j + 1 < pieces.length; j += 1) lists.push(pairUnion(ix, pieces[j]!, pieces[j + 1]!, memo));
    lists.sort((a, b) => a.length - b.length);
    let acc = lists[0]!;
    for (let i = 1; i < lists.length && acc.length > 0; i += 1) acc = intersect(acc, lists[i]!);
    (pieces.length === 2 ? exact : unsure).push(acc);
  }
  const checked = unionAll(unsure, ix.ordinalSpace).filter((o) => pinyinMatchesRun(q, ix.han[o]!));
  return unionAll([...exact, checked].filter((l) => l.length > 0), ix.ordinalSpace);
}

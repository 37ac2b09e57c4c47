// Posting lists: the ordinals of the documents holding a key, ascending. Ordinals only grow
// (an edited product gets a new one and the old one dies), so appending keeps a list sorted and
// no list is ever rewritten in place.

export class PostingList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }
  push(ordinal: number): void {
    // A document adds each key once, but several fields may carry it: skip the repeat.
    if (this.length > 0 && this.data[this.length - 1] === ordinal) return;
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = ordinal;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export const EMPTY = new Int32Array(0);

/** Intersection of two ascending lists; gallops through the longer one when sizes differ a lot. */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  if (a.length === 0) return EMPTY;
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  const gallop = b.length > a.length * 16;
  for (let i = 0; i < a.length && j < b.length; i += 1) {
    const x = a[i]!;
    if (gallop) {
      let step = 1;
      while (j + step < b.length && b[j + step]! < x) step *= 2;
      let lo = j;
      let hi = Math.min(j + step, b.length - 1);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (b[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    } else {
      while (j < b.length && b[j]! < x) j += 1;
    }
    if (j < b.length && b[j] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/**
 * Union of many ascending lists. A mark array the size of the ordinal space beats a k-way merge
 * when k is in the hundreds (every syllable prefix `m` covers hundreds of characters).
 */
export function unionAll(lists: Int32Array[], ordinalSpace: number): Int32Array {
  if (lists.length === 0) return EMPTY;
  if (lists.length === 1) return lists[0]!;
  let total = 0;
  for (const l of lists) total += l.length;
  if (lists.length === 2 || total < 64) return mergeSmall(lists);
  // Few postings in a large catalog: sorting them beats scanning a mark array of every ordinal.
  if (total * 16 < ordinalSpace) {
    const all = new Int32Array(total);
    let at = 0;
    for (const l of lists) {
      all.set(l, at);
      at += l.length;
    }
    all.sort();
    let n = 0;
    for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
    return all.subarray(0, n);
  }
  // Scan only the span the lists cover (they are sorted), not every ordinal of the catalog.
  let lo = ordinalSpace;
  let hi = 0;
  for (const l of lists) {
    if (l.length === 0) continue;
    lo = Math.min(lo, l[0]!);
    hi = Math.max(hi, l[l.length - 1]! + 1);
  }
  const mark = new Uint8Array(Math.max(0, hi - lo));
  let count = 0;
  for (const l of lists) {
    for (let i = 0; i < l.length; i += 1) {
      const o = l[i]! - lo;
      if (mark[o] === 0) {
        mark[o] = 1;
        count += 1;
      }
    }
  }
  const out = new Int32Array(count);
  let n = 0;
  for (let o = 0; o < mark.length && n < count; o += 1) if (mark[o] === 1) out[n++] = o + lo;
  return out;
}

function mergeSmall(lists: Int32Array[]): Int32Array {
  let acc = lists[0]!;
  for (let k = 1; k < lists.length; k += 1) {
    const b = lists[k]!;
    const out = new Int32Array(acc.length + b.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < acc.length || j < b.length) {
      const x = i < acc.length ? acc[i]! : Infinity;
      const y = j < b.length ? b[j]! : Infinity;
      const v = x < y ? x : y;
      if (x === v) i += 1;
      if (y === v) j += 1;
      out[n++] = v;
    }
    acc = out.subarray(0, n);
  }
  return acc;
}

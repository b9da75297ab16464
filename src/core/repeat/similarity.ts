// Word-set similarity and MinHash banding: near-duplicate candidates are found
// through a handful of bucket lookups, so the cost of a lookup does not grow
// with the number of stored messages.

import { hash32 } from './hash';

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const small = a.size <= b.size ? a : b;
  const big = small === a ? b : a;
  // forEach, not for-of: a set iterator allocates while the code is still cold.
  small.forEach((x) => {
    if (big.has(x)) inter++;
  });
  return inter / (a.size + b.size - inter);
}

/** Words in one set and not the other. */
export function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const x of a) if (!b.has(x)) out.push(x);
  for (const x of b) if (!a.has(x)) out.push(x);
  return out;
}

export const BANDS = 12;
export const ROWS = 2;
const PERMUTATIONS = BANDS * ROWS;
// Fixed odd multipliers and offsets: a universal-hash family over 32-bit words.
const MUL: number[] = [];
const ADD: number[] = [];
for (let i = 0; i < PERMUTATIONS; i++) {
  MUL.push((hash32(`m${i}`) | 1) >>> 0);
  ADD.push(hash32(`a${i}`));
}

// The mixed values are compared as signed 32-bit integers (the order the keys were built with).
const mins = new Int32Array(PERMUTATIONS);

/**
 * One bucket id per band; two sets share a bucket with probability ~ 1-(1-J^ROWS)^BANDS.
 * An id is a 30-bit hash of the band number and its minima: a small integer, so no string is built
 * for it and a bucket lookup hashes nothing. Different minima share an id about once in 2^30, which
 * only brings a lookup one more bucket of candidates, each checked like the others.
 */
export function minhashBands(words: ReadonlySet<string> | readonly string[]): number[] {
  const list = Array.isArray(words) ? (words as readonly string[]) : [...words];
  if (list.length === 0) return [];
  mins.fill(0x7fffffff);
  // A word seen twice changes no minimum: a list with repeats gives the bands of its set.
  for (let k = 0; k < list.length; k++) {
    const h = hash32(list[k] as string);
    for (let i = 0; i < PERMUTATIONS; i++) {
      let v = (Math.imul(h, MUL[i] as number) + (ADD[i] as number)) >>> 0;
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      v ^= v >>> 12; // signed from here on
      if (v < (mins[i] as number)) mins[i] = v;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    // ROWS is 2: the band number and both minima, mixed (murmur3's 32-bit steps).
    let h = Math.imul(b + 1, 0x9e3779b1);
    h = Math.imul(h ^ (mins[b * ROWS] as number), 0xcc9e2d51);
    h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
    h = Math.imul(h ^ (mins[b * ROWS + 1] as number), 0xcc9e2d51);
    h = Math.imul((h << 13) | (h >>> 19), 0x1b873593);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    bands.push(h & 0x3fffffff);
  }
  return bands;
}

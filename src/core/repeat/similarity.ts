// Word-set similarity and MinHash banding: near-duplicate candidates are found
// through a handful of bucket lookups, so the cost of a lookup does not grow
// with the number of stored messages.

import { hash32 } from './hash';

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
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

/** One bucket id per band; two sets share a bucket with probability ~ 1-(1-J^ROWS)^BANDS. */
export function minhashBands(words: ReadonlySet<string>): string[] {
  if (words.size === 0) return [];
  const mins = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  for (const w of words) {
    const h = hash32(w);
    for (let i = 0; i < PERMUTATIONS; i++) {
      let v = (Math.imul(h, MUL[i] ?? 1) + (ADD[i] ?? 0)) >>> 0;
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      v ^= v >>> 12;
      if (v < (mins[i] ?? 0)) mins[i] = v;
    }
  }
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let key = `${b}`;
    for (let r = 0; r < ROWS; r++) key += `.${(mins[b * ROWS + r] ?? 0).toString(36)}`;
    bands.push(key);
  }
  return bands;
}

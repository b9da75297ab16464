import { describe, expect, it } from 'vitest';
import { hash64, hash64Concat, hash64Joined } from './hash';
import { digitSignature } from './analyse';
import { minhashBands } from './similarity';

/** hash64 as first written: two FNV-1a passes, each mixed and written in base 36 on 7 characters. */
function reference(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  const mix = (h: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  return mix(a).toString(36).padStart(7, '0') + mix(b).toString(36).padStart(7, '0');
}

const SAMPLES = ['', 'a', 'slaapplaats voor 2 in genk', 'hébergement à saint denis', '漢字 😀 \ud83d', 'x'.repeat(500)];

describe('hash64', () => {
  it('writes the same keys as the joined-string form', () => {
    for (const s of SAMPLES) expect(hash64(s)).toBe(reference(s));
    const words = ['bed', 'voor', '2', 'in', 'genk', 'bel', '0470', 'nu'];
    expect(hash64Joined(words, 6, ' ')).toBe(reference(words.slice(0, 6).join(' ')));
    expect(hash64Joined(words, words.length, ' ', '\u0001', 'p|h|genk')).toBe(reference(`${words.join(' ')}\u0001p|h|genk`));
    expect(hash64Joined([], 0, ' ', '\u0001', '')).toBe(reference('\u0001'));
    expect(hash64Concat('jan', '\u0002', 'abc')).toBe(reference('jan\u0002abc'));
  });
});

describe('word lists read as sets', () => {
  it('give the digit signature and MinHash bands of their set, repeats or not', () => {
    const words = ['bel', '0470', 'b12', 'voor', '2', 'b12', 'bel', '2', 'genk', 'x9'];
    const set = new Set(words);
    expect(digitSignature(words)).toBe(digitSignature(set));
    expect(digitSignature(words)).toBe('0470 2 b12 x9');
    expect(digitSignature(['geen', 'cijfer'])).toBe('');
    expect(digitSignature(['b12', 'b12'])).toBe('b12');
    expect(minhashBands(words)).toEqual(minhashBands(set));
    expect(minhashBands([])).toEqual([]);
  });

  it('give small-integer band ids, one per band, that differ between bands and between unrelated sets', () => {
    const a = minhashBands(['spare', 'room', 'hasselt', 'tonight', 'two', 'beds']);
    const b = minhashBands(['shuttle', 'bus', 'leaves', 'station', 'at', 'nine']);
    expect(a).toHaveLength(12);
    for (const id of [...a, ...b]) expect(Number.isInteger(id) && id >= 0 && id < 2 ** 30).toBe(true);
    // The band number is part of the id: equal minima in two bands still make two buckets.
    expect(new Set(a).size).toBe(12);
    expect(a.filter((id, i) => id === b[i])).toEqual([]);
    // One word more or less keeps most bands of a long text.
    const c = minhashBands(['spare', 'room', 'hasselt', 'tonight', 'two', 'beds', 'free']);
    expect(a.filter((id, i) => id === c[i]).length).toBeGreaterThanOrEqual(6);
  });
});

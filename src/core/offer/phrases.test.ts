import { describe, expect, it } from 'vitest';
import { compilePhrases, wordListBit, wordMasks, wordMasksAny, type PhraseSet } from './phrases';

const ENTRIES: [string, string][] = [
  ['plaats voor', 'before'],
  ['plaats', 'place'],
  ['room for', 'before'],
  ['schlaf*', 'sleep'],
  ['*straat', 'street'],
  ['bed', 'bed'],
];

const plain = (set: PhraseSet<string>, words: string[]) => set.find(words).map((m) => `${m.start}:${m.length}:${m.value}:${m.phrase}`);

describe('word list bits', () => {
  it('mark in the word masks exactly the words of the list', () => {
    const months = new Map([
      ['mei', 5],
      ['juni', 6],
    ]);
    const bit = wordListBit(months);
    expect(bit).not.toBe(0);
    expect(wordListBit(months)).toBe(bit);
    const words = Object.freeze(['op', '5', 'mei', 'of', 'juni', 'meie']) as string[];
    expect(wordMasks(words).map((m) => (m & bit) !== 0)).toEqual([false, false, true, false, true, false]);
    expect(wordMasksAny(words) & bit).toBe(bit);
    expect(wordMasksAny(['op', '5', 'maart']) & bit).toBe(0);
  });
});

describe('phrase sets', () => {
  it('find the same matches whether or not the set shares the word masks', () => {
    // The first sets built get a mask bit; past thirty, sets look every word up themselves.
    const sets = Array.from({ length: 40 }, () => compilePhrases(ENTRIES));
    const words = ['plaats', 'voor', '2', 'in', 'de', 'kerkstraat', 'schlafplatz', 'room', 'for', 'bed', 'plaats'];
    const first = plain(sets[0] as PhraseSet<string>, words);
    expect(first).toEqual([
      '0:2:before:plaats voor',
      '0:1:place:plaats',
      '5:1:street:*straat',
      '6:1:sleep:schlaf*',
      '7:2:before:room for',
      '9:1:bed:bed',
      '10:1:place:plaats',
    ]);
    for (const set of sets) expect(plain(set, words)).toEqual(first);
  });

  it('read a words list again correctly after it changed in place', () => {
    const set = compilePhrases(ENTRIES);
    const words = ['een', 'bed', 'vrij'];
    expect(plain(set, words)).toEqual(['1:1:bed:bed']);
    words[1] = 'plaats';
    expect(plain(set, words)).toEqual(['1:1:place:plaats']);
    words.push('bed');
    expect(plain(set, words)).toEqual(['1:1:place:plaats', '3:1:bed:bed']);
    expect(plain(set, Object.freeze(['bed']) as string[])).toEqual(['0:1:bed:bed']);
    expect(set.find(['niets'])).toEqual([]);
  });
});

describe('word list bits, past the last one', () => {
  it('give no bit once none is left, so that callers look every word up', () => {
    const lists = Array.from({ length: 40 }, (_, i) => new Set([`w${i}`]));
    const bits = lists.map((l) => wordListBit(l));
    expect(bits.filter((b) => b !== 0).length).toBeLessThanOrEqual(30);
    expect(bits[39]).toBe(0);
  });
});

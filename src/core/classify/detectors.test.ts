import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize';
import { findEmails, findPhones, isClockPair, isClockWord, isPostcode, isRoadRef } from './detectors';

const phones = (text: string): string[] => findPhones(text).map((s) => text.slice(s.start, s.end));

describe('findPhones', () => {
  it('finds Belgian, Dutch, German, French and North American numbers', () => {
    expect(phones('bel 0470 12 34 56 of 011/23.45.67')).toEqual(['0470 12 34 56', '011/23.45.67']);
    expect(phones('+32 470 12 34 56')).toEqual(['+32 470 12 34 56']);
    expect(phones('Tel. 0171 2345678')).toEqual(['0171 2345678']);
    expect(phones('appelez le 06 12 34 56 78')).toEqual(['06 12 34 56 78']);
    expect(phones('call 617-635-4500 or (617) 635-4500')).toEqual(['617-635-4500', '(617) 635-4500']);
  });

  it('leaves dates, years, amounts and short numbers alone', () => {
    expect(phones('14.07.2021 en 2021-07-14')).toEqual([]);
    expect(phones('1.000.000 euro, 245 doden, 112')).toEqual([]);
    expect(phones('tweet 211040709124440064')).toEqual([]);
  });

  it('stays linear on long runs of digits', () => {
    expect(() => phones('0.'.repeat(50_000))).not.toThrow();
  });
});

describe('findEmails', () => {
  it('finds addresses', () => {
    const text = 'mail aide.angleur@example.org of hulp@rode-kruis.be.';
    expect(findEmails(text).map((s) => text.slice(s.start, s.end))).toEqual(['aide.angleur@example.org', 'hulp@rode-kruis.be']);
  });

  it('does not take mentions or bare "@" for addresses', () => {
    expect(findEmails('@politie en a@b en x@y.z')).toEqual([]);
  });
});

describe('times, postcodes and roads', () => {
  it('reads clock times in one word or two', () => {
    for (const w of ['14u', '20h', '20h30', '9am', '10pm', '18uur', '20uhr']) expect(isClockWord(w), w).toBe(true);
    for (const w of ['4x4', 'e40', '100h', 'hu']) expect(isClockWord(w), w).toBe(false);
    const text = 'om 14:30 of 9.15, niet 14.07.2021';
    const t = tokenize(text);
    expect(isClockPair(text, t[1]!, t[2]!)).toBe(true);
    expect(isClockPair(text, t[4]!, t[5]!)).toBe(true);
    expect(isClockPair(text, t[7]!, t[8]!)).toBe(false);
  });

  it('recognises postcodes before a place name, not years or round numbers', () => {
    const check = (text: string): boolean => {
      const t = tokenize(text);
      return isPostcode(text, t[0]!, t[1]);
    };
    expect(check('3500 Hasselt')).toBe(true);
    expect(check('75011 Paris')).toBe(true);
    expect(check('2021 Hasselt')).toBe(false);
    expect(check('10000 Helfer')).toBe(false);
    expect(check('3500 mensen')).toBe(false);
  });

  it('recognises road numbers', () => {
    expect(isRoadRef('e40')).toBe(true);
    expect(isRoadRef('a12')).toBe(true);
    expect(isRoadRef('e')).toBe(false);
    expect(isRoadRef('ex40')).toBe(false);
  });
});

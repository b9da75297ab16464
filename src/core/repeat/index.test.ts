import { describe, expect, it } from 'vitest';
import { HARD_CASES } from './hard-cases';
import { createRepeatIndex } from './index';

describe('repeat index on the hard cases', () => {
  for (const c of HARD_CASES) {
    it(`${c.same ? 'merges' : 'keeps apart'}: ${c.lang} ${c.name}`, () => {
      const index = createRepeatIndex();
      const a = index.see(c.a);
      const b = index.see(c.b);
      if (c.same) {
        expect(b.key).toBe(a.key);
        expect(b.duplicateOf).toBe(c.a.id);
      } else {
        expect(b.key).not.toBe(a.key);
        expect(b.duplicateOf).toBeNull();
      }
    });
  }

  it('keeps every same-template variant apart when all are in one index', () => {
    const index = createRepeatIndex();
    const keys = HARD_CASES.filter((c) => !c.same).flatMap((c) => [index.see(c.a).key, index.see(c.b).key]);
    const negatives = HARD_CASES.filter((c) => !c.same);
    // Each negative pair still has two keys, whatever else was seen before.
    negatives.forEach((_, i) => expect(keys[2 * i]).not.toBe(keys[2 * i + 1]));
  });
});

describe('repeat index behaviour', () => {
  it('gives exact copies the same key whatever their order, and across indexes', () => {
    const text = 'Slaapplaats voor 2 in Genk, DM @jan';
    const k1 = createRepeatIndex().see({ id: '1', text, author: 'jan' }).key;
    const k2 = createRepeatIndex().see({ id: '9', text: `RT @jan: ${text} #hasselthelpt`, author: 'piet' }).key;
    expect(k2).toBe(k1);
  });

  it('treats one status id as one message, whatever its text', () => {
    const index = createRepeatIndex();
    const a = index.see({ id: '1429384756102938475', text: 'Bed free in Genk, DM me', author: 'sarah' });
    const b = index.see({ id: '1429384756102938475', text: 'Bed vrij in Genk, stuur een DM', author: 'sarah', retweetedBy: 'mike' });
    expect(b.match).toBe('status');
    expect(b.key).toBe(a.key);
  });

  it('does not let an unknown author block a merge, but two known authors do', () => {
    const index = createRepeatIndex();
    const a = index.see({ id: 'a', text: 'Bed free in Genk tonight, DM me' });
    const b = index.see({ id: 'b', text: 'Bed free in Genk tonight, DM me', author: 'sarah' });
    expect(b.duplicateOf).toBe('a');
    const c = createRepeatIndex();
    c.see({ id: 'x', text: 'Bed free in Genk tonight, DM me', author: 'sarah' });
    expect(c.see({ id: 'y', text: 'Bed free in Genk tonight, DM me', author: 'mike' }).duplicateOf).toBeNull();
    void a;
  });

  it('keeps the earliest post time of all repeats', () => {
    const index = createRepeatIndex();
    const a = index.see({ id: 'a', text: 'RT @jan: Bed in Genk voor 2, DM', createdAt: '2011-08-19T12:00:00Z' });
    index.see({ id: 'b', text: 'Bed in Genk voor 2, DM', author: 'jan', createdAt: '2011-08-18T22:00:00Z' });
    expect(index.get(a.key)?.firstPostedAt).toBe(Date.parse('2011-08-18T22:00:00Z'));
  });

  it('leaves a cut copy apart when it could belong to two different texts', () => {
    const index = createRepeatIndex();
    index.see({ id: 'a', text: 'Spare room for 2 people in Leuven tonight, DM me' });
    index.see({ id: 'b', text: 'Spare room for 2 people in Leuven tonight, call 0470 99 88 77' });
    const cut = index.see({ id: 'c', text: 'RT @x: Spare room for 2 people in Leuven tonight, …' });
    expect(cut.duplicateOf).toBeNull();
  });

  it('finds a rewording of the full text once a cut-short first copy was completed, numbers and all', () => {
    const index = createRepeatIndex();
    const full = 'Room for 2 people in Hasselt tonight with shower and warm food, ask for Jan at house number 17 please';
    // X cut the first copy inside its last number: the index first knows it without the 17.
    const cut = index.see({ id: 'c1', text: `${full.slice(0, full.length - 9)}…`, author: 'jan' });
    const whole = index.see({ id: 'c2', text: full, author: 'jan' });
    expect(whole.key).toBe(cut.key);
    // A rewording keeps every number, the 17 included: it can only match the completed entry.
    const reworded = index.see({ id: 'c3', text: 'Room for 2 people in Hasselt tonight with a shower and hot food, ask for Jan at house number 17', author: 'jan' });
    expect(reworded.match).toBe('near');
    expect(reworded.key).toBe(cut.key);
  });

  it('peeks without recording', () => {
    const index = createRepeatIndex();
    const p = index.peek({ id: 'a', text: 'Bed in Genk voor 2, DM' });
    expect(index.size).toBe(0);
    expect(index.see({ id: 'a', text: 'Bed in Genk voor 2, DM' }).key).toBe(p.key);
  });

  it('restores stored keys so that repeats after a restart find them', () => {
    const index = createRepeatIndex();
    expect(index.restore([{ key: 'kstored', text: 'Nog een slaapplaats vrij voor 2 personen in Hasselt, bel 0470 12 34 56', author: 'lies_v' }])).toBe(1);
    const r = index.see({ id: 'n', text: 'Ik heb nog een slaapplaats voor 2 personen in Hasselt. Bel 0470 12 34 56', author: 'lies_v' });
    expect(r.key).toBe('kstored');
  });

  it('forgets the oldest entries beyond maxEntries', () => {
    const index = createRepeatIndex({ maxEntries: 3 });
    for (let i = 0; i < 5; i++) index.see({ id: `m${i}`, text: `Bericht nummer ${i} over iets heel anders ${'x'.repeat(i + 1)}` });
    expect(index.size).toBe(3);
    expect(index.see({ id: 'again', text: 'Bericht nummer 0 over iets heel anders x' }).duplicateOf).toBeNull();
    expect(index.see({ id: 'again2', text: 'Bericht nummer 4 over iets heel anders xxxxx' }).duplicateOf).toBe('m4');
  });

  it('answers lookups in about the same time with 1,000 or 8,000 entries', () => {
    const fill = (n: number) => {
      const index = createRepeatIndex();
      for (let i = 0; i < n; i++) index.see({ id: `f${i}`, text: `Slaapplaats voor ${i % 9} personen in straat ${i} nummer ${i * 7}, bel 04${String(i).padStart(8, '0')}` });
      return index;
    };
    const time = (index: ReturnType<typeof fill>) => {
      const t0 = performance.now();
      for (let i = 0; i < 500; i++) index.peek({ id: `q${i}`, text: `Slaapplaats voor ${i % 9} personen in straat ${i} nummer ${i * 7}, bel 04${String(i).padStart(8, '0')}` });
      return performance.now() - t0;
    };
    const small = time(fill(1000));
    const large = time(fill(8000));
    expect(large).toBeLessThan(small * 4 + 50);
  }, 60_000);
});

describe('repeat index robustness', () => {
  it('never throws on odd input', () => {
    const index = createRepeatIndex({ maxEntries: 50 });
    const pieces = ['RT @', '@', '#', '…', '...', 'http://', '0470', ' ', '\n', '🙏', '\u200b', 'ß', 'İ', 'שלום', '(', ')', ':', '24/7', '20u', 'volzet', 'in', 'Genk', '3500'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: Math.floor(rand() * 30) }, () => pieces[Math.floor(rand() * pieces.length)]).join(rand() < 0.5 ? '' : ' ');
      expect(() => index.see({ id: String(i), text, author: rand() < 0.3 ? null : 'a', createdAt: rand() < 0.5 ? 'not a date' : null })).not.toThrow();
    }
    const odd = { id: 5 as unknown as string, text: undefined as unknown as string, author: 42 as unknown as string };
    expect(() => index.see(odd)).not.toThrow();
  });
});

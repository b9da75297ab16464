import { describe, expect, it } from 'vitest';
import de from '../../../data/offer/de.json';
import en from '../../../data/offer/en.json';
import fr from '../../../data/offer/fr.json';
import nl from '../../../data/offer/nl.json';
import places from '../../../data/offer/places.json';
import { buildLexicon, LEXICON, LEXICON_PROBLEMS } from './lexicon';

describe('offer lexicon data', () => {
  it('loads every data file without a problem', () => {
    expect(LEXICON_PROBLEMS).toEqual([]);
    expect(LEXICON.kinds.size).toBeGreaterThan(200);
    expect(LEXICON.towns.size).toBeGreaterThan(400);
  });

  it('has the same sections in every language', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(fr)).toEqual(keys(nl));
    expect(keys(de)).toEqual(keys(nl));
    expect(keys(en)).toEqual(keys(nl));
  });

  it('reports a malformed entry with the file and field, and keeps the rest', () => {
    const broken = { ...nl, kinds: { ...nl.kinds, shelter: ['bed', 42], spaceship: ['raket'] }, months: { mei: 'five' } };
    const { lexicon, problems } = buildLexicon({ nl: broken, fr, de, en }, places);
    expect(problems).toContain('data/offer/nl.json: "kinds.shelter" holds a non-text or empty entry: 42');
    expect(problems.some((p) => p.includes('unknown kind "spaceship"'))).toBe(true);
    expect(problems).toContain('data/offer/nl.json: "months.mei" should be a number');
    expect(lexicon.kinds.hasWord('bed')).toBe(true);
    expect(LEXICON_PROBLEMS).toEqual([]);
  });
});

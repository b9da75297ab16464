import { describe, expect, it } from 'vitest';
import cueData from '../../../data/cues.json';
import { splitHashtag, tokenize } from '../text/tokenize';
import { cueInfo } from './cues';
import { ALL_LANGS_MASK, compileLexicons, langBit, matchHashtag, matchUnits, type LexiconFile, type Unit } from './lexicon';
import { LEXICON_FILES, lexicon } from './lexicon-data';

function units(text: string): Unit[] {
  const out: Unit[] = [];
  tokenize(text).forEach((t, i) => {
    if (t.kind === 'hashtag') for (const p of splitHashtag(text.slice(t.start + 1, t.end))) out.push({ norm: p, inTag: true, token: i });
    else if (t.kind !== 'url' && t.kind !== 'mention') out.push({ norm: t.norm, inTag: false, token: i });
  });
  return out;
}

function concepts(lex: ReturnType<typeof compileLexicons>, text: string, mask = ALL_LANGS_MASK): string[] {
  const out: number[] = [];
  matchUnits(lex, units(text), mask, out);
  const names: string[] = [];
  for (let i = 0; i < out.length; i += 3) names.push(lex.concepts[out[i] as number] as string);
  return names.sort();
}

const sample: LexiconFile = {
  lang: 'nl',
  stopwords: ['de', 'het'],
  concepts: {
    'offer-shelter': ['slaapplaats*', '*slaapplaats', 'bij ons slapen'],
    'sympathy-strength': ['sterkte', '#sterkte*'],
    'request-help': ["l'aide"],
  },
};

describe('compileLexicons', () => {
  const lex = compileLexicons([sample]);

  it('matches exact words, prefixes, suffixes and phrases, ignoring case and accents', () => {
    expect(concepts(lex, 'STERKTE')).toEqual(['sympathy-strength']);
    expect(concepts(lex, 'slaapplaatsen vrij')).toEqual(['offer-shelter']);
    expect(concepts(lex, 'een noodslaapplaats')).toEqual(['offer-shelter']);
    expect(concepts(lex, 'je mag bij ons slapen')).toEqual(['offer-shelter']);
    expect(concepts(lex, 'bij ons eten')).toEqual([]);
    expect(concepts(lex, "appel à L'AIDE")).toEqual(['request-help']);
  });

  it('keeps "#" patterns for hashtags', () => {
    const out: number[] = [];
    matchHashtag(lex, 'sterktelimburg', ALL_LANGS_MASK, out);
    expect(out.map((c) => lex.concepts[c])).toEqual(['sympathy-strength']);
  });

  it('applies an entry only to its own language', () => {
    expect(concepts(lex, 'sterkte', langBit('en'))).toEqual([]);
    expect(concepts(lex, 'sterkte', langBit('nl'))).toEqual(['sympathy-strength']);
  });

  it('reports entries it cannot use instead of failing', () => {
    const bad = compileLexicons([{ lang: 'xx', concepts: {} }, { lang: 'en', concepts: { 'sympathy-hope': ['*', 'ab*', '*x*', '#a*'] } }]);
    expect(bad.problems.length).toBe(5);
  });
});

describe('shipped lexicons', () => {
  it('compile without problems', () => {
    expect(lexicon.problems).toEqual([]);
  });

  it('use only concepts that have a cue description or are declared internal', () => {
    const internal = new Set((cueData as { internal: string[] }).internal);
    const unknown = lexicon.concepts.filter((c) => !cueInfo(c) && !internal.has(c));
    expect(unknown).toEqual([]);
  });

  it('cover nl, fr, de and en with every main concept', () => {
    const main = ['sympathy-prayer', 'sympathy-thoughts', 'sympathy-strength', 'sympathy-condolence', 'offer-shelter', 'offer-transport', 'offer-food', 'request-need', 'request-help', 'info-warning', 'info-closure', 'info-missing', 'contact-dm'];
    for (const lang of ['nl', 'fr', 'de', 'en']) {
      const file = LEXICON_FILES.find((f) => f.lang === lang);
      expect(file, lang).toBeDefined();
      for (const c of main) expect(file?.concepts[c]?.length ?? 0, `${lang} ${c}`).toBeGreaterThan(0);
    }
  });

  it('find the same concept across languages', () => {
    expect(concepts(lexicon, 'sterkte aan iedereen', langBit('nl'))).toContain('sympathy-strength');
    expect(concepts(lexicon, 'courage aux sinistrés', langBit('fr'))).toContain('sympathy-strength');
    expect(concepts(lexicon, 'viel Kraft euch allen', langBit('de'))).toContain('sympathy-strength');
    expect(concepts(lexicon, 'stay strong everyone', langBit('en'))).toContain('sympathy-strength');
    expect(concepts(lexicon, 'nog 4 Schlafplätze frei', langBit('de'))).toContain('offer-shelter');
    expect(concepts(lexicon, 'on peut héberger deux personnes', langBit('fr'))).toContain('offer-shelter');
  });
});

import { describe, expect, it } from 'vitest';
import type { Message } from '../types';
import { analyse } from './features';
import { compileLexicons } from './lexicon';

const a = (text: string, extra: Partial<Message> = {}) => analyse({ id: 't', text, ...extra });
const cue = (text: string, kind: string, extra: Partial<Message> = {}): string[] => {
  const r = a(text, extra);
  return r.hits.filter((h) => h.kind === kind && !h.inTag).map((h) => r.text.slice(h.start, h.end));
};

describe('language choice', () => {
  it('trusts a supported language tag and otherwise reads stopwords', () => {
    expect(a('Sterkte aan iedereen', { lang: 'nl' }).lang).toBe('nl');
    expect(a('Nous pensons à toutes les familles de Liège').lang).toBe('fr');
    expect(a('Wir sind in Gedanken bei den Familien').lang).toBe('de');
  });

  it('uses word weights only for English or unknown languages', () => {
    expect(a('Thoughts with everyone', { lang: 'en' }).wordModel).toBe(true);
    expect(a('Gedachten bij iedereen', { lang: 'nl' }).wordModel).toBe(false);
    expect(a('Gedachten bij iedereen', { lang: 'nl' }).words).toEqual([]);
  });

  it('marks languages without a lexicon, but not "undetermined" tags', () => {
    expect(a('Força a todos de Santa Maria', { lang: 'pt' }).unsupported).toBe(true);
    expect(a('Ingat po kayo lahat', { lang: 'tl' }).unsupported).toBe(true);
    expect(a('🙏🙏', { lang: 'und' }).unsupported).toBe(false);
    expect(a('#PrayForBohol', { lang: 'qht' }).unsupported).toBe(false);
    expect(a('Sterkte', { lang: 'nl' }).unsupported).toBe(false);
  });
});

describe('structural cues', () => {
  it('sees a capacity: a small number next to places or beds, or next to people in an offer', () => {
    expect(cue('nog 3 slaapplaatsen vrij', 'capacity', { lang: 'nl' })).toEqual(['3 slaapplaatsen']);
    expect(cue('on peut loger deux personnes', 'capacity', { lang: 'fr' })).toEqual(['deux personnes']);
    expect(cue('4 Schlafplätze frei', 'capacity', { lang: 'de' })).toEqual(['4 Schlafplätze']);
    expect(cue('8 people died in the crash', 'capacity', { lang: 'en' })).toEqual([]);
  });

  it('sees an address: a street word with a house number', () => {
    expect(cue('opvang in de Kerkstraat 12', 'address', { lang: 'nl' })).toEqual(['Kerkstraat 12']);
    expect(cue('accueil au 12 rue Blanche', 'address', { lang: 'fr' })).toEqual(['12 rue']);
    expect(cue('trapped at 12 Elm Street', 'address', { lang: 'en' })).toEqual(['12 Elm Street']);
  });

  it('sees a count of victims, but not a time or a duration', () => {
    expect(cue('Bilan : 84 morts et 200 blessés', 'casualty-count', { lang: 'fr' }).length).toBeGreaterThan(0);
    expect(cue('Minuut stilte om 12 uur voor de slachtoffers', 'casualty-count', { lang: 'nl' })).toEqual([]);
    expect(cue('Eschede, 25 Jahre danach, wir gedenken der Opfer', 'casualty-count', { lang: 'de' })).toEqual([]);
  });

  it('sees a place with a clock time', () => {
    expect(a('Sporthal Alverberg open vanaf 22u', { lang: 'nl' }).hits.some((h) => h.kind === 'place-and-time')).toBe(true);
    expect(a('Halbmast heute vor dem Rathaus', { lang: 'de' }).hits.some((h) => h.kind === 'place-and-time')).toBe(false);
  });

  it('tells a link to information from a bare link', () => {
    expect(a('RIP 🕯️ https://t.co/abc').hits.some((h) => h.kind === 'link')).toBe(true);
    expect(a('More info and updates: https://t.co/abc').hits.some((h) => h.kind === 'link-info')).toBe(true);
  });

  it('reports an official author with the handle as evidence', () => {
    const hit = a('Our thoughts are with the victims', { author: 'PolitieLimburg' }).hits.find((h) => h.kind === 'official-account');
    expect(hit?.evidence).toBe('@PolitieLimburg');
  });
});

describe('hashtags and reposts', () => {
  it('keeps concepts found in hashtags apart from those in the text', () => {
    const r = a('#PrayForBoston', { lang: 'en' });
    expect(r.features).toContain('#sympathy-prayer');
    expect(r.features).not.toContain('sympathy-prayer');
  });

  it('ignores the "RT @user:" prefix', () => {
    const withRt = a('RT @help_desk: Thoughts with everyone', { lang: 'en' });
    const without = a('Thoughts with everyone', { lang: 'en' });
    expect(withRt.features.sort()).toEqual(without.features.sort());
  });

  it('counts a concept spelt like a shape feature once', () => {
    const lex = compileLexicons([{ lang: 'en', concepts: { 'f:number': ['zork'], 'sympathy-test': ['blorp'] } }]);
    const r = analyse({ id: 't', text: 'zork 12 blorp blorp', lang: 'en' }, lex);
    expect(r.features.filter((f) => f === 'f:number')).toHaveLength(1);
    expect(r.features.filter((f) => f === 'sympathy-test')).toHaveLength(1);
    expect(r.features).toContain('g:sympathy:2');
  });

  it('reads hashtags the page reports but the text lacks', () => {
    expect(a('Sterkte', { hashtags: ['PrayForLimburg'] }).features).toContain('#sympathy-prayer');
  });
});

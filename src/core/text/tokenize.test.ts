import { describe, expect, it } from 'vitest';
import { foldText } from './fold';
import { splitHashtag, tokenize } from './tokenize';

const kinds = (text: string): string[] => tokenize(text).map((t) => `${t.kind}:${t.norm}`);

describe('tokenize', () => {
  it('cuts words, numbers, hashtags, mentions, URLs and emoji', () => {
    expect(kinds('RT @Politie_BE: Sterkte! ❤️ #PrayForBoston 112 https://t.co/AbC')).toEqual([
      'word:rt',
      'mention:politie_be',
      'word:sterkte',
      'emoji:❤',
      'hashtag:prayforboston',
      'number:112',
      'url:https://t.co/abc',
    ]);
  });

  it('tells numbers from words with digits, and drops underscores from hashtags', () => {
    expect(kinds('A12 12 0012 12a #Hassel_Helpt #flood_2021 HTTP://X.BE/Y www.Site.be')).toEqual([
      'word:a12',
      'number:12',
      'number:0012',
      'word:12a',
      'hashtag:hasselhelpt',
      'hashtag:flood2021',
      'url:http://x.be/y',
      'url:www.site.be',
    ]);
  });

  it('lowercases and removes accents, so lexicons match any spelling', () => {
    expect(kinds('SCHLAFPLÄTZE Évacuez Straße')).toEqual(['word:schlafplatze', 'word:evacuez', 'word:strasse']);
  });

  it('splits on apostrophes and hyphens', () => {
    expect(kinds("l'aide aujourd’hui e-mail")).toEqual(['word:l', 'word:aide', 'word:aujourd', 'word:hui', 'word:e', 'word:mail']);
  });

  it('ignores zero-width characters, soft hyphens and bidi controls inside words', () => {
    expect(kinds('ster\u200bkte ge\u00adbed ab\u202ecd')).toEqual(['word:sterkte', 'word:gebed', 'word:abcd']);
  });

  it('reads styled letters as plain letters', () => {
    expect(kinds('𝐡𝐞𝐥𝐩 ｈｅｌｐ')).toEqual(['word:help', 'word:help']);
  });

  it('does not take an e-mail address or a glued "#" for a mention or hashtag', () => {
    expect(kinds('info@example.org abc#def')).toEqual(['word:info', 'word:example', 'word:org', 'word:abc', 'word:def']);
  });

  it('keeps offsets pointing into the original text', () => {
    const text = 'Bel  0470 #Hulp';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end).toLowerCase()).toContain(t.norm.slice(0, 2));
  });

  it('survives lone surrogates and any other input without throwing', () => {
    expect(() => tokenize('\ud800\udc00\udfff\ud83d')).not.toThrow();
    expect(tokenize('\ud800abc')).toEqual([{ kind: 'word', norm: 'abc', start: 1, end: 4 }]);
    expect(tokenize(undefined as unknown as string)).toEqual([]);
  });
});

describe('splitHashtag', () => {
  it('splits camel case and digits', () => {
    expect(splitHashtag('PrayForBoston')).toEqual(['pray', 'for', 'boston']);
    expect(splitHashtag('Pray4Boston')).toEqual(['pray', '4', 'boston']);
    expect(splitHashtag('PorteOuverte')).toEqual(['porte', 'ouverte']);
    expect(splitHashtag('jesuis_charlie')).toEqual(['jesuis', 'charlie']);
  });

  it('keeps a lowercase hashtag whole', () => {
    expect(splitHashtag('hasselthelpt')).toEqual(['hasselthelpt']);
  });
});

describe('foldText', () => {
  it('folds case, accents and ligatures', () => {
    expect(foldText('Œuvre ÉLAN Groß')).toBe('oeuvre elan gross');
  });
});

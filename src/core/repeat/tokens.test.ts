import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens';

// The pattern the tokenizer was written with, lookbehinds first: the one in
// tokens.ts reads the "@" or "#" before its lookbehind and must give the same tokens.
const REFERENCE =
  /(https?:\/\/\S+|www\.[^\s]+|pic\.twitter\.com\/\S+|\b[a-z0-9-]+\.(?:com|be|nl|fr|de|org|net|eu|ly|co)\/\S*)|(?<![\p{L}\p{N}_])@([A-Za-z0-9_]{1,30})|(?<![\p{L}\p{N}_&])#([\p{L}\p{N}_]+)|(\p{N}+)|([\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*)/gu;
const TYPES = ['url', 'mention', 'hashtag', 'number', 'word'];

function reference(text: string): string[] {
  const out: string[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const g = [1, 2, 3, 4, 5].find((i) => m?.[i] !== undefined) ?? 5;
    out.push(`${TYPES[g - 1]}:${m.index}:${m.index + m[0].length}:${m[g]}`);
  }
  return out;
}

const actual = (text: string) => tokenize(text).map((t) => `${t.type}:${t.start}:${t.end}:${t.raw}`);

describe('tokenize', () => {
  it('gives the tokens of the reference pattern on crafted texts', () => {
    const texts = [
      'Slaapplaats voor 2 in Genk, bel 0470 12 34 56 #hasselthelpt @radio2',
      'mail@jan.be a@b @c d#e #f &#g x_@y _#z é@a 1#b',
      `@${'a'.repeat(40)} # @ #_ @_x`,
      'see www.hulp.be and hulp.be/bed, Hulp.com/x éabc.com/z -foo.be/q pic.twitter.com/u http://t.co/abc',
      'école (e + combining accent: e\u0301cole) \u0301x, l’eau l\'eau rock-n-roll -x x- don\'t’',
      '😀#tag 😀@me 𝐀𝐁c 𝟏𝟐3 𝐀@x 𝟏#y',
      '١٢٣ ½ ² Ⅻ x² ① ',
      '漢字かな 한국어 مرحبا بالعالم #مساعدة @user',
      'lone \ud83d @x \ud83d#y \udc00z',
      'Straße Hauptstraße 5, 8pm–9pm 20u30 12.30 24/7',
      // Texts without a link are placed match by match: a mention or hashtag written again after a failed lookbehind.
      'a@___ @___ b#_1 #_1 é#tag #tag &#x #x 𝐀@x @x x@y z@y @y',
      '@a@a #b#b ½#c #c',
    ];
    for (const t of texts) {
      expect(actual(t)).toEqual(reference(t));
      expect(actual(t.normalize('NFKD'))).toEqual(reference(t.normalize('NFKD')));
    }
  });

  it('takes a mention only after a non-word character, and at most 30 handle characters', () => {
    expect(tokenize('mail jan@hulp @hulp').map((t) => t.type)).toEqual(['word', 'word', 'word', 'mention']);
    const long = tokenize(`@${'a'.repeat(31)}`);
    expect(long.map((t) => [t.type, t.raw.length])).toEqual([
      ['mention', 30],
      ['word', 1],
    ]);
  });
});

describe('sentence starts', () => {
  // The gap test as first written, with the u flag; tokens.ts spells the emoji as surrogate pairs.
  const END = /[.!?;:\n\u2022|]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/u;
  function reference(text: string): boolean[] {
    const out: boolean[] = [];
    let prevEnd = 0;
    let start = true;
    for (const t of tokenize(text)) {
      const gap = text.slice(prevEnd, t.start);
      if (gap !== ' ' && gap !== '' && END.test(gap)) start = true;
      out.push(t.type === 'word' && start);
      if (t.type === 'word' || t.type === 'number') start = false;
      prevEnd = t.end;
    }
    return out;
  }

  it('begin after punctuation, line breaks and emoji, as the Unicode pattern reads them', () => {
    const texts = [
      'Bed vrij 🙏 Genk ❤ Hasselt ☀ Diest 🫶 Leuven 🌀 As 🐶 Bree',
      'Eén. Twee! Drie? vier: vijf; zes\nzeven • acht | negen',
      'lone \ud83d Genk \udc00 Hasselt \ud83c\ud83d\ude00 Diest',
      'Plaats 4 personen, Genk',
    ];
    for (const t of texts) expect(tokenize(t).map((x) => x.sentenceStart)).toEqual(reference(t));
    expect(tokenize('Bed vrij 🙏 Genk').map((x) => x.sentenceStart)).toEqual([true, false, true]);
  });
});

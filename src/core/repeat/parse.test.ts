import { describe, expect, it } from 'vitest';
import { parseText } from './parse';

describe('parseText', () => {
  it('reads the credited author of manual retweets, chains, via and (@user)', () => {
    expect(parseText('RT @Lies_V: Slaapplaats in Genk').credit).toBe('lies_v');
    expect(parseText('RT @b: RT @a: Slaapplaats in Genk').credit).toBe('a');
    expect(parseText('RT@a Slaapplaats in Genk').credit).toBe('a');
    expect(parseText('Canapé à Montreuil via @claire_p #PorteOuverte').credit).toBe('claire_p');
    expect(parseText('Suppe in Altenahr (@ahrhilfe) #Hochwasser').credit).toBe('ahrhilfe');
    expect(parseText('"@cityofleuven: Shelter open at the town hall').credit).toBe('cityofleuven');
    expect(parseText('Slaapplaats in Genk, DM @jan').credit).toBeNull();
  });

  it('keeps a short comment before a manual RT apart from the copied text', () => {
    const p = parseText('Delen aub! RT @jan: Slaapplaats voor 2 in Genk');
    expect(p.credit).toBe('jan');
    expect(p.comment).toBe('Delen aub!');
    expect(p.words).toEqual(['slaapplaats', 'voor', '2', 'in', 'genk']);
  });

  it('drops tags, links, mentions, emoji, case, accents and punctuation from the key words', () => {
    const a = parseText('#hasselthelpt 🙏 Slaapplaats voor 2 in Genk!! https://t.co/x @radio2 #pkp');
    const b = parseText('slaapplaats VOOR 2 in genk');
    expect(a.words).toEqual(b.words);
    expect(parseText('Hébergement à Saint-Denis').words).toEqual(['hebergement', 'a', 'saint', 'denis']);
  });

  it('keeps the words of inline hashtags and of tag-only messages', () => {
    expect(parseText('Bed in #Hasselt, DM me').words).toContain('hasselt');
    expect(parseText('#telluride #colorado').words).toEqual(['telluride', 'colorado']);
  });

  it('marks cut texts and never trusts their last word', () => {
    const p = parseText('RT @sarah: Spare room for 2 people in Mechelen tonight, DM me and I will send… https://t.co/x');
    expect(p.truncated).toBe(true);
    expect(p.fullWords.at(-1)).toBe('will');
    expect(parseText('Spare room for 2 people in Mechelen').truncated).toBe(false);
  });

  it('stays linear on long runs of spaces', () => {
    const t0 = performance.now();
    parseText(`Fire ${' '.repeat(5000)}T... http://t.co/x`);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

// Places named in a message, without any gazetteer service: a town list
// (data/offer/places.json), capitalised words after a place word ("in Genk",
// "à Saint-Denis", "bei Ahrweiler"), postcodes before a name ("3500 Hasselt"),
// streets ("Kerkstraat 12", "rue de la Paix", "Berliner Straße 5", "55 Main St")
// and Paris arrondissements ("Paris 11e").

import { fold, pushWords, type Token } from '../repeat/tokens';
import type { Lexicon } from './lexicon';
import type { PhraseMatch } from './phrases';
import { titleCased } from './title-case';
import { allDigits } from './digits';

export type PlaceKind = 'town' | 'named' | 'street' | 'postcode' | 'district';

export interface Place {
  /** As written, for display. */
  display: string;
  /** Folded, for comparison. */
  norm: string;
  kind: PlaceKind;
  start: number;
}

const CONNECTORS = new Set(['am', 'an', 'der', 'op', 'aan', 'de', 'den', 'sur', 'en', 'le', 'la', 'les', 'sous', 'upon', 'van', 'ter', 'im', 'bei', 'ob']);
const FR_STREET_LINKS = new Set(['de', 'la', 'du', 'des', 'l', 'd', 'le', 'les', 'et', 'aux', 'au', 'saint', 'sainte']);
const ORDINAL = new Set(['e', 'eme', 'er', 'ieme', 'em']);
const HARD_BREAK = /[,.!?;:()\n\u2022|]/;

export interface WordIndex {
  words: string[];
  toks: number[];
}

/**
 * Every folded word (as allWords reads them) and the index of the token each comes from.
 * The words are frozen: phrase sets then know, without comparing, that they are the words they read last.
 */
export function wordIndex(tokens: readonly Token[]): WordIndex {
  const words: string[] = [];
  const toks: number[] = [];
  for (let tok = 0; tok < tokens.length; tok++) {
    const t = tokens[tok] as Token;
    if (t.type === 'url' || t.type === 'mention') continue;
    const before = words.length;
    pushWords(t.norm, words);
    for (let k = before; k < words.length; k++) toks.push(tok);
  }
  return { words: Object.freeze(words) as string[], toks };
}

const properToken = (t: Token): boolean => (t.type === 'word' || t.type === 'hashtag') && (t.capitalised || t.allCaps);
const looksProper = (t: Token | undefined): t is Token => t !== undefined && properToken(t);

/** The tokens from `from` to `to` as written, with what stands between them. */
function spanText(tokens: readonly Token[], from: number, to: number): string {
  const last = Math.min(to, tokens.length - 1);
  let out = (tokens[from] as Token).raw;
  for (let i = from + 1; i <= last; i++) {
    const x = tokens[i] as Token;
    out += x.gap + x.raw;
  }
  return out;
}

function addPlace(found: Map<string, Place>, p: Place): void {
  if (!p.norm || found.has(p.norm)) return;
  found.set(p.norm, p);
}

/** Words that never name a place: cue words, weekdays, months, bare numbers. */
function notAPlaceIn(lex: Lexicon, norm: string): boolean {
  return lex.notPlaces.has(norm) || lex.cueWords.has(norm) || lex.weekdays.has(norm) || lex.months.has(norm) || allDigits(norm);
}

/** `capsTellNothing`: titleCased(tokens), and `index`: wordIndex(tokens), when the caller has them already. */
export function findPlaces(tokens: readonly Token[], lex: Lexicon, capsTellNothing: boolean = titleCased(tokens), index?: WordIndex): Place[] {
  const found = new Map<string, Place>();
  const add = (p: Place) => addPlace(found, p);
  const notAPlace = (norm: string) => notAPlaceIn(lex, norm);
  const { words, toks } = index ?? wordIndex(tokens);

  // Words right after a place preposition, by token index.
  const afterPrep = new Set<number>();
  // Indexed loops: an array iterator allocates while the code is still cold.
  const preps = lex.placePrepositions.find(words);
  for (let k = 0; k < preps.length; k++) {
    const m = preps[k] as PhraseMatch<string>;
    const first = toks[m.start];
    const prepTok = first !== undefined ? tokens[first] : undefined;
    // "a" is only the French "à" when written with its accent; else it is the English article.
    if (m.phrase === 'a' && prepTok && prepTok.raw.toLowerCase() !== 'à') continue;
    const next = toks[m.start + m.length];
    if (next !== undefined) afterPrep.add(next);
  }

  // 1. Town list.
  const towns = lex.towns.find(words);
  for (let k = 0; k < towns.length; k++) {
    const m = towns[k] as PhraseMatch<string>;
    const first = toks[m.start];
    const last = toks[m.start + m.length - 1];
    if (first === undefined || last === undefined) continue;
    const t = tokens[first];
    if (!t) continue;
    // The match must cover whole tokens: "sint" alone in "Sint-Niklaas" is not "Sint".
    const prevSame = toks[m.start - 1] === first;
    const nextSame = toks[m.start + m.length] === last;
    if (prevSame || nextSame) continue;
    if (lex.ambiguousTowns.has(m.value)) {
      const proper = t.type === 'hashtag' || ((t.capitalised || t.allCaps) && afterPrep.has(first));
      if (!proper) continue;
    }
    add({ display: spanText(tokens, first, last), norm: m.value, kind: 'town', start: t.start });
  }

  const streets = findStreets(tokens, lex);

  // 2. Capitalised words after a place preposition (unless every word is capitalised).
  const prepared = capsTellNothing || afterPrep.size === 0 ? [] : [...afterPrep];
  if (prepared.length > 1) prepared.sort((a, b) => a - b);
  for (let k = 0; k < prepared.length; k++) {
    const ti = prepared[k] as number;
    const t = tokens[ti];
    if (!looksProper(t) || notAPlace(t.norm)) continue;
    let end = ti;
    for (let j = ti + 1; j < tokens.length && j <= ti + 3; j++) {
      const n = tokens[j];
      if (!n || HARD_BREAK.test(n.gap) || n.type !== 'word') break;
      if (looksProper(n) && !notAPlace(n.norm) && !lex.streetWords.has(n.norm)) {
        end = j;
        continue;
      }
      const after = tokens[j + 1];
      if (CONNECTORS.has(n.norm) && looksProper(after) && !HARD_BREAK.test(after.gap) && !notAPlace(after.norm)) {
        end = j + 1;
        j += 1;
        continue;
      }
      break;
    }
    const display = spanText(tokens, ti, end);
    const norm = fold(display);
    // "in der Hauptstraße 5" is a street, read below.
    if (!streets.some((st) => st.norm.startsWith(norm) || norm.startsWith(st.norm))) add({ display, norm, kind: 'named', start: t.start });
  }

  // 3. Postcodes before a name, and Paris arrondissements.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'number') continue;
    const next = tokens[i + 1];
    if ((t.raw.length === 4 || t.raw.length === 5) && looksProper(next) && !HARD_BREAK.test(next.gap) && /^\s+$/.test(next.gap)) {
      const n = Number(t.raw);
      if (n >= 1000 && !notAPlace(next.norm)) add({ display: `${t.raw} ${next.raw}`, norm: fold(`${t.raw} ${next.raw}`), kind: 'postcode', start: t.start });
    }
    const n = Number(t.raw);
    if (n >= 1 && n <= 20 && next && ORDINAL.has(next.norm) && next.gap === '') {
      const after = tokens[i + 2];
      const prev = tokens[i - 1];
      if ((after && /^arr/.test(after.norm)) || prev?.norm === 'paris') add({ display: `Paris ${t.raw}e`, norm: `paris ${n}e`, kind: 'district', start: t.start });
    }
  }

  // 4. Streets.
  for (let k = 0; k < streets.length; k++) add(streets[k] as Place);

  if (found.size === 0) return [];
  const places = [...found.values()];
  return places.length === 1 ? places : places.sort((a, b) => a.start - b.start);
}

/** The word ends with one of the suffixes, after at least three letters of its own. */
function endsWithStreet(norm: string, suffixes: readonly string[]): boolean {
  for (let i = 0; i < suffixes.length; i++) {
    const s = suffixes[i] as string;
    if (norm.length >= s.length + 3 && norm.endsWith(s)) return true;
  }
  return false;
}

/** Street names with their house number when one follows or precedes. */
export function findStreets(tokens: readonly Token[], lex: Lexicon): Place[] {
  const out: Place[] = [];
  const numberAt = (i: number) => {
    const t = tokens[i];
    return t && t.type === 'number' && t.raw.length <= 4 && !HARD_BREAK.test(t.gap) ? t : undefined;
  };
  const make = (from: number, to: number): Place => {
    let a = from;
    let b = to;
    if (numberAt(b + 1)) b += 1;
    else if (a > 0 && tokens[a - 1]?.type === 'number' && (tokens[a - 1]?.raw.length ?? 9) <= 4 && !HARD_BREAK.test(tokens[a]?.gap ?? '')) a -= 1;
    const display = spanText(tokens, a, b);
    return { display, norm: fold(display), kind: 'street', start: (tokens[a] as Token).start };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.type !== 'word') continue;
    // Attached suffix: Kerkstraat, Hauptstraße, Hauptstr. (a capital or a house number first: cheaper tests first)
    const numbered = numberAt(i + 1) !== undefined;
    const couldBe = (t.capitalised || t.allCaps || numbered) && !t.norm.includes(' ') && !lex.cueWords.has(t.norm);
    if (couldBe && (endsWithStreet(t.norm, lex.streetSuffixes) || (numbered && endsWithStreet(t.norm, lex.streetSuffixesWithNumber)))) {
      out.push(make(i, i));
      continue;
    }
    // Separate street word after a name: Main Street, Berliner Straße, Grote Markt.
    if (lex.streetWords.has(t.norm) && (t.capitalised || t.allCaps)) {
      let from = i;
      while (from > 0 && looksProper(tokens[from - 1]) && !HARD_BREAK.test(tokens[from]?.gap ?? '') && i - from < 3) from -= 1;
      if (from < i) {
        out.push(make(from, i));
        continue;
      }
    }
    // Prefix: rue de la Paix, avenue Foch.
    if (lex.streetPrefixes.has(t.norm)) {
      let end = i;
      let sawName = false;
      for (let j = i + 1; j < tokens.length && j <= i + 5; j++) {
        const n = tokens[j];
        if (!n || HARD_BREAK.test(n.gap) || n.type !== 'word') break;
        if (properToken(n)) {
          end = j;
          sawName = true;
        } else if (FR_STREET_LINKS.has(n.norm)) continue;
        else break;
      }
      if (sawName) out.push(make(i, end));
    }
  }
  return out;
}

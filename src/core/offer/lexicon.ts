// Compiles the per-language cue lists in data/offer/ into one lookup structure.
// All four languages are merged: X's language guess is often wrong for short
// texts and crisis tweets mix languages ("DM", "RT", "update").
// A malformed entry is skipped and reported in LEXICON_PROBLEMS (a unit test
// keeps that list empty), so a typo in a data file never breaks the page.

import nl from '../../../data/offer/nl.json';
import fr from '../../../data/offer/fr.json';
import de from '../../../data/offer/de.json';
import en from '../../../data/offer/en.json';
import places from '../../../data/offer/places.json';
import { OFFER_KINDS, type OfferKind } from '../types';
import { fold } from '../repeat/tokens';
import { compilePhrases, type PhraseSet } from './phrases';

export const LEXICON_LANGS = ['nl', 'fr', 'de', 'en'] as const;
export type LexiconLang = (typeof LEXICON_LANGS)[number];

export interface Lexicon {
  kinds: PhraseSet<OfferKind>;
  closersStrong: PhraseSet<string>;
  closersWeak: PhraseSet<string>;
  /** Words that undo a closer right before it: "not full", "pas encore complet". */
  negations: PhraseSet<string>;
  updateMarkers: PhraseSet<string>;
  capacityUnits: Set<string>;
  capacityBefore: PhraseSet<string>;
  notUnits: Set<string>;
  numbers: Map<string, number>;
  placePrepositions: PhraseSet<string>;
  notPlaces: Set<string>;
  streetSuffixes: string[];
  /** Suffixes that make a street only with a house number after them ("Marktplatz 3", not "Schlafplatz"). */
  streetSuffixesWithNumber: string[];
  streetPrefixes: Set<string>;
  streetWords: Set<string>;
  weekdays: Map<string, string>;
  dayWords: PhraseSet<string>;
  months: Map<string, number>;
  hourWords: Set<string>;
  contactCues: Set<string>;
  /** Little words between a contact word and a handle: "DM naar @jan", "écrire à @x". */
  contactLinks: Set<string>;
  dmPhrases: PhraseSet<string>;
  /** Every single word of every cue list: never a place or a name. */
  cueWords: Set<string>;
  towns: PhraseSet<string>;
  ambiguousTowns: Set<string>;
}

export const LEXICON_PROBLEMS: string[] = [];

type Raw = Record<string, unknown>;

const ASCII_WORD = /[A-Za-z0-9]/;

function strings(file: string, field: string, v: unknown): string[] {
  if (!Array.isArray(v)) {
    LEXICON_PROBLEMS.push(`${file}: "${field}" should be a list of strings`);
    return [];
  }
  const out: string[] = [];
  for (const s of v) {
    // An ASCII letter or digit survives folding: only other entries need folding to be checked.
    if (typeof s === 'string' && (ASCII_WORD.test(s) || fold(s) !== '')) out.push(s);
    else LEXICON_PROBLEMS.push(`${file}: "${field}" holds a non-text or empty entry: ${JSON.stringify(s)}`);
  }
  return out;
}

function record(file: string, field: string, v: unknown): Raw {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Raw;
  LEXICON_PROBLEMS.push(`${file}: "${field}" should be an object`);
  return {};
}

function stringMap(file: string, field: string, v: unknown): [string, string][] {
  return Object.entries(record(file, field, v)).flatMap(([k, val]) => {
    if (typeof val === 'string') return [[k, val] as [string, string]];
    LEXICON_PROBLEMS.push(`${file}: "${field}.${k}" should be text`);
    return [];
  });
}

function numberMap(file: string, field: string, v: unknown): [string, number][] {
  return Object.entries(record(file, field, v)).flatMap(([k, val]) => {
    if (typeof val === 'number' && Number.isFinite(val)) return [[k, val] as [string, number]];
    LEXICON_PROBLEMS.push(`${file}: "${field}.${k}" should be a number`);
    return [];
  });
}

function build(files: Record<LexiconLang, Raw>, placesRaw: Raw): Lexicon {
  const kinds: [string, OfferKind][] = [];
  const strong: [string, string][] = [];
  const weak: [string, string][] = [];
  const markers: [string, string][] = [];
  const negations: [string, string][] = [];
  const units = new Set<string>();
  const before: [string, string][] = [];
  const notUnits = new Set<string>();
  const numbers = new Map<string, number>();
  const preps: [string, string][] = [];
  const notPlaces = new Set<string>();
  const suffixes = new Set<string>();
  const suffixesNumbered = new Set<string>();
  const prefixes = new Set<string>();
  const streetWords = new Set<string>();
  const weekdays = new Map<string, string>();
  const dayWords: [string, string][] = [];
  const months = new Map<string, number>();
  const hourWords = new Set<string>();
  const cues = new Set<string>();
  const links = new Set<string>();
  const dm: [string, string][] = [];
  const cueWords = new Set<string>();
  const addWords = (list: Iterable<string>) => {
    for (const p of list) for (const w of fold(p.replace(/\*/g, '')).split(' ')) if (w.length > 1) cueWords.add(w);
  };

  for (const lang of LEXICON_LANGS) {
    const raw = files[lang];
    const file = `data/offer/${lang}.json`;
    const k = record(file, 'kinds', raw.kinds);
    for (const [kind, list] of Object.entries(k)) {
      if (!(OFFER_KINDS as readonly string[]).includes(kind)) {
        LEXICON_PROBLEMS.push(`${file}: unknown kind "${kind}" (known: ${OFFER_KINDS.join(', ')})`);
        continue;
      }
      const ws = strings(file, `kinds.${kind}`, list);
      addWords(ws);
      for (const w of ws) kinds.push([w, kind as OfferKind]);
    }
    const closers = record(file, 'closers', raw.closers);
    for (const w of strings(file, 'closers.strong', closers.strong)) strong.push([w, lang]);
    for (const w of strings(file, 'closers.weak', closers.weak)) weak.push([w, lang]);
    for (const w of strings(file, 'updateMarkers', raw.updateMarkers)) markers.push([w, lang]);
    for (const w of strings(file, 'negations', raw.negations)) negations.push([w, lang]);
    const cap = record(file, 'capacity', raw.capacity);
    for (const w of strings(file, 'capacity.units', cap.units)) units.add(fold(w));
    for (const w of strings(file, 'capacity.before', cap.before)) before.push([w, lang]);
    addWords(strings(file, 'capacity.units', cap.units));
    for (const w of strings(file, 'notUnits', raw.notUnits)) notUnits.add(fold(w));
    for (const [w, n] of numberMap(file, 'numbers', raw.numbers)) numbers.set(fold(w), n);
    for (const w of strings(file, 'placePrepositions', raw.placePrepositions)) preps.push([w, lang]);
    for (const w of strings(file, 'notPlaces', raw.notPlaces)) notPlaces.add(fold(w));
    for (const w of strings(file, 'streetSuffixes', raw.streetSuffixes)) suffixes.add(fold(w));
    for (const w of strings(file, 'streetSuffixesWithNumber', raw.streetSuffixesWithNumber)) suffixesNumbered.add(fold(w));
    for (const w of strings(file, 'streetPrefixes', raw.streetPrefixes)) prefixes.add(fold(w));
    for (const w of strings(file, 'streetWords', raw.streetWords)) streetWords.add(fold(w));
    for (const [w, d] of stringMap(file, 'weekdays', raw.weekdays)) weekdays.set(fold(w), d);
    for (const [w, d] of stringMap(file, 'dayWords', raw.dayWords)) dayWords.push([w, d]);
    for (const [w, n] of numberMap(file, 'months', raw.months)) months.set(fold(w), n);
    for (const w of strings(file, 'hourWords', raw.hourWords)) hourWords.add(fold(w));
    for (const w of strings(file, 'contactCues', raw.contactCues)) cues.add(fold(w));
    for (const w of strings(file, 'contactLinks', raw.contactLinks)) links.add(fold(w));
    const dms = strings(file, 'dmPhrases', raw.dmPhrases);
    addWords(dms);
    for (const w of dms) dm.push([w, lang]);
  }
  // Cue words are never names or places.
  addWords(weekdays.keys());
  addWords(months.keys());
  addWords(numbers.keys());
  addWords([...strong, ...weak, ...markers, ...before, ...preps, ...dayWords].map(([w]) => w));
  addWords([...units, ...notUnits, ...hourWords, ...cues, ...streetWords]);

  const towns: [string, string][] = [];
  for (const [region, list] of Object.entries(placesRaw)) {
    if (region.startsWith('_') || region === 'ambiguous') continue;
    for (const t of strings('data/offer/places.json', region, list)) towns.push([t, fold(t)]);
  }
  const ambiguous = new Set(strings('data/offer/places.json', 'ambiguous', placesRaw.ambiguous).map(fold));
  // A town name is a place even when it is also a cue word elsewhere ("bad" in "Bad Neuenahr").
  for (const [, t] of towns) if (!t.includes(' ')) cueWords.delete(t);

  return {
    kinds: compilePhrases(kinds),
    closersStrong: compilePhrases(strong),
    closersWeak: compilePhrases(weak),
    negations: compilePhrases(negations),
    updateMarkers: compilePhrases(markers),
    capacityUnits: units,
    capacityBefore: compilePhrases(before),
    notUnits,
    numbers,
    placePrepositions: compilePhrases(preps),
    notPlaces,
    streetSuffixes: [...suffixes].sort((a, b) => b.length - a.length),
    streetSuffixesWithNumber: [...suffixesNumbered].sort((a, b) => b.length - a.length),
    streetPrefixes: prefixes,
    streetWords,
    weekdays,
    dayWords: compilePhrases(dayWords),
    months,
    hourWords,
    contactCues: cues,
    contactLinks: links,
    dmPhrases: compilePhrases(dm),
    cueWords,
    towns: compilePhrases(towns),
    ambiguousTowns: ambiguous,
  };
}

export const LEXICON: Lexicon = build({ nl, fr, de, en } as Record<LexiconLang, Raw>, places as Raw);

/** Build a lexicon from other data (tests, a linguist trying a change). */
export function buildLexicon(files: Record<LexiconLang, unknown>, placesData: unknown): { lexicon: Lexicon; problems: string[] } {
  const before = LEXICON_PROBLEMS.length;
  const asRaw = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
  const lexicon = build(
    { nl: asRaw(files.nl), fr: asRaw(files.fr), de: asRaw(files.de), en: asRaw(files.en) },
    asRaw(placesData),
  );
  const problems = LEXICON_PROBLEMS.splice(before);
  return { lexicon, problems };
}

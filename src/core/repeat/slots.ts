// The facts that make one offer different from another: phone numbers,
// contact handles, places, capacity, days, times and what is offered (kinds).
// Two messages whose slots disagree are never the same message, however alike
// their words are.

import { findCapacity } from '../offer/capacity';
import { LEXICON, type Lexicon } from '../offer/lexicon';
import { findPhones } from '../offer/phones';
import { findPlaces, type Place, type WordIndex } from '../offer/places';
import { findDays, findTimes } from '../offer/when';
import type { ParsedText } from './parse';
import { pushWords, type Token } from './tokens';
import { titleCased } from '../offer/title-case';

export const SLOT_KINDS = ['phones', 'handles', 'places', 'capacity', 'days', 'times', 'kinds'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export type Slots = Record<SlotKind, string[]>;

export interface SlotReading {
  slots: Slots;
  places: Place[];
  phonesRaw: string[];
  capacity: number | null;
  /** Capitalised words inside sentences (names, towns, streets): a rewording may not change them. */
  names: Set<string>;
}

/** Body text with links blanked, so digits inside URLs are never read as phones or times. */
export function textWithoutUrls(tokens: readonly Token[], body: string): string {
  let out = body;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t && t.type === 'url') out = out.slice(0, t.start) + ' '.repeat(t.end - t.start) + out.slice(t.end);
  }
  return out;
}

/** Every folded word of the text, hashtags included (capacity and days may sit in a tag). */
export function allWords(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.type === 'url' || t.type === 'mention') continue;
    pushWords(t.norm, out);
  }
  return out;
}

/**
 * Handles given as a contact: a mention inside the sentence, or one right after
 * a contact word ("DM @jan", "bel of stuur naar @piet"). Mentions in the tag
 * run at the end ("... @stadhasselt @redcross") only address people.
 */
export function contactHandles(tokens: readonly Token[], lex: Lexicon): string[] {
  // Most messages hold no mention at all.
  if (!tokens.some((t) => t.type === 'mention')) return [];
  const out = new Set<string>();
  let last = tokens.length - 1;
  while (last >= 0 && (tokens[last]?.type === 'hashtag' || tokens[last]?.type === 'mention' || tokens[last]?.type === 'url')) last--;
  let first = 0;
  while (first < tokens.length && (tokens[first]?.type === 'hashtag' || tokens[first]?.type === 'mention' || tokens[first]?.type === 'url')) first++;
  const cue = (t: Token | undefined) => t !== undefined && t.type === 'word' && t.norm.split(' ').some((w) => lex.contactCues.has(w));
  const link = (t: Token | undefined) => t !== undefined && t.type === 'word' && lex.contactLinks.has(t.norm);
  tokens.forEach((t, i) => {
    if (t.type !== 'mention') return;
    const inside = i > first && i < last;
    // "DM @jan", "stuur een DM naar @jan", "écrivez à @x": a contact word, at most one little word and a link between.
    const prev = tokens[i - 1];
    const cued = cue(prev) || (link(prev) && (cue(tokens[i - 2]) || cue(tokens[i - 3])));
    if (inside || cued) out.add(t.raw.toLowerCase());
  });
  return [...out].sort();
}

function names(tokens: readonly Token[], lex: Lexicon, capsTellNothing: boolean): Set<string> {
  const out = new Set<string>();
  if (capsTellNothing) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'word' || !t.capitalised || t.sentenceStart) continue;
    for (const w of t.norm.includes(' ') ? t.norm.split(' ') : [t.norm]) {
      if (w.length > 1 && !lex.cueWords.has(w) && !lex.notPlaces.has(w) && !lex.weekdays.has(w) && !lex.months.has(w)) out.add(w);
    }
  }
  return out;
}

/** The values sorted, each once: what `[...new Set(values)].sort()` gives, without a set for the usual zero or one value. */
export function sortedDistinct(values: string[]): string[] {
  if (values.length <= 1) return values;
  return [...new Set(values)].sort();
}

/** `words`: allWords(parsed.tokens), and `index`: wordIndex(parsed.tokens) (whose words they are), when the caller has them already. */
export function readSlots(parsed: ParsedText, lex: Lexicon = LEXICON, words: string[] = allWords(parsed.tokens), index?: WordIndex): SlotReading {
  const tokens = parsed.tokens;
  const text = textWithoutUrls(tokens, parsed.body);
  const phones = findPhones(text);
  const capsTellNothing = titleCased(tokens);
  const places = findPlaces(tokens, lex, capsTellNothing, index);
  const cap = findCapacity(words, lex);
  return {
    slots: {
      phones: phones.length === 0 ? [] : phones.map((p) => p.canonical).sort(),
      handles: contactHandles(tokens, lex),
      places: sortedDistinct(places.map((p) => p.norm)),
      capacity: cap.values.length === 0 ? [] : cap.values.map(String),
      days: findDays(words, text, lex),
      times: findTimes(text),
      kinds: sortedDistinct(lex.kinds.find(words).map((k) => k.value)),
    },
    places,
    phonesRaw: phones.length === 0 ? [] : phones.map((p) => p.raw),
    capacity: cap.capacity,
    names: names(tokens, lex, capsTellNothing),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const subset = (a: readonly string[], b: readonly string[]) => a.every((x) => b.includes(x));

/** A slot stated on both sides with different values. */
export function slotConflict(a: Slots, b: Slots): SlotKind | null {
  for (const k of SLOT_KINDS) if (a[k].length && b[k].length && !sameSet(a[k], b[k])) return k;
  return null;
}

export function slotsEqual(a: Slots, b: Slots): boolean {
  return SLOT_KINDS.every((k) => sameSet(a[k], b[k]));
}

/** Every value stated in `small` is also stated in `big` (a truncated copy of it). */
export function slotsWithin(small: Slots, big: Slots): boolean {
  return SLOT_KINDS.every((k) => subset(small[k], big[k]));
}

/** Number of identifying slots (what is offered does not identify) stated alike on both sides. */
export function sharedSlots(a: Slots, b: Slots): number {
  return SLOT_KINDS.filter((k) => k !== 'kinds' && a[k].length > 0 && sameSet(a[k], b[k])).length;
}

export function slotSignature(s: Slots): string {
  return SLOT_KINDS.map((k) => s[k].join(',')).join('|');
}

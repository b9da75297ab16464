// How many people an offer takes: a number (digits or a number word) next to
// a unit ("2 personen", "deux places", "4 Schlafplätze", "3 beds") or after a
// capacity phrase ("plaats voor 3", "room for 4", "bis zu 6").

import type { Lexicon } from './lexicon';
import { wordListBit, wordMasks, type PhraseMatch } from './phrases';
import { allDigits } from './digits';

export interface CapacityReading {
  /** The largest stated number, or null when none is stated. */
  capacity: number | null;
  /** Every stated number, sorted (articles like "een bed" only when nothing else is stated). */
  values: number[];
}

const MAX_CAPACITY = 500;

export function findCapacity(words: readonly string[], lex: Lexicon): CapacityReading {
  const beforeEnds = new Set<number>();
  const before = lex.capacityBefore.find(words);
  for (let k = 0; k < before.length; k++) {
    const m = before[k] as PhraseMatch<string>;
    beforeEnds.add(m.start + m.length);
  }
  const strong: number[] = [];
  const weak: number[] = [];
  // Number words are looked up only where the shared word masks say the word is one.
  const numberBit = wordListBit(lex.numbers);
  const masks = wordMasks(words);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const isDigits = allDigits(w);
    const value = isDigits ? Number(w) : numberBit === 0 || ((masks[i] as number) & numberBit) !== 0 ? lex.numbers.get(w) : undefined;
    if (value === undefined || value < 1 || value > MAX_CAPACITY) continue;
    // Digits glued into a phone number or a date are not a capacity.
    if (isDigits && w.length > 3) continue;
    let j = i + 1;
    let upper = value;
    // A range "2-3 personen" / "2 a 3 personnes" / "2 tot 3": keep the upper bound.
    const joiner = words[j];
    const afterJoiner = words[j + 1];
    if (joiner !== undefined && /^\d+$/.test(joiner) && Number(joiner) > value && Number(joiner) <= MAX_CAPACITY) {
      upper = Number(joiner);
      j += 1;
    } else if ((joiner === 'a' || joiner === 'tot' || joiner === 'to' || joiner === 'bis' || joiner === 'of') && afterJoiner && /^\d+$/.test(afterJoiner)) {
      const n = Number(afterJoiner);
      if (n > value && n <= MAX_CAPACITY) {
        upper = n;
        j += 2;
      }
    }
    const next = words[j];
    if (next !== undefined && (lex.notUnits.has(next) || lex.hourWords.has(next))) continue;
    const unitAfter = next !== undefined && lex.capacityUnits.has(next);
    const phraseBefore = beforeEnds.has(i);
    if (!unitAfter && !phraseBefore) continue;
    // "een bed", "un lit", "ein Bett": an article, unless nothing else is stated.
    (value === 1 && !isDigits ? weak : strong).push(upper);
  }
  const pool = strong.length ? strong : weak;
  // Zero or one value is the usual case: no set, no sort.
  const values = pool.length <= 1 ? pool : [...new Set(pool)].sort((a, b) => a - b);
  return { capacity: values.length ? (values[values.length - 1] as number) : null, values };
}

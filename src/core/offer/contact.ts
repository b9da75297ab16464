// How to reach the person offering: a DM, phone numbers, an address, handles.

import type { OfferContact } from '../types';
import type { ParsedText } from '../repeat/parse';
import { allWords, type SlotReading } from '../repeat/slots';
import type { Lexicon } from './lexicon';

/** "DM me", "MP", "per PN", "stuur een bericht"; "8 pm" is a time, not a private message. */
export function asksForDm(parsed: ParsedText, lex: Lexicon, words: readonly string[] = allWords(parsed.tokens)): boolean {
  return lex.dmPhrases.find(words).some((m) => !(m.phrase === 'pm' && /^\d+$/.test(words[m.start - 1] ?? '')));
}

/** `words`: allWords(parsed.tokens), when the caller has them already. */
export function readContact(parsed: ParsedText, reading: SlotReading, lex: Lexicon, words?: readonly string[]): OfferContact {
  const street = reading.places.find((p) => p.kind === 'street');
  return {
    dm: asksForDm(parsed, lex, words),
    // Copies: the reading is shared by every message with this text, the details are the caller's.
    phones: reading.phonesRaw.slice(),
    address: street ? street.display : null,
    handles: reading.slots.handles.slice(),
  };
}

// Offer extraction: what is offered, for how many people, where, how to get in
// touch, when it was posted and whether it is still open. Pure: runs in the
// content script, the CLI and tests alike.

import { analyse, closerOf, parseTime, type Analysed } from '../repeat/analyse';
import { defaults } from '../settings';
import type { Message, OfferDetails } from '../types';
import { readContact } from './contact';
import { offerKind } from './kind';
import { LEXICON, type Lexicon } from './lexicon';
import { offerStatus } from './status';

export interface ExtractOptions {
  /** Epoch ms used for staleness; defaults to the current time. */
  now?: number;
  /** Hours after the original post when an offer turns stale (settings.staleHours). */
  staleHours?: number;
  /** Set when a later message of the author closed this offer. */
  closed?: boolean;
  /** Original post time in epoch ms when known better than msg.createdAt (earliest repeat). */
  postedAt?: number | null;
  lexicon?: Lexicon;
}

export function extractOffer(msg: Message, opts: ExtractOptions = {}): OfferDetails {
  const lex = opts.lexicon ?? LEXICON;
  return offerFromAnalysis(analyse(msg, lex), opts);
}

/** The same, from a message already analysed (by the repeat index) with the same lexicon: no second reading. */
export function offerFromAnalysis(a: Analysed, opts: ExtractOptions = {}): OfferDetails {
  const lex = opts.lexicon ?? LEXICON;
  const postedAt = opts.postedAt !== undefined ? opts.postedAt : a.postedAt;
  const closedInText = closerOf(a, 'inline', lex) !== null;
  return {
    kind: offerKind(a.allWords, lex),
    capacity: a.reading.capacity,
    places: a.reading.places.filter((p) => p.kind !== 'street').map((p) => p.display),
    contact: readContact(a.parsed, a.reading, lex, a.allWords),
    status: offerStatus({
      closed: opts.closed === true || closedInText,
      postedAt,
      now: opts.now ?? Date.now(),
      staleHours: opts.staleHours ?? defaults.staleHours,
    }),
    postedAt: postedAt === null ? null : new Date(postedAt).toISOString(),
  };
}

/** The content script's entry: details of a message already judged to be an offer. */
export function offerDetails(msg: Message, now: number, staleHours: number): OfferDetails {
  return extractOffer(msg, { now, staleHours, postedAt: parseTime(msg.createdAt) });
}

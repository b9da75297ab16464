// A stream of messages as the triage CLI or a test feeds it: which earlier
// message each one repeats, and the state of every offer (closed by a later
// message of its author, stale once its original post is old enough).

import { extractOffer, offerFromAnalysis } from '../offer/extract';
import { LEXICON, type Lexicon } from '../offer/lexicon';
import { offerStatus } from '../offer/status';
import { defaults } from '../settings';
import type { Message, OfferDetails, OfferStatus } from '../types';
import { closerOf, parseTime, type Analysed } from './analyse';
import { createRepeatIndex, type MatchKind, type RepeatIndex } from './index';
import { SLOT_KINDS, sharedSlots, slotsWithin, type Slots } from './slots';

export interface TrackerOptions {
  staleHours?: number;
  /**
   * Clock for staleness. Default: the latest post time seen in the stream (so
   * a replayed archive is judged at its own time), else the current time.
   */
  now?: () => number;
  maxEntries?: number;
  lexicon?: Lexicon;
}

export interface TrackResult {
  key: string;
  /** Id of the earliest message carrying the same message; null for the first. */
  duplicateOf: string | null;
  match: MatchKind | null;
  /** Keys of offers this message closed. */
  closes: string[];
}

export interface RepeatTracker {
  /** Record a message; `isOffer` when the classifier called it an offer. */
  see(msg: Message, isOffer?: boolean): TrackResult;
  /** Offer details of a message already seen, with the status its key has now. */
  offer(msg: Message, key: string): OfferDetails;
  status(key: string): OfferStatus;
  readonly index: RepeatIndex;
}

export function createRepeatTracker(opts: TrackerOptions = {}): RepeatTracker {
  const lex = opts.lexicon ?? LEXICON;
  const offers = new Set<string>();
  const closed = new Map<string, string>();
  // What is kept per key goes with the index's entry: a forgotten closed offer shows as open (the safe side).
  const forget = (key: string) => {
    offers.delete(key);
    closed.delete(key);
  };
  const index = createRepeatIndex({ maxEntries: opts.maxEntries, lexicon: lex, onEvict: forget });
  const staleHours = opts.staleHours ?? defaults.staleHours;
  let latest: number | null = null;
  // The last message seen, as read: its offer details (asked right after) need no second reading.
  let last: { msg: Message; text: unknown; own: Analysed } | null = null;
  const now = () => (opts.now ? opts.now() : (latest ?? Date.now()));

  function status(key: string): OfferStatus {
    const e = index.get(key);
    return offerStatus({ closed: closed.has(key), postedAt: e?.firstPostedAt ?? null, now: now(), staleHours });
  }

  function see(msg: Message, isOffer = false): TrackResult {
    const r = index.see(msg);
    const a = r.analysed;
    last = { msg, text: msg.text, own: r.own };
    if (a.postedAt !== null && (latest === null || a.postedAt > latest)) latest = a.postedAt;
    const closes: string[] = [];
    if (isOffer) offers.add(r.key);

    const earlierOpen = (): Readonly<{ key: string; slots: Slots }>[] => {
      if (!a.author || !closerOf(a, 'follow-up', lex)) return [];
      // What a "full" message says it had (soup, a bed) does not identify the offer; where, who and how many do.
      const said: Slots = { ...a.reading.slots, kinds: [] };
      const saysNothing = SLOT_KINDS.every((k) => said[k].length === 0);
      return index
        .byAuthor(a.author)
        .filter((e) => e.key !== r.key && offers.has(e.key) && !closed.has(e.key))
        .filter((e) => saysNothing || slotsWithin(said, e.slots));
    };
    // Several open offers of the author close together only when they are restatements of one
    // place (same phone, town, capacity...): "volzet" then cannot be about another of them.
    const oneOffer = (entries: { slots: Slots }[]): boolean =>
      entries.length > 0 && entries.every((e) => sharedSlots(e.slots, (entries[0] as { slots: Slots }).slots) >= 2);

    if (r.match !== null) {
      // A copy or an edit of the offer itself that now says "full".
      if (closerOf(a, 'inline', lex) && offers.has(r.key) && !closed.has(r.key)) closes.push(r.key);
    } else {
      // A separate "volzet!" by the author closes the one earlier open offer of theirs it can
      // refer to, even when the message itself reads like an offer ("full: 4 guests here now").
      const open = earlierOpen();
      if (oneOffer(open)) closes.push(...open.map((e) => e.key));
      else if (isOffer && closerOf(a, 'inline', lex)) closes.push(r.key);
    }
    for (const k of closes) closed.set(k, a.id);
    return { key: r.key, duplicateOf: r.duplicateOf, match: r.match, closes };
  }

  return {
    see,
    offer(msg, key) {
      const e = index.get(key);
      const opts = { now: now(), staleHours, postedAt: e?.firstPostedAt ?? parseTime(msg.createdAt), closed: closed.has(key), lexicon: lex };
      // The same message object, unchanged since see(): its reading is reused.
      if (last && last.msg === msg && last.text === msg.text) return offerFromAnalysis(last.own, opts);
      return extractOffer(msg, opts);
    },
    status,
    index,
  };
}

/**
 * The triage CLI's two fields for one line, in input order: `duplicate_of`
 * (id of the earliest earlier line with the same message, null on the first)
 * and `offer` (filled when the label is offer).
 */
export function repeatFields(tracker: RepeatTracker, msg: Message, label: string): { duplicate_of: string | null; offer: OfferDetails | null } {
  const r = tracker.see(msg, label === 'offer');
  return { duplicate_of: r.duplicateOf, offer: label === 'offer' ? tracker.offer(msg, r.key) : null };
}

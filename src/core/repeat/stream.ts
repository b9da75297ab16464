// A stream of messages as the triage CLI or a test feeds it: which earlier
// message each one repeats, and the state of every offer (closed by a later
// message of its author, stale once its original post is old enough).
//
// "Later" is by post time when both times are known, not by stream order: a
// timeline shows the newest first, so the author's "full" comes before the
// offer it is about, and after the offers they posted since.

import { extractOffer, offerFromAnalysis } from '../offer/extract';
import { LEXICON, type Lexicon } from '../offer/lexicon';
import { offerStatus } from '../offer/status';
import { defaults } from '../settings';
import type { Message, OfferDetails, OfferStatus } from '../types';
import { closerOf, parseTime, type Analysed } from './analyse';
import { createRepeatIndex, type MatchKind, type RepeatIndex, type RestoreRecord } from './index';
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
  /**
   * Keys of offers closed earlier that are open again: this message showed that the "full" which
   * closed them may be about another offer of the author (it stays unclear which, so none is closed).
   */
  reopens: string[];
}

export interface RepeatTracker {
  /** Record a message; `isOffer` when the classifier called it an offer. */
  see(msg: Message, isOffer?: boolean): TrackResult;
  /** Offer details of a message already seen, with the status its key has now. */
  offer(msg: Message, key: string): OfferDetails;
  status(key: string): OfferStatus;
  /**
   * Takes in offers stored on earlier visits (index.restore): a later repeat gets their key, and a "full" of
   * their author can close them, when no offer of theirs seen in this stream fits it. Answers how many it took.
   */
  restore(records: readonly RestoreRecord[]): number;
  readonly index: RepeatIndex;
}

/** A "full" by an author, kept for the offers of theirs posted before it that the stream brings later. */
interface PendingCloser {
  id: string;
  postedAt: number;
  /** What it says it had, without the offer kinds (see earlierOpen). */
  said: Slots;
  saysNothing: boolean;
  /** Keys it closed so far. */
  closed: string[];
  /** It fitted two offers that are not one place: it closes none. */
  unclear: boolean;
}

/** Authors whose "full" messages are kept, and how many of each (a timeline holds a few per host). */
const PENDING_AUTHORS = 2000;
const PENDING_PER_AUTHOR = 8;

/** Both post times known and the offer's after the closer's: the closer cannot be about it. */
const postedAfter = (offerAt: number | null, closerAt: number | null) => offerAt !== null && closerAt !== null && offerAt > closerAt;

export function createRepeatTracker(opts: TrackerOptions = {}): RepeatTracker {
  const lex = opts.lexicon ?? LEXICON;
  const offers = new Set<string>();
  /** Offers taken in from the store rather than seen in this stream (a subset of offers). */
  const restored = new Set<string>();
  const closed = new Map<string, string>();
  const pending = new Map<string, PendingCloser[]>();
  // What is kept per key goes with the index's entry: a forgotten closed offer shows as open (the safe side).
  const forget = (key: string) => {
    offers.delete(key);
    restored.delete(key);
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

  function keep(author: string, p: PendingCloser): void {
    let list = pending.get(author);
    if (!list) {
      if (pending.size >= PENDING_AUTHORS) pending.delete(pending.keys().next().value as string);
      list = [];
      pending.set(author, list);
    }
    list.push(p);
    if (list.length > PENDING_PER_AUTHOR) list.shift();
  }

  /**
   * A new offer of an author whose "full" came earlier in the stream but was posted after it: the
   * offer is closed when the closer fits it and no other offer of theirs, as the forward reading
   * (earlierOpen, oneOffer) would decide had the two come in time order.
   */
  function closeFromPending(a: Analysed, key: string, closes: string[], reopens: string[]): void {
    const list = a.author ? pending.get(a.author) : undefined;
    if (!list || a.postedAt === null || closed.has(key)) return;
    const slots = a.reading.slots;
    for (const p of list) {
      // Posted strictly before it: at the same time, the stream's order (the "full" first) is all there is to go by.
      if (p.unclear || p.id === a.id || a.postedAt >= p.postedAt) continue;
      if (!p.saysNothing && !slotsWithin(p.said, slots)) continue;
      const first = p.closed.length > 0 ? index.get(p.closed[0] as string) : undefined;
      if (p.closed.length === 0 || (first !== undefined && sharedSlots(slots, first.slots) >= 2)) {
        p.closed.push(key);
        if (!closed.has(key)) {
          closes.push(key);
          // Closed by the pending message, not by this one (see the reopening below).
          closed.set(key, p.id);
        }
        continue;
      }
      // Two offers it could be about: it is unclear which, and both stay open.
      p.unclear = true;
      for (const k of p.closed) {
        if (closed.get(k) !== p.id) continue;
        closed.delete(k);
        reopens.push(k);
      }
    }
  }

  function see(msg: Message, isOffer = false): TrackResult {
    const r = index.see(msg);
    const a = r.analysed;
    last = { msg, text: msg.text, own: r.own };
    if (a.postedAt !== null && (latest === null || a.postedAt > latest)) latest = a.postedAt;
    const closes: string[] = [];
    const reopens: string[] = [];
    if (isOffer) offers.add(r.key);
    // A stored offer shown again is one of this visit now.
    restored.delete(r.key);

    const follow = a.author !== null && r.match === null && closerOf(a, 'follow-up', lex) !== null;
    // What a "full" message says it had (soup, a bed) does not identify the offer; where, who and how many do.
    const said: Slots | null = follow ? { ...a.reading.slots, kinds: [] } : null;
    const saysNothing = said !== null && SLOT_KINDS.every((k) => said[k].length === 0);
    const earlierOpen = (): Readonly<{ key: string; slots: Slots }>[] => {
      if (!said || !a.author) return [];
      const open = index
        .byAuthor(a.author)
        .filter((e) => e.key !== r.key && offers.has(e.key) && !closed.has(e.key) && !postedAfter(e.firstPostedAt, a.postedAt))
        .filter((e) => saysNothing || slotsWithin(said, e.slots));
      // An offer of this visit is what a "full" on today's timeline is about, before one from an earlier visit.
      const current = open.filter((e) => !restored.has(e.key));
      return current.length > 0 ? current : open;
    };
    // Several open offers of the author close together only when they are restatements of one
    // place (same phone, town, capacity...): "volzet" then cannot be about another of them.
    const oneOffer = (entries: { slots: Slots }[]): boolean =>
      entries.length === 1 || (entries.length > 1 && entries.every((e) => sharedSlots(e.slots, (entries[0] as { slots: Slots }).slots) >= 2));

    if (r.match !== null) {
      // A copy or an edit of the offer itself that now says "full".
      if (closerOf(a, 'inline', lex) && offers.has(r.key) && !closed.has(r.key)) closes.push(r.key);
    } else {
      // A separate "volzet!" by the author closes the one earlier open offer of theirs it can
      // refer to, even when the message itself reads like an offer ("full: 4 guests here now").
      const open = earlierOpen();
      const one = oneOffer(open);
      if (one) closes.push(...open.map((e) => e.key));
      else if (isOffer && closerOf(a, 'inline', lex)) closes.push(r.key);
      // The offers it may be about can still come (older posts, further down a timeline). Not when
      // it is unclear already which of the open ones it means: more offers only make it less clear.
      if (said && a.author && a.postedAt !== null && (one || open.length === 0)) {
        keep(a.author, { id: a.id, postedAt: a.postedAt, said, saysNothing, closed: one ? open.map((e) => e.key) : [], unclear: false });
      }
      if (isOffer) closeFromPending(a, r.key, closes, reopens);
    }
    for (const k of closes) if (!closed.has(k)) closed.set(k, a.id);
    return { key: r.key, duplicateOf: r.duplicateOf, match: r.match, closes, reopens };
  }

  function restore(records: readonly RestoreRecord[]): number {
    const n = index.restore(records);
    for (const r of records) {
      if (r && typeof r.key === 'string' && index.get(r.key) && !offers.has(r.key)) {
        offers.add(r.key);
        restored.add(r.key);
      }
    }
    return n;
  }

  return {
    see,
    restore,
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

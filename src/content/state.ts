// What the content script remembers, without any DOM: a verdict per tweet (kept
// across pages, so a re-created cell is re-tagged without reading its text
// again), and per page the occurrences of each message key, which decide what
// is a repeat. Pure, so the rules that hide things are unit tested on their own.
import type { FilterName } from '../core/settings';
import type { Label, OfferDetails } from '../core/types';

/** The core's judgement on one tweet (the same for every occurrence of its status id). */
export interface TweetVerdict {
  label: Label;
  confidence: number;
  sympathyOnly: boolean;
  /** Message key from the repeat core: the same for every repeat of one message. */
  key: string;
  offer: OfferDetails | null;
  /** Epoch ms of the original post, when known. */
  postedAt: number | null;
  promoted: boolean;
}

/** Every occurrence of one message key on the current page. */
export interface Group {
  /** Small number, written on the cells as data-triage-group, to find them again. */
  id: number;
  key: string;
  label: Label;
  count: number;
  /** Occurrence that stays visible: the first one seen on this page. */
  firstOcc: string;
  /** Earliest original post time among the occurrences, epoch ms. */
  firstPostedAt: number | null;
  /** An offer with this key was displayed in an earlier visit. */
  seenBefore: boolean;
  /** A later message (e.g. the author's "full") closed this offer. */
  closed: boolean;
  /** Occurrences of this group the page still keeps: the group is forgotten with the last of them. */
  kept: number;
}

/** One tweet as it sits in this page's timeline (a native repost is its own occurrence). */
export interface Occurrence {
  id: string;
  verdict: TweetVerdict;
  group: Group;
  first: boolean;
  /** The user pressed "Show": it stays visible while the page lives. */
  revealed: boolean;
  /** Its sighting was queued for the store. */
  recorded: boolean;
}

/** Filters in the order in which they name the reason of a hidden tweet. */
export const REASON_ORDER: readonly FilterName[] = ['sympathy', 'offtopic', 'repeat', 'seen', 'stale'];

const HOUR = 3_600_000;

/**
 * Filters that would hide this occurrence, most telling first. Only
 * sympathy-only tweets meet the sympathy filter, only the 2nd+ occurrence of a
 * key meets the repeat filter, seen/stale concern offers, offtopic concerns
 * "other" and ads that are neither an offer nor a request.
 */
export function hiddenReasons(occ: Occurrence, now: number, staleHours: number): FilterName[] {
  const v = occ.verdict;
  const out: FilterName[] = [];
  if (v.label === 'sympathy' && v.sympathyOnly) out.push('sympathy');
  if (v.label === 'other' || (v.promoted && v.label !== 'offer' && v.label !== 'request')) out.push('offtopic');
  if (!occ.first) out.push('repeat');
  if (v.label === 'offer') {
    if (occ.group.seenBefore) out.push('seen');
    if (isStale(v, now, staleHours, occ.group.closed)) out.push('stale');
  }
  return out;
}

export function isStale(v: TweetVerdict, now: number, staleHours: number, closed = false): boolean {
  if (closed || v.offer?.status === 'closed') return true;
  return v.postedAt !== null && now - v.postedAt > staleHours * HOUR;
}

/** Bounded map: the oldest entries go first. */
export class Lru<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
  delete(k: string): void {
    this.map.delete(k);
  }
  get size(): number {
    return this.map.size;
  }
}

/**
 * Occurrences kept per page: a long scroll must not grow the page's memory
 * without end. An occurrence and its group cost a few hundred bytes; 10,000 is
 * far more tweets than anyone scrolls back through, and one forgotten is only
 * judged again (from the verdict cache, or by the core) if its cell comes back.
 */
export const MAX_OCCURRENCES = 10_000;

/** The occurrences and key groups of one page visit. */
export class PageState {
  private readonly occs = new Map<string, Occurrence>();
  private readonly groups = new Map<string, Group>();
  private readonly byId = new Map<number, Group>();
  private nextId = 1;
  /** Start of this visit: offers displayed before it were seen "before". */
  readonly since: number;

  constructor(
    since: number,
    private readonly maxOccurrences = MAX_OCCURRENCES,
  ) {
    this.since = since;
  }

  get(id: string): Occurrence | undefined {
    return this.occs.get(id);
  }

  group(id: number): Group | undefined {
    return this.byId.get(id);
  }

  groupByKey(key: string): Group | undefined {
    return this.groups.get(key);
  }

  /** Records a new occurrence; the first one of a key stays visible. `closed`: keys closed so far. */
  add(id: string, verdict: TweetVerdict, closed?: ReadonlySet<string>): Occurrence {
    const known = this.occs.get(id);
    if (known) return known;
    let group = this.groups.get(verdict.key);
    if (!group) {
      group = { id: this.nextId++, key: verdict.key, label: verdict.label, count: 0, firstOcc: id, firstPostedAt: null, seenBefore: false, closed: closed?.has(verdict.key) ?? false, kept: 0 };
      this.groups.set(verdict.key, group);
      this.byId.set(group.id, group);
    }
    group.count += 1;
    group.kept += 1;
    if (verdict.postedAt !== null && (group.firstPostedAt === null || verdict.postedAt < group.firstPostedAt)) {
      group.firstPostedAt = verdict.postedAt;
    }
    const occ: Occurrence = { id, verdict, group, first: group.firstOcc === id, revealed: false, recorded: false };
    this.occs.set(id, occ);
    // Forget the oldest occurrences (far above the viewport by now). Their group stays while the
    // page keeps another occurrence of it, so a message's first occurrence is still the one shown
    // if X re-creates its cell; a group with none left goes too, else distinct messages would grow
    // the page's memory without end. A message whose group was forgotten starts a new one: its
    // next occurrence is shown (never hidden as a repeat of something the page no longer knows).
    if (this.occs.size > this.maxOccurrences) {
      const oldest = this.occs.values().next();
      if (!oldest.done) this.forget(oldest.value);
    }
    return occ;
  }

  private forget(occ: Occurrence): void {
    this.occs.delete(occ.id);
    const g = occ.group;
    g.kept -= 1;
    if (g.kept > 0) return;
    if (this.groups.get(g.key) === g) this.groups.delete(g.key);
    this.byId.delete(g.id);
  }

  occurrences(): IterableIterator<Occurrence> {
    return this.occs.values();
  }

  get size(): number {
    return this.occs.size;
  }

  /** Key groups the page keeps (at most one per kept occurrence). */
  get groupCount(): number {
    return this.groups.size;
  }
}

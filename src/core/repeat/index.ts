// The in-memory repeat index: tells, for each message, whether it repeats one
// seen before and under which key. Lookups go through hash maps only (status
// id, exact fingerprint, first words, MinHash bands, phone/handle), each
// bucket capped, so their cost stays flat however many messages are stored.
//
// A merge hides one message behind another, so every route below only merges
// when nothing tells the two apart: authors never conflict, slots (phones,
// handles, places, capacity, days, times) agree, and a rewording changes no
// number and no name.

import { LEXICON, type Lexicon } from '../offer/lexicon';
import type { Message } from '../types';
import { analyse, type Analysed } from './analyse';
import { hash32, hash64Concat, hash64Joined } from './hash';
import { jaccard, minhashBands } from './similarity';
import { SLOT_KINDS, sharedSlots, slotConflict, slotsWithin, type Slots } from './slots';

export type MatchKind = 'status' | 'exact' | 'prefix' | 'near' | 'quote';

export interface RepeatEntry {
  /** Stable key of the message: the same for every repeat. */
  key: string;
  /** Id of the first message seen with this key. */
  firstId: string;
  author: string | null;
  /** Words of the fullest version seen. */
  words: string[];
  wordSet: Set<string>;
  slots: Slots;
  names: Set<string>;
  truncated: boolean;
  /** Earliest original post time among the repeats, epoch ms. */
  firstPostedAt: number | null;
  /** How many messages carried this key. */
  count: number;
  seq: number;
}

export interface SeeResult {
  key: string;
  /** Id of the first message with this key; null when this message is the first. */
  duplicateOf: string | null;
  match: MatchKind | null;
  /** Word similarity with the matched message (1 for status and exact matches). */
  similarity: number;
  entry: Readonly<RepeatEntry>;
  /** The message as read: credited author, slots, words (a thin quote is read as the quoted text). */
  analysed: Analysed;
  /** The message's own text as read (the same object as `analysed` unless a thin quote was read instead). */
  own: Analysed;
}

export interface RepeatIndexOptions {
  /** Oldest entries are forgotten beyond this many (memory bound in a long session). */
  maxEntries?: number;
  /** Messages per bucket kept for near-duplicate and prefix lookups. */
  bucketCap?: number;
  lexicon?: Lexicon;
  /** Told the key of each entry forgotten to stay within maxEntries (so callers drop what they keep per key). */
  onEvict?: (key: string) => void;
}

/** Seed for the index from stored offers, so keys survive a restart. */
export interface RestoreRecord {
  key: string;
  text: string;
  author: string | null;
  firstId?: string;
  postedAt?: string | null;
}

export interface RepeatIndex {
  /** Record a message and return its key. */
  see(msg: Message): SeeResult;
  /** The key the message would get, without recording it. */
  peek(msg: Message): { key: string; duplicateOf: string | null; match: MatchKind | null };
  get(key: string): Readonly<RepeatEntry> | undefined;
  /** Entries whose original author is `handle`, most recent last. */
  byAuthor(handle: string): readonly Readonly<RepeatEntry>[];
  restore(records: readonly RestoreRecord[]): number;
  readonly size: number;
}

/** Fewest complete words a prefix must share before a cut-short copy is matched to a longer text. */
const PREFIX_WORDS = 6;
const MIN_NEAR_WORDS = 5;

/** Words in one set and not the other that hold a digit or a name: a rewording never changes those. */
function changesNumberOrName(a: ReadonlySet<string>, b: ReadonlySet<string>, namesA: ReadonlySet<string>, namesB: ReadonlySet<string>): boolean {
  const telling = (w: string) => /\d/.test(w) || namesA.has(w) || namesB.has(w);
  for (const w of a) if (!b.has(w) && telling(w)) return true;
  for (const w of b) if (!a.has(w) && telling(w)) return true;
  return false;
}
const AUTHOR_BUCKET = 64;

/** Jaccard needed for a rewording, by how many slot kinds both sides state identically. */
/** The lowest Jaccard nearThreshold ever asks for. */
const MIN_NEAR_SIM = 0.4;

export function nearThreshold(shared: number): number {
  if (shared >= 3) return 0.4;
  if (shared === 2) return 0.5;
  if (shared === 1) return 0.6;
  return 0.7;
}

const compatibleAuthors = (a: string | null, b: string | null) => a === null || b === null || a === b;

function isPrefix(short: readonly string[], long: readonly string[]): boolean {
  if (short.length > long.length) return false;
  for (let i = 0; i < short.length; i++) if (short[i] !== long[i]) return false;
  return true;
}

const emptySlots = (s: Slots) => SLOT_KINDS.every((k) => s[k].length === 0);

interface Internal extends RepeatEntry {
  /** Known original authors of every repeat merged so far. */
  knownAuthors: Set<string>;
  statusIds: string[];
  fingerprints: string[];
  prefixKey: string | null;
  bands: number[];
  contacts: string[];
  /** slotSignature(slots): equal strings, equal slots. */
  slotSig: string;
  /** digitSignature(wordSet). */
  digitSig: string;
  /** digitHashOf(digitSig): what the near buckets hold beside each entry. */
  digitHash: number;
  /** Last near-duplicate lookup that considered this entry (each is scored once per lookup). */
  visit: number;
}

/**
 * A bucket of near-duplicate candidates: each entry's digit signature hash, then the entry, in one
 * array (one allocation for a new bucket). A lookup turns most candidates down on that number
 * alone, without reading the entries.
 */
type NearBucket = (number | Internal)[];

/** 30 bits: a small integer, stored in the bucket itself and compared without reading memory elsewhere. */
const digitHashOf = (digitSig: string) => hash32(digitSig) & 0x3fffffff;

export function createRepeatIndex(opts: RepeatIndexOptions = {}): RepeatIndex {
  const maxEntries = Math.max(1, opts.maxEntries ?? 200_000);
  const cap = Math.max(1, opts.bucketCap ?? 32);
  const lex = opts.lexicon ?? LEXICON;
  const entries = new Map<string, Internal>();
  const byStatus = new Map<string, Internal>();
  // Each exact text remembers who brought it in: "RT @a: X" and "RT @b: X" stay apart.
  const byFingerprint = new Map<string, { e: Internal; author: string | null }[]>();
  const byPrefix = new Map<string, Internal[]>();
  const byBand = new Map<number, NearBucket>();
  const byContact = new Map<string, NearBucket>();
  const authors = new Map<string, Internal[]>();
  let seq = 0;

  // Only a new entry is pushed, once per distinct bucket: it cannot be in the list yet.
  const push = (map: Map<string, Internal[]>, k: string, e: Internal, limit: number) => {
    const list = map.get(k);
    if (!list) map.set(k, [e]);
    else {
      list.push(e);
      if (list.length > limit) list.shift();
    }
  };
  const pull = (map: Map<string, Internal[]>, k: string, e: Internal) => {
    const list = map.get(k);
    if (!list) return;
    const i = list.indexOf(e);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) map.delete(k);
  };
  const pushNear = <K>(map: Map<K, NearBucket>, k: K, e: Internal) => {
    const b = map.get(k);
    if (!b) map.set(k, [e.digitHash, e]);
    else {
      b.push(e.digitHash, e);
      if (b.length > 2 * cap) {
        b.shift();
        b.shift();
      }
    }
  };
  const pullNear = <K>(map: Map<K, NearBucket>, k: K, e: Internal) => {
    const b = map.get(k);
    if (!b) return;
    const i = b.indexOf(e);
    if (i >= 1) b.splice(i - 1, 2);
    if (!b.length) map.delete(k);
  };
  /** The entry's digit signature changed: its near buckets must say so. */
  const redigit = <K>(map: Map<K, NearBucket>, keys: readonly K[], e: Internal) => {
    for (const k of keys) {
      const b = map.get(k);
      const i = b ? b.indexOf(e) : -1;
      if (b && i >= 1) b[i - 1] = e.digitHash;
    }
  };

  const prefixKeyOf = (a: Analysed) => {
    if (a.prefixKey === undefined) {
      const words = a.parsed.fullWords;
      a.prefixKey = words.length >= PREFIX_WORDS ? hash64Joined(words, PREFIX_WORDS, ' ') : null;
    }
    return a.prefixKey;
  };
  // The words as a list (duplicates change no minimum): no set iterator.
  const bandsOf = (a: Analysed) => (a.bands ??= minhashBands(a.parsed.fullWords));
  /** A complete text this short is never a near candidate (see nearScore), and its words never change. */
  const neverNear = (a: Analysed) => !a.parsed.truncated && a.wordSet.size < MIN_NEAR_WORDS;
  const contactsOf = (s: Slots) => (s.phones.length === 0 && s.handles.length === 0 ? [] : [...s.phones.map((p) => `p:${p}`), ...s.handles.map((h) => `h:${h}`)]);

  function evict(e: Internal) {
    entries.delete(e.key);
    for (const s of e.statusIds) if (byStatus.get(s) === e) byStatus.delete(s);
    for (const f of e.fingerprints) {
      const list = (byFingerprint.get(f) ?? []).filter((x) => x.e !== e);
      if (list.length) byFingerprint.set(f, list);
      else byFingerprint.delete(f);
    }
    if (e.prefixKey) pull(byPrefix, e.prefixKey, e);
    for (const b of e.bands) pullNear(byBand, b, e);
    for (const c of e.contacts) pullNear(byContact, c, e);
    if (e.author) pull(authors, e.author, e);
  }

  function create(a: Analysed, key?: string): Internal {
    const words = a.parsed.fullWords;
    const e: Internal = {
      key: key ?? `k${hash64Concat(a.author ?? '', '\u0002', a.fingerprint)}`,
      firstId: a.id,
      author: a.author,
      words,
      wordSet: a.wordSet,
      slots: a.reading.slots,
      names: a.reading.names,
      truncated: a.parsed.truncated,
      firstPostedAt: a.postedAt,
      count: 1,
      seq: seq++,
      knownAuthors: a.author ? new Set<string>().add(a.author) : new Set<string>(),
      statusIds: a.statusId ? [a.statusId] : [],
      fingerprints: [a.fingerprint],
      prefixKey: prefixKeyOf(a),
      bands: neverNear(a) ? [] : bandsOf(a),
      contacts: contactsOf(a.reading.slots),
      visit: 0,
      slotSig: a.slotSig,
      digitSig: a.digitSig,
      digitHash: digitHashOf(a.digitSig),
    };
    const old = entries.get(e.key);
    if (old) evict(old);
    entries.set(e.key, e);
    if (a.statusId) byStatus.set(a.statusId, e);
    addFingerprint(a.fingerprint, e, a.author);
    if (e.prefixKey) push(byPrefix, e.prefixKey, e, cap * 2);
    for (let i = 0; i < e.bands.length; i++) pushNear(byBand, e.bands[i] as number, e);
    for (let i = 0; i < e.contacts.length; i++) pushNear(byContact, e.contacts[i] as string, e);
    if (e.author) push(authors, e.author, e, AUTHOR_BUCKET);
    while (entries.size > maxEntries) {
      const oldest = entries.values().next().value;
      if (!oldest) break;
      evict(oldest);
      opts.onEvict?.(oldest.key);
    }
    return e;
  }

  function addFingerprint(f: string, e: Internal, author: string | null) {
    const list = byFingerprint.get(f);
    if (!list) byFingerprint.set(f, [{ e, author }]);
    else list.push({ e, author });
  }

  function findExact(a: Analysed): Internal | null {
    for (const x of byFingerprint.get(a.fingerprint) ?? []) if (compatibleAuthors(x.author, a.author)) return x.e;
    return null;
  }

  /** For inexact routes: no other known author may have joined already. */
  const joinable = (e: Internal, author: string | null) =>
    author === null || e.knownAuthors.size === 0 || (e.knownAuthors.size === 1 && e.knownAuthors.has(author));

  function findPrefix(a: Analysed): Internal | null {
    const words = a.parsed.fullWords;
    const key = prefixKeyOf(a);
    if (!key) return null;
    const list = byPrefix.get(key);
    if (!list) return null;
    const found = new Set<Internal>();
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as Internal;
      // One side must be cut short: two complete texts are never prefixes of each other here.
      if (!a.parsed.truncated && !e.truncated) continue;
      if (!joinable(e, a.author)) continue;
      let ok = false;
      if (a.parsed.truncated && isPrefix(words, e.words)) {
        ok = words.length >= Math.max(PREFIX_WORDS, 0.3 * e.words.length) && slotsWithin(a.reading.slots, e.slots);
      } else if (e.truncated && isPrefix(e.words, words)) {
        ok = e.words.length >= Math.max(PREFIX_WORDS, 0.3 * words.length) && slotsWithin(e.slots, a.reading.slots);
      }
      if (ok) found.add(e);
    }
    // Two different texts start with these words: the cut copy could be either, so keep it apart.
    return found.size === 1 ? ([...found][0] ?? null) : null;
  }

  /** Word similarity when `e` is a rewording of the message, else 0. The message is complete and has MIN_NEAR_WORDS words. */
  function nearScore(a: Analysed, e: Internal): number {
    if (e.truncated || e.wordSet.size < MIN_NEAR_WORDS) return 0;
    // Cheapest tests first: most candidates share a few words and nothing more.
    const small = Math.min(a.wordSet.size, e.wordSet.size);
    const big = Math.max(a.wordSet.size, e.wordSet.size);
    if (small / big < MIN_NEAR_SIM) return 0;
    const sameKnownAuthor = a.author !== null && a.author === e.author;
    // Different authors' messages must state the same slots (slotsEqual, as one string compare).
    if (!sameKnownAuthor && a.slotSig !== e.slotSig) return 0;
    // A word with a digit in one text and not the other: a changed number (see changesNumberOrName).
    if (a.digitSig !== e.digitSig) return 0;
    const sim = jaccard(a.wordSet, e.wordSet);
    if (sim < MIN_NEAR_SIM) return 0;
    if (!joinable(e, a.author)) return 0;
    if (sameKnownAuthor && slotConflict(a.reading.slots, e.slots) !== null) return 0;
    const shared = sharedSlots(a.reading.slots, e.slots) + (sameKnownAuthor ? 1 : 0);
    if (sim < nearThreshold(shared)) return 0;
    // A rewording may change wording, never a number or a name.
    if (changesNumberOrName(a.wordSet, e.wordSet, a.reading.names, e.names)) return 0;
    return sim;
  }

  let visit = 0;

  function findNear(a: Analysed): { entry: Internal; sim: number } | null {
    // Candidate-independent: a cut-short or very short message is never a rewording.
    if (a.parsed.truncated || a.wordSet.size < MIN_NEAR_WORDS) return null;
    const stamp = ++visit;
    const digitSig = a.digitSig;
    const digitHash = digitHashOf(digitSig);
    let best: { entry: Internal; sim: number } | null = null;
    const consider = (b: NearBucket | undefined) => {
      if (!b) return;
      // Indexed loops here and below: an array iterator allocates while the code is still cold.
      for (let i = 0; i < b.length; i += 2) {
        // nearScore's commonest refusal, tested first on the bucket's own numbers: most candidates of a busy
        // bucket (which shares a few common words with the message) differ in a number.
        if (b[i] !== digitHash) continue;
        const e = b[i + 1] as Internal;
        if (e.digitSig !== digitSig || e.visit === stamp) continue;
        e.visit = stamp;
        const sim = nearScore(a, e);
        if (sim > 0 && (!best || sim > best.sim || (sim === best.sim && e.seq < best.entry.seq))) best = { entry: e, sim };
      }
    };
    const bands = bandsOf(a);
    for (let i = 0; i < bands.length; i++) consider(byBand.get(bands[i] as number));
    const slots = a.reading.slots;
    if (slots.phones.length !== 0 || slots.handles.length !== 0) for (const c of contactsOf(slots)) consider(byContact.get(c));
    return best;
  }

  function match(a: Analysed): { entry: Internal; kind: MatchKind; sim: number } | null {
    const s = a.statusId ? byStatus.get(a.statusId) : undefined;
    if (s) return { entry: s, kind: 'status', sim: 1 };
    const x = findExact(a);
    if (x) return { entry: x, kind: 'exact', sim: 1 };
    const p = findPrefix(a);
    if (p) return { entry: p, kind: 'prefix', sim: jaccard(a.wordSet, p.wordSet) };
    const n = findNear(a);
    if (n) return { entry: n.entry, kind: 'near', sim: n.sim };
    return null;
  }

  function join(e: Internal, a: Analysed) {
    e.count += 1;
    if (a.postedAt !== null && (e.firstPostedAt === null || a.postedAt < e.firstPostedAt)) e.firstPostedAt = a.postedAt;
    if (a.statusId && !byStatus.has(a.statusId)) {
      byStatus.set(a.statusId, e);
      e.statusIds.push(a.statusId);
    }
    if (a.author) e.knownAuthors.add(a.author);
    if (!e.fingerprints.includes(a.fingerprint) && e.fingerprints.length < 16) {
      e.fingerprints.push(a.fingerprint);
      addFingerprint(a.fingerprint, e, a.author);
    }
    // A fuller version of a cut-short first message: compare later copies with it.
    if (e.truncated && a.parsed.fullWords.length > e.words.length && isPrefix(e.words, a.parsed.fullWords)) {
      e.words = a.parsed.fullWords;
      e.wordSet = a.wordSet;
      if (e.digitSig !== a.digitSig) {
        e.digitSig = a.digitSig;
        e.digitHash = digitHashOf(a.digitSig);
        redigit(byBand, e.bands, e);
        redigit(byContact, e.contacts, e);
      }
      e.slots = a.reading.slots;
      e.slotSig = a.slotSig;
      e.names = a.reading.names;
      e.truncated = a.parsed.truncated;
    }
  }

  function thinQuote(msg: Message, own: Analysed): boolean {
    return typeof msg.quotedText === 'string' && msg.quotedText.trim() !== '' && own.parsed.fullWords.length <= 12 && emptySlots(own.reading.slots);
  }

  function quotedAnalysis(msg: Message): Analysed {
    const q = analyse({ id: msg.id, text: msg.quotedText ?? '', author: msg.quotedAuthor ?? null, createdAt: null }, lex);
    q.statusId = null;
    return q;
  }

  function see(msg: Message): SeeResult {
    const own = analyse(msg, lex);
    let a = own;
    let quoted = false;
    if (thinQuote(msg, a) && !(a.statusId && byStatus.has(a.statusId))) {
      a = quotedAnalysis(msg);
      quoted = true;
    }
    const m = match(a);
    if (m) {
      join(m.entry, a);
      return { key: m.entry.key, duplicateOf: m.entry.firstId, match: quoted ? 'quote' : m.kind, similarity: m.sim, entry: m.entry, analysed: a, own };
    }
    const e = create(a);
    return { key: e.key, duplicateOf: null, match: null, similarity: 0, entry: e, analysed: a, own };
  }

  return {
    see,
    peek(msg) {
      let a = analyse(msg, lex);
      if (thinQuote(msg, a) && !(a.statusId && byStatus.has(a.statusId))) a = quotedAnalysis(msg);
      const m = match(a);
      if (m) return { key: m.entry.key, duplicateOf: m.entry.firstId, match: m.kind };
      return { key: `k${hash64Concat(a.author ?? '', '\u0002', a.fingerprint)}`, duplicateOf: null, match: null };
    },
    get: (key) => entries.get(key),
    byAuthor: (handle) => authors.get(handle.toLowerCase().replace(/^@/, '')) ?? [],
    restore(records) {
      let n = 0;
      for (const r of records) {
        if (!r || typeof r.key !== 'string' || typeof r.text !== 'string' || entries.has(r.key)) continue;
        const a = analyse({ id: r.firstId ?? r.key, text: r.text, author: r.author, createdAt: r.postedAt ?? null }, lex);
        create(a, r.key);
        n++;
      }
      return n;
    },
    get size() {
      return entries.size;
    },
  };
}

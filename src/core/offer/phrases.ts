// Matching of lexicon phrases against folded words. A phrase is one or more
// words; a word ending in "*" matches any word starting with it (German and
// Dutch compounds), one starting with "*" any word ending with it.

import { fold } from '../repeat/tokens';

interface Compiled<V> {
  words: string[];
  value: V;
  /** The words joined, as reported in a match. */
  phrase: string;
}

export interface PhraseMatch<V> {
  start: number;
  length: number;
  value: V;
  phrase: string;
}

export interface PhraseSet<V> {
  /** Every match, longest first at each position; overlapping matches are kept. */
  find(words: readonly string[]): PhraseMatch<V>[];
  /** True when the phrase list holds the single word. */
  hasWord(word: string): boolean;
  size: number;
}

function wordMatches(pattern: string, word: string): boolean {
  if (pattern.length > 1 && pattern.endsWith('*')) return word.startsWith(pattern.slice(0, -1));
  if (pattern.length > 1 && pattern.startsWith('*')) return word.endsWith(pattern.slice(1));
  return pattern === word;
}

// One message's words are searched by about ten phrase sets. Instead of one map
// lookup per word per set, every set registers its first words here under a bit
// of its own: the words are looked up once, and a set only looks further at the
// words whose mask holds its bit.
const MASK_BITS = 30;
const firstWordMasks = new Map<string, number>();
let setsWithBit = 0;
/** Bumped whenever a set registers: masks computed before are stale. */
let maskVersion = 0;

/** The masks of the last words array seen, and a copy of its words to tell whether it is still the same. */
let lastWords: readonly string[] | null = null;
let lastCopy: readonly string[] = [];
const NO_COPY: readonly string[] = [];
let lastMasks: number[] = [];
/** Every bit of lastMasks together: a set whose bit is not in it has no match in those words. */
let lastAny = 0;
let lastVersion = -1;

function masksOf(words: readonly string[]): number[] {
  const n = words.length;
  if (words === lastWords && lastVersion === maskVersion) {
    // A frozen array cannot have changed (the repeat tracker freezes the words it reads several times).
    if (Object.isFrozen(words)) return lastMasks;
    let same = lastCopy.length === n;
    for (let i = 0; i < n && same; i++) same = words[i] === lastCopy[i];
    if (same) return lastMasks;
  }
  const masks: number[] = new Array<number>(n);
  let any = 0;
  for (let i = 0; i < n; i++) {
    const m = firstWordMasks.get(words[i] as string) ?? 0;
    masks[i] = m;
    any |= m;
  }
  lastAny = any;
  lastWords = words;
  // A frozen list is never compared (see above): no copy of it is needed.
  lastCopy = Object.isFrozen(words) ? NO_COPY : words.slice();
  lastMasks = masks;
  lastVersion = maskVersion;
  return masks;
}

/** What find returns without a match: one shared, frozen empty list (callers only read it). */
const NO_MATCHES: readonly never[] = Object.freeze([]);

const listBits = new WeakMap<object, number>();

/**
 * A mask bit for a plain word list (the keys of a lexicon map or set, which
 * never change once built), given on first use: `wordMasks(words)[i] & bit`
 * is then 0 for every word not in the list. 0 when no bit is left: then every
 * word must be looked up.
 */
export function wordListBit(list: ReadonlyMap<string, unknown> | ReadonlySet<string>): number {
  let bit = listBits.get(list);
  if (bit === undefined) {
    bit = setsWithBit < MASK_BITS ? 1 << setsWithBit++ : 0;
    if (bit !== 0) {
      for (const w of list.keys()) firstWordMasks.set(w, (firstWordMasks.get(w) ?? 0) | bit);
      maskVersion++;
    }
    listBits.set(list, bit);
  }
  return bit;
}

/** For each word, the bits of the phrase sets it starts a phrase of and of the word lists that hold it. */
export function wordMasks(words: readonly string[]): readonly number[] {
  return masksOf(words);
}

/** Every bit of wordMasks(words) together. */
export function wordMasksAny(words: readonly string[]): number {
  masksOf(words);
  return lastAny;
}

export function compilePhrases<V>(entries: Iterable<[string, V]>): PhraseSet<V> {
  const byFirst = new Map<string, Compiled<V>[]>();
  const wild: Compiled<V>[] = [];
  let size = 0;
  for (const [text, value] of entries) {
    const wildStart = text.trim().startsWith('*');
    const wildEnd = text.trim().endsWith('*');
    const words = fold(text).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    if (wildStart) words[0] = `*${words[0]}`;
    if (wildEnd) words[words.length - 1] = `${words[words.length - 1]}*`;
    const c = { words, value, phrase: words.join(' ') };
    size += 1;
    const first = words[0] ?? '';
    if (first.includes('*')) wild.push(c);
    else {
      const list = byFirst.get(first) ?? [];
      list.push(c);
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  // Sets beyond MASK_BITS (only ever built by tests) look every word up themselves.
  const bit = setsWithBit < MASK_BITS ? 1 << setsWithBit++ : 0;
  if (bit !== 0) {
    for (const first of byFirst.keys()) firstWordMasks.set(first, (firstWordMasks.get(first) ?? 0) | bit);
    maskVersion++;
  }

  function matchAt(words: readonly string[], i: number, cands: readonly Compiled<V>[], found: PhraseMatch<V>[] | null): PhraseMatch<V>[] | null {
    let out = found;
    // The first word is equal (it has no "*"): compare the rest.
    const n = words.length;
    for (let k = 0; k < cands.length; k++) {
      const c = cands[k] as Compiled<V>;
      const len = c.words.length;
      if (i + len > n) continue;
      let ok = true;
      for (let j = 1; j < len && ok; j++) ok = wordMatches(c.words[j] as string, words[i + j] as string);
      if (ok) (out ??= []).push({ start: i, length: len, value: c.value, phrase: c.phrase });
    }
    return out;
  }

  return {
    size,
    hasWord: (word) => (byFirst.get(word) ?? []).some((c) => c.words.length === 1) || wild.some((c) => c.words.length === 1 && wordMatches(c.words[0] ?? '', word)),
    find(words) {
      // Runs for every message, several times: no allocation but the matches (none at all without one).
      let out: PhraseMatch<V>[] | null = null;
      const n = words.length;
      const wilds = wild.length;
      const masks = bit !== 0 ? masksOf(words) : null;
      // No word starts a phrase of this set: nothing to look at (unless it has "*" phrases, read below).
      if (masks !== null && wilds === 0 && (lastAny & bit) === 0) return NO_MATCHES as unknown as PhraseMatch<V>[];
      for (let i = 0; i < n; i++) {
        if (masks === null || ((masks[i] as number) & bit) !== 0) {
          const cands = byFirst.get(words[i] as string);
          if (cands !== undefined) out = matchAt(words, i, cands, out);
        }
        for (let k = 0; k < wilds; k++) {
          const c = wild[k] as Compiled<V>;
          const len = c.words.length;
          if (i + len > n) continue;
          let ok = true;
          for (let j = 0; j < len && ok; j++) ok = wordMatches(c.words[j] ?? '', words[i + j] ?? '');
          if (ok) (out ??= []).push({ start: i, length: len, value: c.value, phrase: c.phrase });
        }
      }
      return out ?? (NO_MATCHES as unknown as PhraseMatch<V>[]);
    },
  };
}

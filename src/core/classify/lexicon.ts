// Compiles the per-language lexicon files (data/lexicons/*.json) into lookup
// tables: exact words, prefixes ("gebed*"), suffixes ("*unterkunft"), phrases
// ("thoughts and prayers") and hashtag-only patterns ("#prayfor*"). Patterns are
// folded by the same tokenizer as messages, so a linguist writes words as they
// are spelled ("Schlafplätze", "l'aide") and matching ignores case and accents.
import { foldText } from '../text/fold';
import { tokenize } from '../text/tokenize';
import { newTrie, trieAdd, trieCollect, type TrieNode } from '../text/trie';

export const LEXICON_LANGS = ['en', 'nl', 'fr', 'de', 'es', 'it'] as const;
export type LexiconLang = (typeof LEXICON_LANGS)[number];
export const ALL_LANGS_MASK = (1 << LEXICON_LANGS.length) - 1;

export interface LexiconFile {
  /** Language code, or "*" for entries that hold in every language (emoji, numbers). */
  lang: string;
  stopwords?: string[];
  concepts: Record<string, string[]>;
}

const EXACT = 0;
const PREFIX = 1;
const SUFFIX = 2;

interface Part {
  text: string;
  mode: number;
}

interface Entry {
  concept: number;
  mask: number;
  /** Parts after the first one, for phrases. */
  rest: Part[];
  tagOnly: boolean;
}

/** A unit the matcher walks: a word, number or emoji, or one word of a hashtag. */
export interface Unit {
  norm: string;
  inTag: boolean;
  /** Index of the token it comes from. */
  token: number;
  /** What the lexicon knows about norm; filled by resolveUnits. */
  info?: WordInfo;
}

export interface CompiledLexicon {
  concepts: string[];
  exact: Map<string, Entry[]>;
  prefix: TrieNode<Entry>;
  suffix: TrieNode<Entry>;
  tagExact: Map<string, Entry[]>;
  tagPrefix: TrieNode<Entry>;
  tagSuffix: TrieNode<Entry>;
  stopwords: Map<string, number>;
  /** Entries that could not be compiled, with the reason; empty when the data is sound. */
  problems: string[];
  /** Every entry by concept and pattern, to merge repeats. */
  seen: Map<string, Entry>;
}

export function langBit(lang: string | null | undefined): number {
  if (!lang) return 0;
  const code = lang.slice(0, 2).toLowerCase();
  const i = (LEXICON_LANGS as readonly string[]).indexOf(code);
  return i < 0 ? 0 : 1 << i;
}

function parsePart(raw: string): Part[] | null {
  let text = raw;
  let lead = false;
  let trail = false;
  if (text.startsWith('*')) {
    lead = true;
    text = text.slice(1);
  }
  if (text.endsWith('*')) {
    trail = true;
    text = text.slice(0, -1);
  }
  const toks = tokenize(text).map((t) => t.norm);
  if (toks.length === 0) return null;
  const parts = toks.map((t) => ({ text: t, mode: EXACT }));
  if (lead) (parts[0] as Part).mode = SUFFIX;
  if (trail) (parts[parts.length - 1] as Part).mode = PREFIX;
  if (lead && trail && parts.length === 1) return null; // infix matching is not supported
  return parts;
}

function addTo(map: Map<string, Entry[]>, key: string, e: Entry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function emptyLexicon(): CompiledLexicon {
  return {
    concepts: [],
    exact: new Map(),
    prefix: newTrie(),
    suffix: newTrie(),
    tagExact: new Map(),
    tagPrefix: newTrie(),
    tagSuffix: newTrie(),
    stopwords: new Map(),
    problems: [],
    seen: new Map(),
  };
}

/** The compilation, one pattern per step (see compileLexiconsPartly). */
function* compileSteps(lex: CompiledLexicon, files: LexiconFile[]): Generator<void, void, void> {
  const conceptIndex = new Map<string, number>();
  for (const file of files) {
    const mask = file.lang === '*' ? ALL_LANGS_MASK : langBit(file.lang);
    if (mask === 0) {
      lex.problems.push(`unknown language "${file.lang}"`);
      continue;
    }
    for (const w of file.stopwords ?? []) {
      const norm = foldText(w);
      lex.stopwords.set(norm, (lex.stopwords.get(norm) ?? 0) | mask);
    }
    for (const [concept, patterns] of Object.entries(file.concepts)) {
      if (concept.startsWith('_')) continue; // "_comment" keys
      let idx = conceptIndex.get(concept);
      if (idx === undefined) {
        idx = lex.concepts.length;
        lex.concepts.push(concept);
        conceptIndex.set(concept, idx);
      }
      for (const pattern of patterns) {
        addPattern(lex, pattern, idx, mask, `${file.lang}/${concept}`);
        yield;
      }
    }
  }
}

// Compilations started by compileLexiconsPartly, by files array, for compileLexicons to finish.
const started = new WeakMap<LexiconFile[], { lex: CompiledLexicon; steps: Generator<void, void, void> }>();

/**
 * Compiles up to maxPatterns more patterns of files now; true when all are done.
 * A page spreads the compilation over several short tasks this way, and
 * compileLexicons(files), with the same array, then finishes and returns it.
 */
export function compileLexiconsPartly(files: LexiconFile[], maxPatterns: number): boolean {
  let run = started.get(files);
  if (!run) {
    const lex = emptyLexicon();
    run = { lex, steps: compileSteps(lex, files) };
    started.set(files, run);
  }
  for (let n = 0; n < maxPatterns; n++) if (run.steps.next().done) return true;
  return false;
}

export function compileLexicons(files: LexiconFile[]): CompiledLexicon {
  const run = started.get(files);
  started.delete(files);
  const lex = run ? run.lex : emptyLexicon();
  const steps = run ? run.steps : compileSteps(lex, files);
  while (!steps.next().done);
  return lex;
}

function addPattern(lex: CompiledLexicon, pattern: string, concept: number, mask: number, where: string): void {
  const p = pattern.trim();
  if (p.startsWith('#')) {
    const body = p.slice(1);
    const lead = body.startsWith('*');
    const trail = body.endsWith('*');
    const key = foldText(body.replace(/\*/g, '')).replace(/[^\p{L}\p{N}]/gu, '');
    if (key.length < ((lead || trail) ? 3 : 2) || (lead && trail)) {
      lex.problems.push(`${where}: hashtag pattern "${pattern}" is too short or has stars on both ends`);
      return;
    }
    const tagKey = `#${concept}\u0000${lead ? '*' : ''}${key}${trail ? '*' : ''}`;
    const seenTag = lex.seen.get(tagKey);
    if (seenTag) {
      seenTag.mask |= mask;
      return;
    }
    const e: Entry = { concept, mask, rest: [], tagOnly: true };
    lex.seen.set(tagKey, e);
    if (lead) trieAdd(lex.tagSuffix, key, e, true);
    else if (trail) trieAdd(lex.tagPrefix, key, e, false);
    else addTo(lex.tagExact, key, e);
    return;
  }
  const parts: Part[] = [];
  for (const raw of p.split(/\s+/)) {
    if (raw === '') continue;
    const got = parsePart(raw);
    if (!got) {
      lex.problems.push(`${where}: cannot read "${pattern}"`);
      return;
    }
    parts.push(...got);
  }
  const first = parts[0];
  if (!first) {
    lex.problems.push(`${where}: empty pattern`);
    return;
  }
  if (first.mode !== EXACT && first.text.length < 3) {
    lex.problems.push(`${where}: "${pattern}" needs at least 3 letters before or after the star`);
    return;
  }
  // The same entry twice (e.g. "schlafplätze" and "schlafplatze", or a word listed in two languages) is
  // kept once, for the union of their languages, so a match is never reported twice.
  const key = `${concept}\u0000${parts.map((q) => `${q.mode}${q.text}`).join(' ')}`;
  const seen = lex.seen.get(key);
  if (seen) {
    seen.mask |= mask;
    return;
  }
  const e: Entry = { concept, mask, rest: parts.slice(1), tagOnly: false };
  lex.seen.set(key, e);
  if (first.mode === PREFIX) trieAdd(lex.prefix, first.text, e, false);
  else if (first.mode === SUFFIX) trieAdd(lex.suffix, first.text, e, true);
  else addTo(lex.exact, first.text, e);
}

function partMatches(part: Part, norm: string): boolean {
  if (part.mode === EXACT) return norm === part.text;
  if (part.mode === PREFIX) return norm.startsWith(part.text);
  return norm.endsWith(part.text);
}

/** What a word can start: entries whose first part it matches, and the languages it is a stopword of. */
export interface WordInfo {
  entries: Entry[];
  stop: number;
}

const NO_ENTRIES: Entry[] = [];
/**
 * Words seen before (most tweets reuse a small vocabulary); cleared when it grows past CACHE_MAX, which numbers
 * and names reach on a long scroll. Sized above a crisis's working vocabulary (5,000 CrisisLexT26 tweets hold
 * 10,000-15,000 distinct words; a smaller cache is cleared every few hundred tweets and classifies ~25% slower).
 * Most words are in no lexicon: they share one record, so an entry costs little more than its key.
 */
const CACHE_MAX = 25_000;
const UNKNOWN: WordInfo = Object.freeze({ entries: NO_ENTRIES, stop: 0 });
const wordCache = new WeakMap<CompiledLexicon, Map<string, WordInfo>>();

function lookupWord(lex: CompiledLexicon, cache: Map<string, WordInfo>, norm: string): WordInfo {
  const hit = cache.get(norm);
  if (hit !== undefined) return hit;
  const exact = lex.exact.get(norm);
  let entries: Entry[] | null = exact && exact.length > 0 ? exact.slice() : null;
  if (norm.length >= 3) {
    entries = trieCollect(lex.prefix, norm, false, entries);
    entries = trieCollect(lex.suffix, norm, true, entries);
  }
  const stop = lex.stopwords.get(norm) ?? 0;
  const info: WordInfo = entries === null && stop === 0 ? UNKNOWN : { entries: entries ?? NO_ENTRIES, stop };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(norm, info);
  return info;
}

/** Look every unit's word up once; matchUnits and countStopwords then reuse it. */
export function resolveUnits(lex: CompiledLexicon, units: Unit[]): void {
  const cache = cacheFor(lex);
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    u.info = lookupWord(lex, cache, u.norm);
  }
}

function cacheFor(lex: CompiledLexicon): Map<string, WordInfo> {
  let cache = wordCache.get(lex);
  if (!cache) {
    cache = new Map();
    wordCache.set(lex, cache);
  }
  return cache;
}

/**
 * Append (concept, first unit, last unit) to out for every lexicon entry
 * matching at some unit. Entries whose languages are
 * not in mask are skipped. Cost per unit: one cached lookup (a map lookup and
 * two trie walks bounded by the word's length the first time a word is seen),
 * plus phrase checks bounded by the phrase length.
 */
export function matchUnits(lex: CompiledLexicon, units: Unit[], mask: number, out: number[]): void {
  const cache = cacheFor(lex);
  const n = units.length;
  for (let i = 0; i < n; i++) {
    const u = units[i] as Unit;
    const entries = (u.info ?? lookupWord(lex, cache, u.norm)).entries;
    for (let j = 0; j < entries.length; j++) {
      const e = entries[j] as Entry;
      if ((e.mask & mask) === 0) continue;
      const rest = e.rest;
      if (rest.length === 0) {
        out.push(e.concept, i, i);
        continue;
      }
      if (i + rest.length >= n) continue;
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) ok = partMatches(rest[k] as Part, (units[i + 1 + k] as Unit).norm);
      if (ok) out.push(e.concept, i, i + rest.length);
    }
  }
}

/** Hashtag entries matching a whole hashtag, in matching order, whatever their languages (crisis tags repeat). */
const tagCache = new WeakMap<CompiledLexicon, Map<string, Entry[]>>();
const TAG_CACHE_MAX = 5000;

/** Append the concept of every hashtag-only entry matching a whole hashtag (folded, without '#'). */
export function matchHashtag(lex: CompiledLexicon, norm: string, mask: number, out: number[]): void {
  let cache = tagCache.get(lex);
  if (!cache) {
    cache = new Map();
    tagCache.set(lex, cache);
  }
  let entries = cache.get(norm);
  if (entries === undefined) {
    const exact = lex.tagExact.get(norm);
    let found: Entry[] | null = exact && exact.length > 0 ? exact.slice() : null;
    found = trieCollect(lex.tagPrefix, norm, false, found);
    found = trieCollect(lex.tagSuffix, norm, true, found);
    entries = found ?? NO_ENTRIES;
    if (cache.size >= TAG_CACHE_MAX) cache.clear();
    cache.set(norm, entries);
  }
  for (let i = 0; i < entries.length; i++) if (((entries[i] as Entry).mask & mask) !== 0) out.push((entries[i] as Entry).concept);
}

/** Languages whose stopwords occur, as counts per language bit index. */
export function countStopwords(lex: CompiledLexicon, units: Unit[], counts: Int32Array): void {
  counts.fill(0);
  const cache = cacheFor(lex);
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (u.inTag) continue;
    const m = (u.info ?? lookupWord(lex, cache, u.norm)).stop;
    if (m === 0) continue;
    for (let b = 0; b < counts.length; b++) if (m & (1 << b)) counts[b] = (counts[b] as number) + 1;
  }
}

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
  return {
    size,
    hasWord: (word) => (byFirst.get(word) ?? []).some((c) => c.words.length === 1) || wild.some((c) => c.words.length === 1 && wordMatches(c.words[0] ?? '', word)),
    find(words) {
      // Runs for every message, several times: no allocation but the matches.
      const out: PhraseMatch<V>[] = [];
      const n = words.length;
      const wilds = wild.length;
      for (let i = 0; i < n; i++) {
        const cands = byFirst.get(words[i] as string);
        if (cands !== undefined) {
          // The first word is equal (it has no "*"): compare the rest.
          for (let k = 0; k < cands.length; k++) {
            const c = cands[k] as Compiled<V>;
            const len = c.words.length;
            if (i + len > n) continue;
            let ok = true;
            for (let j = 1; j < len && ok; j++) ok = wordMatches(c.words[j] as string, words[i + j] as string);
            if (ok) out.push({ start: i, length: len, value: c.value, phrase: c.phrase });
          }
        }
        for (let k = 0; k < wilds; k++) {
          const c = wild[k] as Compiled<V>;
          const len = c.words.length;
          if (i + len > n) continue;
          let ok = true;
          for (let j = 0; j < len && ok; j++) ok = wordMatches(c.words[j] ?? '', words[i + j] ?? '');
          if (ok) out.push({ start: i, length: len, value: c.value, phrase: c.phrase });
        }
      }
      return out;
    },
  };
}

// Which lexicons to apply to a message: the language X declares, the one whose
// stopwords dominate, and English (its hashtags and phrases are everywhere).
import { ALL_LANGS_MASK, LEXICON_LANGS, countStopwords, langBit, type CompiledLexicon, type Unit } from './lexicon';

/** Language tags that name no language: undetermined, no linguistic content, several, artificial. */
const NOT_A_LANGUAGE = new Set(['und', 'zxx', 'art', 'mul']);

const EN_BIT = langBit('en');
const stopCounts = new Int32Array(LEXICON_LANGS.length);

export interface LanguageChoice {
  /** Lexicon languages to match (bit mask over LEXICON_LANGS). */
  mask: number;
  /** Best guess of the language, or null. */
  lang: string | null;
}

/** What a declared tag says, worked out once per tag (X uses a few dozen). */
interface Declared {
  bit: number;
  lang: string | null;
  unsupported: boolean;
}
const declaredCache = new Map<string, Declared>();

function declaredOf(tag: string): Declared {
  let d = declaredCache.get(tag);
  if (d === undefined) {
    const bit = langBit(tag);
    d = { bit, lang: bit !== 0 ? tag.slice(0, 2).toLowerCase() : null, unsupported: unsupportedTag(tag) };
    if (declaredCache.size >= 500) declaredCache.clear();
    declaredCache.set(tag, d);
  }
  return d;
}

/** Languages to match: the declared one, the one whose stopwords dominate, English; all when unsure. */
export function chooseLanguages(lex: CompiledLexicon, units: Unit[], declared: string | null | undefined): LanguageChoice {
  countStopwords(lex, units, stopCounts);
  let best = -1;
  let bestCount = 0;
  for (let b = 0; b < stopCounts.length; b++) {
    const c = stopCounts[b] as number;
    if (c > bestCount) {
      best = b;
      bestCount = c;
    }
  }
  const d = declared ? declaredOf(declared) : null;
  const declaredBit = d !== null ? d.bit : 0;
  let mask = declaredBit | EN_BIT;
  // Tied or weak evidence: take every language reaching the best count.
  if (bestCount > 0) for (let b = 0; b < stopCounts.length; b++) if ((stopCounts[b] as number) === bestCount) mask |= 1 << b;
  let lang: string | null = null;
  if (declaredBit !== 0) lang = (d as Declared).lang;
  else if (best >= 0) lang = LEXICON_LANGS[best] as string;
  if (declaredBit === 0 && bestCount < 2) mask = ALL_LANGS_MASK; // short or unknown: no language can be excluded
  return { mask, lang };
}

/**
 * X's tag names a real language that no lexicon covers (Tagalog, Portuguese...).
 * It is trusted even when a few stopwords look Spanish or French: those
 * languages share many of them.
 */
export function isUnsupportedTag(tag: string | null | undefined): boolean {
  if (typeof tag !== 'string') return false;
  return tag !== '' && declaredOf(tag).unsupported;
}

function unsupportedTag(tag: string): boolean {
  const t = tag.toLowerCase();
  return langBit(t) === 0 && /^[a-z]{2,3}(-|$)/.test(t) && !NOT_A_LANGUAGE.has(t.slice(0, 3)) && !t.startsWith('q');
}

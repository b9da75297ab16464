// Headlines capitalise every word ("Colorado Is On Fire"): capitals then say
// nothing about which words are names or places. Prose, German included,
// writes its short words (in, on, is, de, für) in lower case mid-sentence.

import type { Token } from '../repeat/tokens';

export function titleCased(tokens: readonly Token[]): boolean {
  const short = tokens.filter((t) => t.type === 'word' && !t.sentenceStart && t.raw.length >= 2 && t.raw.length <= 3 && !t.allCaps);
  if (short.length < 2) return false;
  return short.filter((t) => t.capitalised).length / short.length >= 0.5;
}

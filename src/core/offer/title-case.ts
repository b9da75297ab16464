// Headlines capitalise every word ("Colorado Is On Fire"): capitals then say
// nothing about which words are names or places. Prose, German included,
// writes its short words (in, on, is, de, für) in lower case mid-sentence.

import type { Token } from '../repeat/tokens';

export function titleCased(tokens: readonly Token[]): boolean {
  // Counted, not filtered: this runs for every message.
  let short = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (t.type !== 'word' || t.sentenceStart || t.raw.length < 2 || t.raw.length > 3 || t.allCaps) continue;
    short++;
    if (t.capitalised) capitalised++;
  }
  if (short < 2) return false;
  return capitalised / short >= 0.5;
}

// What an offer gives, from the kind words in data/offer/<lang>.json. A longer
// phrase weighs more ("room in my car" is transport, not a room); a tie goes
// to the kind listed first in OFFER_KINDS, so shelter wins over hands.

import { OFFER_KINDS, type OfferKind } from '../types';
import type { Lexicon } from './lexicon';
import type { PhraseMatch } from './phrases';

export function kindScores(words: readonly string[], lex: Lexicon): Map<OfferKind, number> {
  const scores = new Map<OfferKind, number>();
  const found = lex.kinds.find(words);
  for (let i = 0; i < found.length; i++) {
    const m = found[i] as PhraseMatch<OfferKind>;
    scores.set(m.value, (scores.get(m.value) ?? 0) + m.length);
  }
  return scores;
}

export function offerKind(words: readonly string[], lex: Lexicon): OfferKind {
  const scores = kindScores(words, lex);
  let best: OfferKind = 'other';
  let bestScore = 0;
  for (const k of OFFER_KINDS) {
    const s = scores.get(k) ?? 0;
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  }
  return best;
}

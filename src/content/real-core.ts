// The pure core wired for the content script: the classifier and the repeat
// tracker (message keys, near-duplicates, offers closed by a later message).
import { classify } from '../core/classify/classify';
import { createRepeatTracker } from '../core/repeat/stream';
import type { TriageCore } from './core';

export const realCore: TriageCore = {
  classify,
  tracker(now) {
    // Bounded: a long session on one tab must not grow without limit.
    const t = createRepeatTracker({ now, maxEntries: 20_000 });
    return { see: (msg, isOffer) => t.see(msg, isOffer), offer: (msg, key) => t.offer(msg, key) };
  },
};

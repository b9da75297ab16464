// The pure core wired for the content script: the classifier and the repeat
// tracker (message keys, near-duplicates, offers closed by a later message).
// Loaded on demand: the bundler wraps these modules in lazy initialisers, so
// their data (model, lexicons) is only built on a page in scope, never on the
// rest of x.com.
import type { TriageCore } from './core';

let loading: Promise<TriageCore> | null = null;

export function loadCore(): Promise<TriageCore> {
  loading ??= Promise.all([import('../core/classify/classify'), import('../core/repeat/stream')]).then(([{ classify }, { createRepeatTracker }]) => ({
    classify,
    tracker(now) {
      // Bounded: a long session on one tab must not grow without limit.
      const t = createRepeatTracker({ now, maxEntries: 20_000 });
      return { see: (msg, isOffer) => t.see(msg, isOffer), offer: (msg, key) => t.offer(msg, key) };
    },
  }));
  return loading;
}

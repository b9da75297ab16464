// Gives a tab's repeat tracker the offers the store already holds, so that a
// rewording of an offer from an earlier visit gets that offer's key: it is
// marked "seen before" and joins the offer's entry on the board instead of
// making a second one. Only keys change; nothing is hidden that would not be
// hidden within one visit.
import { isRecentOffer, type RecentOffer } from '../shared/messages';
import type { RepeatTracker } from './core';
import { later } from './observe';

/** Offers taken in per tab, most recently seen first: each costs a reading of its text (about 0.3 ms while the code is cold). */
export const SEED_OFFERS = 200;
/** Time given to seeding in one task, ms: the page stays responsive while a tab starts. */
export const SEED_SLICE_MS = 6;

/**
 * Asks for the offers (`ask` answers null when the store cannot), then feeds them to the tracker,
 * oldest first as they were first seen, a slice per task. Resolves with how many the tracker took.
 */
export async function seedTracker(
  tracker: RepeatTracker,
  ask: (limit: number) => Promise<unknown[] | null>,
  signal: AbortSignal,
  sliceMs = SEED_SLICE_MS,
): Promise<number> {
  const restore = tracker.restore;
  if (!restore || signal.aborted) return 0;
  const answer = await ask(SEED_OFFERS);
  if (!answer || signal.aborted) return 0;
  const offers = answer.filter(isRecentOffer).slice(0, SEED_OFFERS).reverse();
  let taken = 0;
  let next = 0;
  return new Promise((resolve) => {
    const slice = () => {
      try {
        const end = performance.now() + sliceMs;
        // At least one per task, so that a slow machine still gets through the list.
        do {
          const o = offers[next++] as RecentOffer;
          taken += restore.call(tracker, [{ key: o.key, text: o.text, author: o.author, firstId: o.statusId ?? undefined, postedAt: o.postedAt }]);
        } while (next < offers.length && performance.now() < end);
      } catch (e) {
        // The guard around this task counts the failure; the tracker keeps what it took.
        resolve(taken);
        throw e;
      }
      if (next < offers.length && !signal.aborted) later(0, slice, signal);
      else resolve(taken);
    };
    if (offers.length === 0) resolve(0);
    else later(0, slice, signal);
    // A tab left while seeding: the promise settles with what was taken.
    signal.addEventListener('abort', () => resolve(taken), { once: true });
  });
}

// The content script's view of the pure core: classify a message, key it for
// repeats (and learn which offers a message closes), read an offer's details. A small interface, so the session is unit
// tested with a fake core and the real modules are wired in one place.
import type { RestoreRecord } from '../core/repeat/index';
import type { Classification, Message, OfferDetails } from '../core/types';

export interface RepeatTracker {
  /**
   * Records the message; its key is the same for every repeat of one message. `closes`: offer keys it closes
   * ("full"); `reopens`: offer keys closed before that are open again (the "full" turned out to be unclear).
   */
  see(msg: Message, isOffer: boolean): { key: string; closes: string[]; reopens?: string[] };
  /** Details of an offer already seen under `key` (kind, contact, open/closed/stale); null when none can be read. */
  offer(msg: Message, key: string): OfferDetails | null;
  /** Takes in messages already keyed (offers from the store): a later repeat of one gets its key. Answers how many it took. */
  restore?(records: readonly RestoreRecord[]): number;
}

export interface TriageCore {
  /** Label, confidence and sympathyOnly; the cues may be left empty (the page never shows them). */
  classify(msg: Message): Classification;
  /** A fresh repeat tracker (one per page load: keys stay stable across the pages of a visit). */
  tracker(now: () => number): RepeatTracker;
}

/** 32-bit FNV-1a, as hex: short keys for text without a status id. */
export function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Text reduced to what a copy keeps: no "RT @x:", links, mentions, case, accents or punctuation. */
export function plainKeyText(text: string): string {
  return text
    .replace(/^\s*(RT|MT)\s+@\w+:?\s*/i, '')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\w+/g, ' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Exact-copy keys: what the repeat core refines with near-duplicates. */
export function exactTracker(): RepeatTracker {
  return { see: (msg) => ({ key: `x${fnv(plainKeyText(msg.text))}`, closes: [] }), offer: () => null };
}

/**
 * Stand-in for tests and for a core that failed to load: shows everything
 * (label "info" is never hidden by a filter) and keys exact copies.
 */
export const neutralCore: TriageCore = {
  classify: () => ({ label: 'info', confidence: 0, cues: [], sympathyOnly: false }),
  tracker: exactTracker,
};

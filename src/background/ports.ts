// What the background needs from the store and from session storage, as small
// interfaces: the message handler is tested with in-memory versions, and the
// real store is wired in index.ts.
import type { OfferStatusChange, RecentOffer, SightingInput, TabStatus } from '../shared/messages';

export interface SightingStore {
  /** Stores sightings (one write for the batch); returns how many were stored. */
  recordSightings(sightings: SightingInput[]): Promise<number>;
  /** Marks stored offers closed or open again, in order; returns how many stored offers changed. */
  setOfferStatuses(changes: OfferStatusChange[]): Promise<number>;
  /** Of `keys`, those with a sighting displayed before `since` (epoch ms). */
  seenBefore(keys: string[], since: number): Promise<string[]>;
  /** The offers seen most recently, at most `limit`, newest first (for the content script's repeat tracker). */
  recentOffers(limit: number): Promise<RecentOffer[]>;
}

export interface StatusStore {
  get(tabId: number): Promise<TabStatus | null>;
  set(tabId: number, status: TabStatus): Promise<void>;
  remove(tabId: number): Promise<void>;
}

/** A storage area as the browser gives it (storage.session, storage.local). */
export interface Area {
  get(key: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

// The store as the background's SightingStore port (src/background/ports.ts):
// the handler there turns a rejected promise into an { ok: false, error } reply,
// so a full disk reaches the user as a message, never as an exception in a page.

import type { OfferStatusChange, RecentOffer, SightingInput } from '../shared/messages';
import { announceOffersChanged } from './changes';
import { recentOffers, seenBefore } from './queries';
import { recordSightings } from './sightings';
import { setOfferStatuses } from './statuses';
import type { TriageDB } from './schema';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly quota: boolean,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface SightingPort {
  recordSightings(sightings: SightingInput[]): Promise<number>;
  seenBefore(keys: string[], since: number): Promise<string[]>;
  recentOffers(limit: number): Promise<RecentOffer[]>;
  setOfferStatuses(changes: OfferStatusChange[]): Promise<number>;
}

export function sightingPort(db: TriageDB): SightingPort {
  return {
    async recordSightings(sightings) {
      const r = await recordSightings(db, sightings);
      if (!r.ok) throw new StoreError(r.error, r.quota);
      return r.value.stored;
    },
    async seenBefore(keys, since) {
      const r = await seenBefore(db, keys, since);
      if (!r.ok) throw new StoreError(r.error, r.quota);
      return r.value;
    },
    async setOfferStatuses(changes) {
      const r = await setOfferStatuses(db, changes);
      if (!r.ok) throw new StoreError(r.error, r.quota);
      if (r.value > 0) announceOffersChanged();
      return r.value;
    },
    async recentOffers(limit) {
      const r = await recentOffers(db, limit);
      if (!r.ok) throw new StoreError(r.error, r.quota);
      return r.value;
    },
  };
}

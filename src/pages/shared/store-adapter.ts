// Maps the store's records to what the pages show. Kept thin: the store owns
// the data and its rules; this file only translates.

import type { BoardOffer, HostOffer, OfferMark, Unsubscribe } from './backend';

export interface StoreAdapter {
  listOffers(): Promise<BoardOffer[]>;
  markOffer(key: string, mark: OfferMark, on: boolean): Promise<BoardOffer | null>;
  onChanged(cb: () => void): Unsubscribe;
  hostOffers(handles: string[]): Promise<HostOffer[]>;
}

export function createStoreAdapter(): StoreAdapter {
  return {
    async listOffers() {
      return [];
    },
    async markOffer() {
      return null;
    },
    onChanged() {
      return () => undefined;
    },
    async hostOffers() {
      return [];
    },
  };
}

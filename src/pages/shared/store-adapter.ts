// Maps the store (src/store, IndexedDB in the extension's origin) to what the
// pages show. Kept thin: the store owns the data and its rules; this file
// opens it, turns its results into values or errors, and reports changes.

import { liveQuery } from 'dexie';
import { announceOffersChanged, exportJson, importJson, listOffers, markOffer, offersByAuthors, offersVersion, onOffersAnnounced, openStore, type OfferView, type StoreResult, type TriageDB } from '../../store';
import type { BoardOffer, HostOffer, OfferMark, RestoreSummary, Unsubscribe } from './backend';

export interface StoreAdapter {
  listOffers(): Promise<BoardOffer[]>;
  markOffer(key: string, mark: OfferMark, on: boolean): Promise<BoardOffer | null>;
  onChanged(cb: () => void): Unsubscribe;
  hostOffers(handles: string[]): Promise<HostOffer[]>;
  backupJson(): Promise<string>;
  restoreBackup(text: string, keepSince?: number): Promise<RestoreSummary>;
}

/** The board filters and searches in memory; the store itself keeps at most `maxOffers` (50,000 by default). */
export const BOARD_LIMIT = 1_000_000;

function value<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The board works staleness out itself from the user's limit; from the store it needs only closed or not. */
function toBoard(v: OfferView): BoardOffer {
  return { ...v, status: v.status === 'closed' ? 'closed' : 'open' };
}

export function createStoreAdapter(open: () => TriageDB = openStore): StoreAdapter {
  let db: TriageDB | null = null;
  const store = () => (db ??= open());
  // The store's version when the page last read it, taken just before the reading. A change is
  // reported whenever the store's version differs, so a write that lands between the page's
  // first reading and the first answer of the change watch is not lost (at worst, one reload too many).
  let shown: string | null = null;
  return {
    async listOffers() {
      const version = await offersVersion(store());
      const list = value(await listOffers(store(), { limit: BOARD_LIMIT })).map(toBoard);
      shown = version.ok ? version.value : null;
      return list;
    },
    async markOffer(key, mark, on) {
      const v = value(await markOffer(store(), key, mark, on));
      announceOffersChanged();
      return v ? toBoard(v) : null;
    },
    async hostOffers(handles) {
      const version = await offersVersion(store());
      const list = value(await offersByAuthors(store(), handles));
      shown = version.ok ? version.value : null;
      return list;
    },
    async backupJson() {
      return value(await exportJson(store()));
    },
    async restoreBackup(text, keepSince) {
      const { offersAdded, offersMerged, outsideRetention } = value(await importJson(store(), text, keepSince));
      announceOffersChanged();
      return { offersAdded, offersMerged, outsideRetention };
    },
    onChanged(cb) {
      // Dexie tells this page about writes made in the background too.
      const sub = liveQuery(async () => value(await offersVersion(store()))).subscribe({
        next: (version) => {
          if (version !== shown) cb();
        },
        error: () => undefined,
      });
      const unlisten = onOffersAnnounced(cb);
      return () => {
        sub.unsubscribe();
        unlisten();
      };
    },
  };
}

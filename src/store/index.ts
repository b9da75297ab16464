// The offers store: one import for the background and the extension pages.

export { DB_NAME, DB_VERSION, openStore, TriageDB } from './schema';
export type { HostView, OfferMark, OfferView, StoredOffer, StoredSighting, StoredSnapshot } from './records';
export { BLOCKED_MESSAGE, QUOTA_MESSAGE, type StoreResult } from './result';
export { recordSightings, type RecordSummary } from './sightings';
export { countOffers, getOffer, listOffers, markOffer, offersByAuthors, offersVersion, recentOffers, seenBefore, snapshotsFor, toView, type OfferQuery } from './queries';
export { prune, type Pruned, type PruneLimits } from './prune';
export { loadSettings, saveSettings } from './settings';
export { exportCsv, exportJson, neutraliseCell, offersToCsv } from './export';
export { importJson, type ImportSummary } from './import';
export { EXPORT_FORMAT, EXPORT_VERSION } from './validate';
export { sightingPort, StoreError, type SightingPort } from './port';
export { announceOffersChanged, onOffersAnnounced } from './changes';

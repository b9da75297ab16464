// Retention: offers not seen for `retentionDays` go, with their sightings and
// snapshots; beyond `maxOffers`, the least recently seen go first.

import type { TriageDB } from './schema';
import { safely, type StoreResult } from './result';

export const DAY_MS = 86_400_000;

export interface PruneLimits {
  retentionDays: number;
  maxOffers: number;
}

export interface Pruned {
  offers: number;
  sightings: number;
  snapshots: number;
}

export function prune(db: TriageDB, limits: PruneLimits, now = Date.now()): Promise<StoreResult<Pruned>> {
  return safely(() =>
    db.transaction('rw', db.offers, db.sightings, db.snapshots, async () => {
      const cutoff = now - Math.max(0, limits.retentionDays) * DAY_MS;
      const oldKeys = await db.offers.where('lastSeenAt').below(cutoff).primaryKeys();
      const total = await db.offers.count();
      const over = Math.max(0, total - oldKeys.length - Math.max(0, limits.maxOffers));
      const extraKeys = over > 0 ? await db.offers.where('lastSeenAt').aboveOrEqual(cutoff).limit(over).primaryKeys() : [];
      const keys = [...oldKeys, ...extraKeys];
      const statusIds = (await db.offers.bulkGet(keys)).flatMap((o) => (o?.statusId ? [o.statusId] : []));
      await db.offers.bulkDelete(keys);
      let sightings = await db.sightings.where('seenAt').below(cutoff).delete();
      let snapshots = await db.snapshots.where('at').below(cutoff).delete();
      if (keys.length) sightings += await db.sightings.where('key').anyOf(keys).delete();
      if (statusIds.length) snapshots += await db.snapshots.where('statusId').anyOf(statusIds).delete();
      return { offers: keys.length, sightings, snapshots };
    }),
  );
}

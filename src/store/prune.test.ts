import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, prune } from './prune';
import { recordSightings } from './sightings';
import { closeStores, freshStore, sighting, T0 } from './test-helpers';

afterEach(closeStores);

describe('prune', () => {
  it('removes offers, sightings and snapshots older than the retention', async () => {
    const db = freshStore();
    await recordSightings(db, [
      sighting({ key: 'old', statusId: '1', seenAt: T0 }),
      sighting({ key: 'new', statusId: '2', seenAt: T0 + 20 * DAY_MS }),
      sighting({ key: 'note', statusId: '3', label: 'info', offer: null, seenAt: T0 }),
    ]);
    const r = await prune(db, { retentionDays: 10, maxOffers: 100 }, T0 + 21 * DAY_MS);
    expect(r).toEqual({ ok: true, value: { offers: 1, sightings: 2, snapshots: 2 } });
    expect(await db.offers.toCollection().primaryKeys()).toEqual(['new']);
    expect((await db.sightings.toArray()).map((s) => s.key)).toEqual(['new']);
    expect((await db.snapshots.toArray()).map((s) => s.statusId)).toEqual(['2']);
  });

  it('keeps at most maxOffers, dropping the least recently seen first', async () => {
    const db = freshStore();
    await recordSightings(
      db,
      Array.from({ length: 6 }, (_, i) => sighting({ key: `o${i}`, statusId: String(100 + i), seenAt: T0 + i * 1000 })),
    );
    const r = await prune(db, { retentionDays: 30, maxOffers: 4 }, T0 + 10_000);
    expect(r.ok && r.value.offers).toBe(2);
    expect((await db.offers.orderBy('lastSeenAt').primaryKeys()).sort()).toEqual(['o2', 'o3', 'o4', 'o5']);
    expect(await db.sightings.where('key').anyOf(['o0', 'o1']).count()).toBe(0);
    expect(await db.snapshots.where('statusId').anyOf(['100', '101']).count()).toBe(0);
  });

  it('does nothing when within limits', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting()]);
    expect(await prune(db, { retentionDays: 30, maxOffers: 50_000 }, T0 + DAY_MS)).toEqual({ ok: true, value: { offers: 0, sightings: 0, snapshots: 0 } });
  });
});

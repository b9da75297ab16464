import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listOffers, offersVersion } from './queries';
import { recordSightings } from './sightings';
import { setOfferStatuses } from './statuses';
import { closeStores, freshStore, sighting, T0 } from './test-helpers';

afterEach(closeStores);

describe('setOfferStatuses', () => {
  it('closes stored offers, opens them again, keeps the last word, and skips keys it does not hold', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting(), sighting({ key: 'k2', statusId: '1002' })]);
    const before = await offersVersion(db);
    const r = await setOfferStatuses(db, [
      { key: 'k1', closed: true },
      { key: 'k2', closed: true },
      { key: 'k2', closed: false },
      { key: 'nope', closed: true },
    ]);
    expect(r).toEqual({ ok: true, value: 1 });
    expect((await db.offers.get('k1'))?.status).toBe('closed');
    expect((await db.offers.get('k1'))?.details.status).toBe('closed');
    expect((await db.offers.get('k2'))?.status).toBe('open');
    expect(await db.offers.count()).toBe(2);
    // The board follows the version: a close changes it though no sighting came.
    const after = await offersVersion(db);
    expect(after.ok && before.ok && after.value !== before.value).toBe(true);
    const board = await listOffers(db, { status: ['closed'], now: T0 });
    expect(board.ok && board.value.map((o) => o.key)).toEqual(['k1']);
    expect(await setOfferStatuses(db, [{ key: 'k1', closed: false }])).toEqual({ ok: true, value: 1 });
    expect((await db.offers.get('k1'))?.status).toBe('open');
  });

  it('ignores malformed changes and an empty list', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting()]);
    const bad = [{ key: 'k1', closed: 'yes' }, null, { closed: true }] as unknown as Parameters<typeof setOfferStatuses>[1];
    expect(await setOfferStatuses(db, bad)).toEqual({ ok: true, value: 0 });
    expect(await setOfferStatuses(db, [])).toEqual({ ok: true, value: 0 });
    expect((await db.offers.get('k1'))?.status).toBe('open');
  });
});

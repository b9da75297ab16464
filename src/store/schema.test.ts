import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { listOffers, offersByAuthors } from './queries';
import { DB_VERSION, openStore, V1_STORES, type V1Offer, type V1Sighting } from './schema';
import { recordSightings } from './sightings';
import { sighting, T0 } from './test-helpers';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('schema upgrade', () => {
  it('opens a version 1 database with data and upgrades it to the current layout, losing nothing', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    const v1: V1Offer = {
      key: 'k1',
      author: '@Lies_V',
      text: 'Slaapplaats voor 2 in Hasselt',
      lang: 'nl',
      details: { kind: 'shelter', capacity: 2, places: ['Hasselt'], contact: { dm: true, phones: [], address: null, handles: [] }, status: 'open', postedAt: '2011-08-18T19:00:00Z' },
      status: 'closed',
      firstSeenAt: T0,
      lastSeenAt: T0 + 1000,
      seen: 3,
      mark: 'contacted',
    };
    await old.table('offers').add(v1);
    const sightings: V1Sighting[] = [
      { key: 'k1', statusId: '1001', seenAt: T0, reposter: null },
      { key: 'k1', statusId: '1001', seenAt: T0 + 500, reposter: 'Tom_D' },
      { key: 'k1', statusId: '2002', seenAt: T0 + 1000, reposter: 'Ann' },
    ];
    await old.table('sightings').bulkAdd(sightings);
    await old.table('settings').put({ key: 'settings', value: { staleHours: 6 } });
    old.close();

    const db = openStore(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const o = await db.offers.get('k1');
    expect(o).toMatchObject({
      author: 'lies_v',
      statusId: '1001',
      firstPostedAt: Date.parse('2011-08-18T19:00:00Z'),
      status: 'closed',
      sightings: 3,
      repostsSeen: 2,
      contacted: true,
      taken: false,
    });
    expect(o && 'mark' in o).toBe(false);
    const s = await db.sightings.orderBy('seenAt').toArray();
    expect(s.map((x) => x.via)).toEqual([null, 'tom_d', 'ann']);
    expect(s.some((x) => 'reposter' in x)).toBe(false);
    expect((await db.settings.get('settings'))?.value).toEqual({ staleHours: 6 });

    // The new indexes work on upgraded data, and new writes merge into it.
    const host = await offersByAuthors(db, ['lies_v']);
    expect(host.ok && host.value[0]?.sightings.length).toBe(3);
    await recordSightings(db, [sighting({ key: 'k1', seenAt: T0 + 2000 })]);
    const list = await listOffers(db, { now: T0 });
    expect(list.ok && list.value[0]).toMatchObject({ key: 'k1', status: 'closed', contacted: true, lastSeenAt: T0 + 2000 });
    db.close();
  });
});

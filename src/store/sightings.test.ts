import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getOffer, listOffers, offersByAuthors, recentOffers, seenBefore, snapshotsFor } from './queries';
import { recordSightings } from './sightings';
import { closeStores, freshStore, MIN, sighting, T0 } from './test-helpers';

afterEach(closeStores);

describe('recordSightings', () => {
  it('stores one offer per key with every sighting, reposts counted, authors lower-cased', async () => {
    const db = freshStore();
    const r = await recordSightings(db, [
      sighting(),
      sighting({ seenAt: T0 + MIN, reposter: 'Tom_D' }),
      sighting({ seenAt: T0 + 2 * MIN, statusId: '2002', author: 'someone' }),
    ]);
    expect(r).toEqual({ ok: true, value: { stored: 3, rejected: 0, offers: 1, snapshots: 2 } });
    const o = await db.offers.get('k1');
    expect(o).toMatchObject({ author: 'lies_v', statusId: '1001', sightings: 3, repostsSeen: 2, firstSeenAt: T0, lastSeenAt: T0 + 2 * MIN });
    expect(await db.sightings.count()).toBe(3);
    expect((await db.sightings.toArray())[1]?.via).toBe('tom_d');
  });

  it('keeps the earliest post time and lets "closed" stick', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting({ postedAt: '2011-08-18T19:00:00Z' })]);
    await recordSightings(db, [sighting({ seenAt: T0 + MIN, postedAt: '2011-08-18T18:00:00Z', offer: { ...sighting().offer!, status: 'closed' } })]);
    await recordSightings(db, [sighting({ seenAt: T0 + 2 * MIN })]);
    const o = await db.offers.get('k1');
    expect(o?.firstPostedAt).toBe(Date.parse('2011-08-18T18:00:00Z'));
    expect(o?.status).toBe('closed');
  });

  it('keeps sightings of other messages without making them offers', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting({ key: 'req', label: 'request', offer: null })]);
    expect(await db.offers.count()).toBe(0);
    expect(await db.sightings.count()).toBe(1);
  });

  it('refuses malformed items and keeps the good ones', async () => {
    const db = freshStore();
    const bad = { ...sighting(), seenAt: 'yesterday' } as unknown as ReturnType<typeof sighting>;
    const r = await recordSightings(db, [bad, sighting()]);
    expect(r.ok && r.value).toMatchObject({ stored: 1, rejected: 1 });
  });

  it('throttles count snapshots: a new one when counts changed after 5 minutes, or after an hour', async () => {
    const db = freshStore();
    await recordSightings(db, [
      sighting({ seenAt: T0 }),
      sighting({ seenAt: T0 + MIN, counts: { reposts: 11, views: 1100 } }),
      sighting({ seenAt: T0 + 6 * MIN, counts: { reposts: 12, views: 1200 } }),
      sighting({ seenAt: T0 + 12 * MIN, counts: { reposts: 12, views: 1200 } }),
      sighting({ seenAt: T0 + 70 * MIN, counts: { reposts: 12, views: 1200 } }),
    ]);
    const snaps = await snapshotsFor(db, ['1001']);
    expect(snaps.ok && snaps.value['1001']?.map((s) => (s.at - T0) / MIN)).toEqual([0, 6, 70]);
  });
});

describe('queries', () => {
  it('answers seen-before for offers and for other kept messages', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting({ key: 'a', seenAt: T0 }), sighting({ key: 'b', seenAt: T0 + 10 * MIN }), sighting({ key: 'r', label: 'info', offer: null, seenAt: T0 })]);
    const r = await seenBefore(db, ['a', 'b', 'r', 'unknown'], T0 + 5 * MIN);
    expect(r.ok && r.value.sort()).toEqual(['a', 'r']);
  });

  it('lists offers newest first with stale worked out from the original post', async () => {
    const db = freshStore();
    await recordSightings(db, [
      sighting({ key: 'old', postedAt: '2011-08-17T08:00:00Z', seenAt: T0 }),
      sighting({ key: 'new', seenAt: T0 + MIN }),
      sighting({ key: 'food', seenAt: T0 + 2 * MIN, offer: { ...sighting().offer!, kind: 'food' } }),
    ]);
    const all = await listOffers(db, { now: T0 + 3 * MIN, staleHours: 12 });
    expect(all.ok && all.value.map((o) => [o.key, o.status])).toEqual([
      ['food', 'open'],
      ['new', 'open'],
      ['old', 'stale'],
    ]);
    const open = await listOffers(db, { now: T0 + 3 * MIN, status: ['open'], kinds: ['shelter'] });
    expect(open.ok && open.value.map((o) => o.key)).toEqual(['new']);
    const page = await listOffers(db, { now: T0, limit: 1, offset: 1 });
    expect(page.ok && page.value.map((o) => o.key)).toEqual(['new']);
    const one = await getOffer(db, 'new', T0);
    expect(one.ok && one.value?.postedAt).toBe('2011-08-18T19:00:00.000Z');
  });

  it('gives the offers seen most recently, newest first, with the text and author their key was read from', async () => {
    const db = freshStore();
    await recordSightings(db, [
      sighting({ key: 'a', seenAt: T0, text: 'Bed in Genk' }),
      sighting({ key: 'b', seenAt: T0 + MIN, statusId: '2002', author: 'Piet_H' }),
      sighting({ key: 'a', seenAt: T0 + 2 * MIN, reposter: 'tom_d' }),
    ]);
    const r = await recentOffers(db, 5);
    expect(r.ok && r.value).toEqual([
      { key: 'a', text: 'Bed in Genk', author: 'lies_v', statusId: '1001', postedAt: '2011-08-18T19:00:00.000Z' },
      { key: 'b', text: sighting().text, author: 'piet_h', statusId: '2002', postedAt: '2011-08-18T19:00:00.000Z' },
    ]);
    const one = await recentOffers(db, 1);
    expect(one.ok && one.value.map((o) => o.key)).toEqual(['a']);
  });

  it('gives a host their offers with snapshots and sightings', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting(), sighting({ seenAt: T0 + 70 * MIN, reposter: 'tom_d', counts: { reposts: 20 } }), sighting({ key: 'x', author: 'other', statusId: '9' })]);
    const r = await offersByAuthors(db, ['@LIES_V']);
    expect(r.ok && r.value).toEqual([
      {
        key: 'k1',
        statusId: '1001',
        author: 'lies_v',
        text: sighting().text,
        postedAt: '2011-08-18T19:00:00.000Z',
        snapshots: [
          { at: T0, counts: { reposts: 10, views: 1000 } },
          { at: T0 + 70 * MIN, counts: { reposts: 20 } },
        ],
        sightings: [
          { at: T0, via: null },
          { at: T0 + 70 * MIN, via: 'tom_d' },
        ],
      },
    ]);
  });
});

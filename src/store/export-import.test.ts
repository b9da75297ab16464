import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCsv, exportJson, neutraliseCell } from './export';
import { importJson } from './import';
import { markOffer } from './queries';
import { recordSightings } from './sightings';
import { closeStores, freshStore, MIN, sighting, T0 } from './test-helpers';
import { EXPORT_FORMAT } from './validate';
import { OFFER_KINDS } from '../core/types';
import { isSighting, type SightingInput } from '../shared/messages';

afterEach(closeStores);

async function filled() {
  const db = freshStore();
  await recordSightings(db, [
    sighting(),
    sighting({ seenAt: T0 + 70 * MIN, reposter: 'tom_d', counts: { reposts: 30 } }),
    sighting({ key: 'k2', statusId: '2002', author: 'anna_k', text: '=HYPERLINK("http://evil") "Schlafplatz", Köln\nPN', seenAt: T0 + MIN }),
  ]);
  return db;
}

async function dump(db: Awaited<ReturnType<typeof filled>>) {
  return {
    offers: await db.offers.orderBy('key').toArray(),
    sightings: (await db.sightings.orderBy('seenAt').toArray()).map(({ id: _id, ...s }) => s),
    snapshots: (await db.snapshots.orderBy('at').toArray()).map(({ id: _id, ...s }) => s),
  };
}

describe('export and import', () => {
  it('round-trips the whole store through JSON', async () => {
    const a = await filled();
    await markOffer(a, 'k1', 'contacted', true);
    const json = await exportJson(a, T0);
    expect(json.ok).toBe(true);
    if (!json.ok) return;
    expect(JSON.parse(json.value)).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date(T0).toISOString() });
    const b = freshStore();
    const r = await importJson(b, json.value);
    expect(r).toEqual({ ok: true, value: { offersAdded: 2, offersMerged: 0, sightingsAdded: 3, snapshotsAdded: 3, outsideRetention: 0 } });
    expect(await dump(b)).toEqual(await dump(a));
  });

  it('merges into a store without losing or doubling anything', async () => {
    const a = await filled();
    const json = await exportJson(a);
    if (!json.ok) throw new Error(json.error);
    const b = freshStore();
    await recordSightings(b, [sighting({ seenAt: T0 - 5 * MIN }), sighting({ key: 'mine', statusId: '77', seenAt: T0 })]);
    await markOffer(b, 'k1', 'taken', true);
    const r = await importJson(b, json.value);
    expect(r.ok && r.value).toEqual({ offersAdded: 1, offersMerged: 1, sightingsAdded: 3, snapshotsAdded: 3, outsideRetention: 0 });
    const k1 = await b.offers.get('k1');
    expect(k1).toMatchObject({ firstSeenAt: T0 - 5 * MIN, lastSeenAt: T0 + 70 * MIN, taken: true });
    expect(await b.offers.get('mine')).toBeDefined();
    const again = await importJson(b, json.value);
    expect(again.ok && again.value).toMatchObject({ sightingsAdded: 0, snapshotsAdded: 0 });
  });

  it('restores whatever the background accepts from a tab, up to the limits of a message', async () => {
    const long = (n: number, c = 'a') => c.repeat(n);
    const list = (n: number, len: number) => Array.from({ length: n }, (_, i) => `${i}${long(len - String(i).length)}`);
    const edge: SightingInput[] = OFFER_KINDS.map((kind, i) =>
      sighting({
        key: long(200 - String(i).length) + i,
        statusId: long(40, '9'),
        author: long(60),
        reposter: long(60, 'b'),
        text: long(20_000, 'x'),
        lang: long(20, 'l'),
        postedAt: long(60, '2'),
        seenAt: T0 + i,
        offer: { kind, capacity: i === 0 ? 0 : null, places: list(100, 200), contact: { dm: true, phones: list(100, 60), address: long(300), handles: list(100, 60) }, status: i % 2 ? 'closed' : 'open', postedAt: null },
        counts: { replies: 0, reposts: Number.MAX_SAFE_INTEGER, likes: 1, bookmarks: 2, views: 3 },
      }),
    );
    for (const s of edge) expect(isSighting(s)).toBe(true);
    const a = freshStore();
    const rec = await recordSightings(a, edge);
    expect(rec.ok).toBe(true);
    const json = await exportJson(a);
    if (!json.ok) throw new Error(json.error);
    const r = await importJson(freshStore(), json.value);
    expect(r.ok ? r.value.offersAdded : r.error).toBe(edge.length);
  });

  it('counts the restored offers last seen before the retention cut-off, which the next clean-up removes', async () => {
    const a = await filled();
    const json = await exportJson(a);
    if (!json.ok) throw new Error(json.error);
    const lastSeen = (await a.offers.toArray()).map((o) => o.lastSeenAt).sort((x, y) => x - y);
    const b = freshStore();
    const between = ((lastSeen[0] as number) + (lastSeen[1] as number)) / 2;
    const r = await importJson(b, json.value, between);
    expect(r.ok && r.value.outsideRetention).toBe(1);
    expect(await b.offers.count()).toBe(2);
  });

  it.each([
    ['not JSON', '{"format":', /not valid JSON/],
    ['another file', JSON.stringify({ hello: 'world' }), /"format" should be "hashtag-triage-offers"/],
    ['a newer version', JSON.stringify({ format: EXPORT_FORMAT, version: 99, offers: [] }), /"version" 99/],
    ['a list instead of an object', '[]', /one JSON object/],
  ])('refuses %s with a clear message and changes nothing', async (_name, text, message) => {
    const db = await filled();
    const before = await dump(db);
    const r = await importJson(db, text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).toMatch(/Nothing was changed/);
    }
    expect(await dump(db)).toEqual(before);
  });

  it('validates every record before writing the first one', async () => {
    const source = await filled();
    const json = await exportJson(source);
    if (!json.ok) throw new Error(json.error);
    const env = JSON.parse(json.value);
    env.offers.push({ ...env.offers[0], key: 'late' });
    env.snapshots[2].counts.likes = -3;
    env.sightings[1].seenAt = 'soon';
    const db = freshStore();
    await recordSightings(db, [sighting({ key: 'mine' })]);
    const before = await dump(db);
    const r = await importJson(db, JSON.stringify(env));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('Import refused: sightings[1].seenAt should be a time in ms (and 1 more: snapshots[2].counts.likes should be a whole number, 0 or more). Nothing was changed.');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses duplicate keys and wrong kinds', async () => {
    const source = await filled();
    const json = await exportJson(source);
    if (!json.ok) throw new Error(json.error);
    const env = JSON.parse(json.value);
    env.offers[1].key = env.offers[0].key;
    env.offers[0].details.kind = 'spaceship';
    const r = await importJson(freshStore(), JSON.stringify(env));
    expect(!r.ok && r.error).toMatch(/offers\[0\]\.details\.kind should be one of shelter/);
    expect(!r.ok && r.error).toMatch(/appears twice/);
  });

  it('writes CSV with quoting and without spreadsheet formulas', async () => {
    const db = await filled();
    const csv = await exportCsv(db, T0 + 2 * MIN, 12);
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    const lines = csv.value.split('\r\n');
    expect(lines[0]).toBe('key,kind,status,author,posted_at,first_seen,last_seen,reposts_seen,capacity,places,phones,dm,address,contact_handles,contacted,taken,lang,text');
    expect(csv.value).toContain(`"'=HYPERLINK(""http://evil"") ""Schlafplatz"", Köln\nPN"`);
    expect(lines.length).toBe(4);
    expect(neutraliseCell('+32 470')).toBe("'+32 470");
    expect(neutraliseCell('@jan')).toBe("'@jan");
    expect(neutraliseCell('-1')).toBe("'-1");
    expect(neutraliseCell('Hasselt')).toBe('Hasselt');
  });
});

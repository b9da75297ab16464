import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, recordSightings, type TriageDB } from '../../store';
import type { SightingInput } from '../../shared/messages';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../store/validate';
import { createStoreAdapter } from './store-adapter';

const T0 = Date.parse('2026-03-01T10:00:00Z');
let dbs: TriageDB[] = [];
let n = 0;

function fresh(): { db: TriageDB; adapter: ReturnType<typeof createStoreAdapter> } {
  const db = openStore(`pages-adapter-test-${n++}`);
  dbs.push(db);
  return { db, adapter: createStoreAdapter(() => db) };
}

afterEach(async () => {
  for (const db of dbs) {
    db.close();
    await db.delete();
  }
  dbs = [];
});

function offerSighting(over: Partial<SightingInput> = {}): SightingInput {
  return {
    key: 'k1',
    statusId: '111',
    author: 'LindeVH',
    reposter: null,
    text: 'Plaats voor 4 personen in Kiewit, bel 0470 12 34 56',
    lang: 'nl',
    label: 'offer',
    postedAt: new Date(T0 - 3_600_000).toISOString(),
    seenAt: T0,
    offer: {
      kind: 'shelter',
      capacity: 4,
      places: ['Kiewit'],
      contact: { dm: false, phones: ['0470 12 34 56'], address: null, handles: [] },
      status: 'open',
      postedAt: new Date(T0 - 3_600_000).toISOString(),
    },
    counts: { views: 100, reposts: 2 },
    ...over,
  };
}

describe('store adapter', () => {
  it('lists stored offers as the board shows them, staleness left to the board', async () => {
    const { db, adapter } = fresh();
    await recordSightings(db, [offerSighting(), offerSighting({ reposter: 'hasseltinfo', seenAt: T0 + 60_000 })]);
    const [o, ...rest] = await adapter.listOffers();
    expect(rest).toEqual([]);
    expect(o).toMatchObject({ key: 'k1', author: 'lindevh', kind: 'shelter', capacity: 4, places: ['Kiewit'], reposts: 1, status: 'open', contacted: false });
    expect(o?.postedAt).toBe(new Date(T0 - 3_600_000).toISOString());
  });

  it('keeps the marks in the store', async () => {
    const { db, adapter } = fresh();
    await recordSightings(db, [offerSighting()]);
    expect((await adapter.markOffer('k1', 'taken', true))?.taken).toBe(true);
    expect((await adapter.listOffers())[0]?.taken).toBe(true);
    expect(await adapter.markOffer('unknown', 'taken', true)).toBeNull();
  });

  it("gives a host's offers with snapshots and the accounts that carried them", async () => {
    const { db, adapter } = fresh();
    await recordSightings(db, [offerSighting(), offerSighting({ reposter: 'HasseltInfo', seenAt: T0 + 2 * 3_600_000, counts: { views: 900, reposts: 20 } })]);
    const [h] = await adapter.hostOffers(['@lindevh']);
    expect(h?.snapshots.map((s) => s.counts.views)).toEqual([100, 900]);
    expect(h?.sightings.map((s) => s.via)).toEqual([null, 'hasseltinfo']);
    expect(await adapter.hostOffers(['someone_else'])).toEqual([]);
  });

  it("turns the store's failure into an error that says what failed", async () => {
    const { db, adapter } = fresh();
    db.close();
    await expect(adapter.listOffers()).rejects.toThrow(/^The offers store failed: /);
  });

  it('reports changes after the first reading', async () => {
    const { db, adapter } = fresh();
    await adapter.listOffers();
    let calls = 0;
    const stop = adapter.onChanged(() => {
      calls += 1;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(0);
    await recordSightings(db, [offerSighting()]);
    await expect.poll(() => calls).toBeGreaterThan(0);
    stop();
  });

  it("tells the other pages of a mark, which the store's version does not show, and hears theirs, not its own", async () => {
    const { db, adapter } = fresh();
    await recordSightings(db, [offerSighting()]);
    await adapter.listOffers();
    // Another page of the extension: a channel of its own on the same name.
    const other = new BroadcastChannel('hashtag-triage-offers');
    let heard = 0;
    other.onmessage = () => {
      heard += 1;
    };
    let calls = 0;
    const stop = adapter.onChanged(() => {
      calls += 1;
    });
    await new Promise((r) => setTimeout(r, 50));
    await adapter.markOffer('k1', 'taken', true);
    await expect.poll(() => heard).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(0);
    other.postMessage('changed');
    await expect.poll(() => calls).toBe(1);
    other.close();
    stop();
  });

  it('reports a change that lands between the first reading and the start of the watch', async () => {
    const { db, adapter } = fresh();
    expect(await adapter.listOffers()).toEqual([]);
    await recordSightings(db, [offerSighting()]);
    let calls = 0;
    const stop = adapter.onChanged(() => {
      calls += 1;
    });
    await expect.poll(() => calls).toBe(1);
    expect(await adapter.listOffers()).toHaveLength(1);
    // Once the page has read what changed, the watch stays quiet.
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(1);
    stop();
  });

  it('backs the store up and restores it into another, merging without losing anything', async () => {
    const a = fresh();
    await recordSightings(a.db, [offerSighting(), offerSighting({ key: 'k2', statusId: '222', text: 'Lift naar Genk om 18u', seenAt: T0 + 60_000 })]);
    await a.adapter.markOffer('k1', 'contacted', true);
    const backup = await a.adapter.backupJson();

    const b = fresh();
    await recordSightings(b.db, [offerSighting({ seenAt: T0 + 3_600_000 })]);
    expect(await b.adapter.restoreBackup(backup)).toEqual({ offersAdded: 1, offersMerged: 1, outsideRetention: 0 });
    const offers = await b.adapter.listOffers();
    expect(offers.map((o) => o.key).sort()).toEqual(['k1', 'k2']);
    const k1 = offers.find((o) => o.key === 'k1');
    expect(k1).toMatchObject({ contacted: true, firstSeenAt: T0, lastSeenAt: T0 + 3_600_000 });
  });

  it('refuses a hostile backup with a readable reason and changes nothing', async () => {
    const { db, adapter } = fresh();
    await recordSightings(db, [offerSighting()]);
    const before = await adapter.listOffers();
    const hostile = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(T0).toISOString(), sightings: [], snapshots: [], offers: [{ key: '<img src=x onerror=alert(1)>', __proto__: { polluted: true } }] });
    await expect(adapter.restoreBackup(hostile)).rejects.toThrow(/^Import refused: .*Nothing was changed\.$/);
    await expect(adapter.restoreBackup('not json')).rejects.toThrow(/not valid JSON/);
    expect(await adapter.listOffers()).toEqual(before);
  });
});

// The offers store under faults: a full disk at the IndexedDB level, an upgrade
// blocked by another tab, an upgrade from every earlier schema version, and
// corrupt or hostile import files. No stored data is lost, every failure comes
// back as a clear message, and export then import gives back equal data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../background/handler';
import { memoryStatusStore } from '../background/tab-status';
import { defaults } from '../core/settings';
import { MARKUP_PAYLOADS, ODD_TEXTS } from '../core/hostile-inputs';
import { exportJson } from './export';
import { importJson } from './import';
import { sightingPort } from './port';
import { prune } from './prune';
import { listOffers, markOffer, seenBefore } from './queries';
import { BLOCKED_MESSAGE, QUOTA_MESSAGE } from './result';
import { DB_VERSION, openStore, V1_STORES, V2_STORES, type TriageDB } from './schema';
import { loadSettings, saveSettings } from './settings';
import { recordSightings } from './sightings';
import { closeStores, freshStore, MIN, sighting, T0 } from './test-helpers';
import { EXPORT_FORMAT, EXPORT_VERSION } from './validate';

const names: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await closeStores();
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function uniqueName(what: string): string {
  const n = `${what}-${process.pid}-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
}

async function dump(db: TriageDB) {
  return {
    offers: await db.offers.orderBy('key').toArray(),
    sightings: (await db.sightings.orderBy('id').toArray()).map(({ id: _id, ...s }) => s),
    snapshots: (await db.snapshots.orderBy('id').toArray()).map(({ id: _id, ...s }) => s),
    settings: await db.settings.toArray(),
  };
}

async function filled(): Promise<TriageDB> {
  const db = freshStore();
  const r = await recordSightings(db, [
    sighting(),
    sighting({ seenAt: T0 + 70 * MIN, reposter: 'Tom_D', counts: { reposts: 30 } }),
    sighting({ key: 'k2', statusId: '2002', author: 'anna_k', text: MARKUP_PAYLOADS.join(' '), seenAt: T0 + MIN }),
    sighting({ key: 'k3', statusId: '3003', author: 'claire_p', text: ODD_TEXTS.join('\n'), lang: 'fr', seenAt: T0 + 2 * MIN }),
    sighting({ key: 'info-1', label: 'info', offer: null, statusId: '4004', seenAt: T0 + 3 * MIN }),
  ]);
  if (!r.ok) throw new Error(r.error);
  await markOffer(db, 'k1', 'contacted', true, T0);
  await saveSettings(db, { ...defaults, staleHours: 6 });
  return db;
}

/** The browser refuses every write from now on, as IndexedDB does when the disk or quota is full. */
function fillTheDisk(): () => void {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const spies = (['add', 'put'] as const).map((m) =>
    vi.spyOn(IDBObjectStore.prototype, m).mockImplementation(() => {
      throw quota();
    }),
  );
  return () => spies.forEach((s) => s.mockRestore());
}

describe('a full disk', () => {
  it('every write answers with the quota message, nothing stored is lost, and writing works again once there is room', async () => {
    const db = await filled();
    const before = await dump(db);
    const freeSpace = fillTheDisk();

    const recorded = await recordSightings(db, [sighting({ key: 'new', statusId: '9', seenAt: T0 + 5 * MIN }), sighting({ seenAt: T0 + 6 * MIN })]);
    expect(recorded).toEqual({ ok: false, quota: true, error: QUOTA_MESSAGE });
    const marked = await markOffer(db, 'k2', 'taken', true, T0);
    expect(marked.ok).toBe(false);
    expect(!marked.ok && marked.quota).toBe(true);
    const saved = await saveSettings(db, { ...defaults, staleHours: 3 });
    expect(!saved.ok && saved.error).toBe(QUOTA_MESSAGE);
    const json = await exportJson(freshStore());
    const imported = await importJson(freshStore(), json.ok ? json.value : '');
    expect(imported.ok).toBe(true); // an empty import writes nothing
    // Reading still works while the disk is full.
    const list = await listOffers(db, { now: T0 });
    expect(list.ok && list.value.map((o) => o.key).sort()).toEqual(['k1', 'k2', 'k3']);
    expect(await dump(db)).toEqual(before);

    freeSpace();
    const again = await recordSightings(db, [sighting({ key: 'new', statusId: '9', seenAt: T0 + 5 * MIN })]);
    expect(again.ok).toBe(true);
    expect((await db.offers.get('new'))?.key).toBe('new');
  });

  it('reaches the content script as an error reply with the message, never as an exception', async () => {
    const db = await filled();
    const ID = 'abcdefghijklmnopabcdefghijklmnop';
    const handle = createHandler({ extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, store: sightingPort(db), statuses: memoryStatusStore(), coreData: async () => ({}), injectCore: async () => undefined, batchDelayMs: 1 });
    const fromX = { id: ID, url: 'https://x.com/hashtag/hasselthelpt', tab: { id: 1, url: 'https://x.com/hashtag/hasselthelpt' } };
    const freeSpace = fillTheDisk();
    expect(await handle({ type: 'sightings/record', sightings: [sighting({ key: 'late', seenAt: T0 + 9 * MIN })] }, fromX)).toEqual({ ok: false, error: QUOTA_MESSAGE });
    // Answering "seen before?" only reads: it still works.
    expect(await handle({ type: 'offers/seen-before', keys: ['k1', 'late'], since: T0 + MIN }, fromX)).toEqual({ ok: true, seen: ['k1'] });
    freeSpace();
  });

  it('pruning on a full disk changes nothing', async () => {
    const db = await filled();
    const before = await dump(db);
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const r = await prune(db, { retentionDays: 0, maxOffers: 0 }, T0 + 400 * 86_400_000);
    expect(r.ok).toBe(false);
    expect(await dump(db)).toEqual(before);
  });
});

describe('an upgrade blocked by another tab', () => {
  it('reports instead of waiting for ever, then opens once the other tab lets go, losing nothing', async () => {
    const name = uniqueName('blocked');
    // Another tab with an older version open (version 1), that does not close on request.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 10);
      req.onupgradeneeded = () => {
        const d = req.result;
        d.createObjectStore('offers', { keyPath: 'key' });
        d.createObjectStore('sightings', { keyPath: 'id', autoIncrement: true });
        d.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
        d.createObjectStore('settings', { keyPath: 'key' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve) => {
      const tx = old.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({ key: 'settings', value: { staleHours: 5 } });
      tx.oncomplete = () => resolve();
    });
    old.onversionchange = null;

    const db = openStore(name, 300);
    const t0 = Date.now();
    const r = await listOffers(db);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(BLOCKED_MESSAGE);

    // A call made meanwhile fails at once, without waiting again.
    const t1 = Date.now();
    expect(await markOffer(db, 'k1', 'taken', true)).toEqual({ ok: false, quota: false, error: BLOCKED_MESSAGE });
    expect(Date.now() - t1).toBeLessThan(1000);

    old.close();
    await db.open(); // the upgrade that waited runs now
    const after = await loadSettings(db);
    expect(after).toMatchObject({ ok: true, value: { staleHours: 5 } });
    expect(db.verno).toBe(DB_VERSION);
    db.close();
  }, 20_000);
});

describe('upgrades from every earlier schema version', () => {
  // Each earlier layout, with data as that version wrote it.
  const EARLIER: { version: number; stores: Record<string, string>; fill: (db: Dexie) => Promise<void> }[] = [
    {
      version: 1,
      stores: V1_STORES,
      fill: async (db) => {
        await db.table('offers').bulkAdd([
          {
            key: 'k1',
            author: '@Lies_V',
            text: '<img src=x onerror=alert(1)> Slaapplaats voor 2 in Hasselt',
            lang: 'nl',
            details: { kind: 'shelter', capacity: 2, places: ['Hasselt'], contact: { dm: true, phones: [], address: null, handles: [] }, status: 'open', postedAt: 'garbage' },
            status: 'open',
            firstSeenAt: T0,
            lastSeenAt: T0,
            seen: 1,
            mark: null,
          },
          // A record damaged by an earlier bug: fields missing.
          { key: 'k2', text: 'Bett frei in Köln', firstSeenAt: T0, lastSeenAt: T0 },
        ]);
        await db.table('sightings').bulkAdd([
          { key: 'k1', statusId: '1001', seenAt: T0, reposter: null },
          { key: 'k2', statusId: null, seenAt: T0, reposter: 'Fan' },
        ]);
        await db.table('snapshots').add({ statusId: '1001', at: T0, counts: { reposts: 4 } });
      },
    },
  ];

  it('covers every version before the current one', () => {
    expect(EARLIER.map((e) => e.version)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });

  it.each(EARLIER.map((e) => [e.version, e] as const))('from version %i: every record kept, readable and writable', async (_v, e) => {
    const name = uniqueName(`v${e.version}`);
    const old = new Dexie(name);
    old.version(e.version).stores(e.stores);
    await e.fill(old);
    const counts = { offers: await old.table('offers').count(), sightings: await old.table('sightings').count(), snapshots: await old.table('snapshots').count() };
    old.close();

    const db = openStore(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect({ offers: await db.offers.count(), sightings: await db.sightings.count(), snapshots: await db.snapshots.count() }).toEqual(counts);
    const list = await listOffers(db, { now: T0 });
    expect(list.ok).toBe(true);
    expect(list.ok && list.value.length).toBe(counts.offers);
    // Every index of the current layout answers on upgraded data.
    for (const [table, spec] of Object.entries(V2_STORES)) {
      for (const idx of spec.split(',').map((s) => s.trim().replace(/^\+\+|^&/, ''))) {
        if (!idx.startsWith('[')) await db.table(table).orderBy(idx).count();
      }
    }
    const seen = await seenBefore(db, ['k1', 'k2'], T0 + 1);
    expect(seen.ok && seen.value.sort()).toEqual(['k1', 'k2']);
    expect((await recordSightings(db, [sighting({ key: 'k1', seenAt: T0 + MIN })])).ok).toBe(true);
    // What was upgraded exports to a file that imports again.
    const json = await exportJson(db);
    if (!json.ok) throw new Error(json.error);
    const copy = freshStore();
    expect(await importJson(copy, json.value)).toMatchObject({ ok: true, value: { offersAdded: counts.offers } });
    db.close();
  });
});

describe('import of corrupt or hostile files', () => {
  async function envelope() {
    const src = await filled();
    const json = await exportJson(src, T0);
    if (!json.ok) throw new Error(json.error);
    return JSON.parse(json.value) as Record<string, unknown> & { offers: Record<string, unknown>[]; sightings: Record<string, unknown>[]; snapshots: Record<string, unknown>[] };
  }

  it('an export then an import into an empty store gives back equal data, hostile text included', async () => {
    const a = await filled();
    const json = await exportJson(a, T0);
    if (!json.ok) throw new Error(json.error);
    const b = freshStore();
    expect((await importJson(b, json.value)).ok).toBe(true);
    const [da, db] = [await dump(a), await dump(b)];
    expect(db.offers).toEqual(da.offers);
    expect(db.sightings).toEqual(da.sightings);
    expect(db.snapshots).toEqual(da.snapshots);
    expect(db.offers.find((o) => o.key === 'k2')?.text).toBe(MARKUP_PAYLOADS.join(' '));
    // And once more: a second export of the copy is the same file.
    const again = await exportJson(b, T0);
    expect(again.ok && again.value).toBe(json.value);
  });

  it('refuses broken files with a clear message and changes nothing', async () => {
    const env = await envelope();
    const bad: [string, string, RegExp][] = [
      ['empty file', '', /not valid JSON/],
      ['truncated file', JSON.stringify(env).slice(0, 500), /not valid JSON/],
      ['binary garbage', '\u0000\u0001PK\u0003\u0004', /not valid JSON/],
      ['null', 'null', /one JSON object/],
      ['a number', '42', /one JSON object/],
      ['wrong format', JSON.stringify({ ...env, format: 'evil' }), /"format"/],
      ['version 0', JSON.stringify({ ...env, version: 0 }), /"version" 0/],
      ['a future version', JSON.stringify({ ...env, version: EXPORT_VERSION + 1 }), /"version"/],
      ['version as text', JSON.stringify({ ...env, version: '1' }), /"version"/],
      ['offers not a list', JSON.stringify({ ...env, offers: { 0: env.offers[0] } }), /"offers" should be a list/],
      ['an offer that is a string', JSON.stringify({ ...env, offers: ['<script>'] }), /offers\[0\] should be an object/],
      ['a text of 100,000 characters', JSON.stringify({ ...env, offers: [{ ...env.offers[0], text: 'x'.repeat(100_000) }] }), /longer than/],
      ['a count that is not a number', JSON.stringify({ ...env, offers: [{ ...env.offers[0], sightings: 'many' }] }), /sightings should be a whole number/],
      ['a time that is Infinity', JSON.stringify({ ...env, sightings: [{ ...env.sightings[0], seenAt: 0 }] }).replace('"seenAt":0', '"seenAt":1e999'), /seenAt/],
      ['an unknown count', JSON.stringify({ ...env, snapshots: [{ ...env.snapshots[0], counts: { views: 1, evil: 2 } }] }), /evil is not a known count/],
      ['a prototype key in counts', JSON.stringify({ ...env, snapshots: [{ ...env.snapshots[0], counts: {} }] }).replace('"counts":{}', '"counts":{"__proto__":{"views":1}}'), /__proto__ is not a known count/],
      ['too many places', JSON.stringify({ ...env, offers: [{ ...env.offers[0], details: { ...(env.offers[0]?.details as object), places: Array(101).fill('Hasselt') } }] }), /more than 100/],
      ['far too many records', `{"format":"${EXPORT_FORMAT}","version":1,"offers":[],"sightings":[${Array(2_000_001).fill('0').join(',')}]}`, /more than 2000000 records/],
    ];
    const db = await filled();
    const before = await dump(db);
    for (const [what, text, message] of bad) {
      const r = await importJson(db, text);
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error, what).toMatch(message);
        expect(r.error, what).toMatch(/Nothing was changed/);
        expect(r.error.length, what).toBeLessThan(1000);
      }
    }
    expect(await dump(db)).toEqual(before);
  }, 30_000);

  it('takes hostile text as text, drops unknown fields, and pollutes no prototype', async () => {
    const env = await envelope();
    const offer = { ...env.offers[0], key: 'hostile', text: MARKUP_PAYLOADS.join('\n'), evil: '<script>', constructor: 'x' };
    const text = JSON.stringify({ ...env, offers: [offer], sightings: [], snapshots: [] }).replace('"evil":"<script>"', '"evil":"<script>","__proto__":{"polluted":true}');
    const db = freshStore();
    const r = await importJson(db, text);
    expect(r.ok).toBe(true);
    const stored = (await db.offers.get('hostile')) as unknown as Record<string, unknown>;
    expect(stored.text).toBe(MARKUP_PAYLOADS.join('\n'));
    expect(Object.keys(stored)).not.toContain('evil');
    expect(Object.keys(stored)).not.toContain('constructor');
    expect(Object.prototype.hasOwnProperty.call(stored, '__proto__')).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
  });

  it('an import that fails halfway leaves the store as it was', async () => {
    const env = await envelope();
    const db = await filled();
    const before = await dump(db);
    // A merge of many new offers hits a full disk after 200 of them were written in the transaction.
    const offers = Array.from({ length: 300 }, (_, i) => ({ ...env.offers[0], key: `imp-${i}` }));
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++writes > 200) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const r = await importJson(db, JSON.stringify({ ...env, offers }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/undone, nothing was changed/);
    expect(writes).toBeGreaterThan(200);
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });
});

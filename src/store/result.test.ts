import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaults } from '../core/settings';
import { sightingPort, StoreError } from './port';
import { getOffer, markOffer } from './queries';
import { describeError, isQuotaError, QUOTA_MESSAGE } from './result';
import { loadSettings, saveSettings } from './settings';
import { recordSightings } from './sightings';
import { importJson } from './import';
import { exportJson } from './export';
import { closeStores, freshStore, sighting, T0 } from './test-helpers';

afterEach(() => {
  vi.restoreAllMocks();
  return closeStores();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('errors as results', () => {
  it('recognises a quota error however it is wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('bulk failed', [quota()]))).toBe(true);
    expect(isQuotaError(new Error('constraint'))).toBe(false);
    expect(describeError(quota())).toBe(QUOTA_MESSAGE);
  });

  it('reports a full disk during a batch as a result, and keeps nothing of the batch', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting({ key: 'before' })]);
    vi.spyOn(db.sightings, 'bulkAdd').mockImplementation(() => Dexie.Promise.reject(quota()) as never);
    const r = await recordSightings(db, [sighting({ key: 'during', seenAt: T0 + 1 })]);
    expect(r).toEqual({ ok: false, quota: true, error: QUOTA_MESSAGE });
    expect(await db.offers.toCollection().primaryKeys()).toEqual(['before']);
    expect(await db.sightings.count()).toBe(1);
  });

  it('undoes an import that hits the quota halfway', async () => {
    const source = freshStore();
    await recordSightings(source, [sighting({ key: 'a' }), sighting({ key: 'b', statusId: '2' })]);
    const json = await exportJson(source);
    if (!json.ok) throw new Error(json.error);
    const db = freshStore();
    vi.spyOn(db.snapshots, 'bulkAdd').mockImplementation(() => Dexie.Promise.reject(quota()) as never);
    const r = await importJson(db, json.value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.quota).toBe(true);
      expect(r.error).toMatch(/undone, nothing was changed/);
    }
    expect(await db.offers.count()).toBe(0);
    expect(await db.sightings.count()).toBe(0);
  });

  it('turns store failures into rejected promises for the background port, with the message', async () => {
    const db = freshStore();
    const port = sightingPort(db);
    expect(await port.recordSightings([sighting()])).toBe(1);
    expect(await port.seenBefore(['k1'], T0 + 1)).toEqual(['k1']);
    vi.spyOn(db.offers, 'bulkPut').mockImplementation(() => Dexie.Promise.reject(quota()) as never);
    const err = await port.recordSightings([sighting({ key: 'x' })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).quota).toBe(true);
    expect((err as StoreError).message).toBe(QUOTA_MESSAGE);
  });
});

describe('marks and settings', () => {
  it('sets and clears the user marks, and answers null for an unknown key', async () => {
    const db = freshStore();
    await recordSightings(db, [sighting()]);
    const on = await markOffer(db, 'k1', 'taken', true, T0);
    expect(on.ok && on.value).toMatchObject({ key: 'k1', taken: true, contacted: false });
    await markOffer(db, 'k1', 'taken', false, T0);
    const got = await getOffer(db, 'k1', T0);
    expect(got.ok && got.value?.taken).toBe(false);
    expect(await markOffer(db, 'nope', 'taken', true)).toEqual({ ok: true, value: null });
  });

  it('stores settings and reads back valid settings even from damaged data', async () => {
    const db = freshStore();
    expect(await loadSettings(db)).toEqual({ ok: true, value: defaults });
    await saveSettings(db, { ...defaults, staleHours: 6 });
    const s = await loadSettings(db);
    expect(s.ok && s.value.staleHours).toBe(6);
    await db.settings.put({ key: 'settings', value: { staleHours: 'soon', retentionDays: 7 } });
    const damaged = await loadSettings(db);
    expect(damaged.ok && [damaged.value.staleHours, damaged.value.retentionDays]).toEqual([defaults.staleHours, 7]);
  });
});

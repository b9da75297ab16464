import { describe, expect, it } from 'vitest';
import type { SightingInput, TabStatus } from '../shared/messages';
import { createHandler, type Sender } from './handler';
import type { Area, SightingStore } from './ports';
import { seenIndexStore } from './seen-index';
import { areaStatusStore, memoryStatusStore } from './tab-status';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const fromTab: Sender = { id: ID, url: 'https://x.com/hashtag/hasselthelpt', tab: { id: 7, url: 'https://x.com/hashtag/hasselthelpt' } };
const fromPopup: Sender = { id: ID, url: `${ORIGIN}popup.html` };

function memoryArea(): Area & { items: Record<string, unknown>; writes: number } {
  const items: Record<string, unknown> = {};
  const area = {
    items,
    writes: 0,
    async get(key: string | string[] | null) {
      const keys = key === null ? Object.keys(items) : Array.isArray(key) ? key : [key];
      return Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, structuredClone(items[k])]));
    },
    async set(next: Record<string, unknown>) {
      area.writes += 1;
      Object.assign(items, structuredClone(next));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete items[k];
    },
  };
  return area;
}

function sighting(key: string, seenAt: number): SightingInput {
  return {
    key,
    statusId: '1',
    author: 'a',
    reposter: null,
    text: 'Spare room tonight',
    lang: 'en',
    label: 'offer',
    postedAt: null,
    seenAt,
    offer: null,
    counts: {},
  };
}

const status: TabStatus = {
  url: 'https://x.com/hashtag/hasselthelpt',
  active: true,
  hidden: { sympathy: 3, repeat: 1, seen: 0, stale: 0, offtopic: 0 },
  tagged: 20,
  health: { ok: true, failing: [], checkedAt: 1 },
};

const CORE_FILES = { 'data/model/triage-model.json': '{"labels":[]}' };

function setup(
  store?: SightingStore,
  coreData: () => Promise<Record<string, string>> = async () => CORE_FILES,
  injectCore: (tabId: number, frameId: number) => Promise<void> = async () => undefined,
) {
  const area = memoryArea();
  const handle = createHandler({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    store: store ?? seenIndexStore(area),
    statuses: memoryStatusStore(),
    coreData,
    injectCore,
    batchDelayMs: 5,
    retryMs: 20,
  });
  return { handle, area };
}

describe('background message handler', () => {
  it('records sightings in one write per batch and answers seen-before by visit start', async () => {
    const { handle, area } = setup();
    const a = handle({ type: 'sightings/record', sightings: [sighting('k1', 100), sighting('k2', 100)] }, fromTab);
    const b = handle({ type: 'sightings/record', sightings: [sighting('k3', 300)] }, fromTab);
    expect(await a).toEqual({ ok: true, stored: 2 });
    expect(await b).toEqual({ ok: true, stored: 1 });
    expect(area.writes).toBe(1);
    expect(await handle({ type: 'offers/seen-before', keys: ['k1', 'k3', 'k9'], since: 200 }, fromTab)).toEqual({ ok: true, seen: ['k1'] });
  });

  it('answers seen-before after writing what is still pending', async () => {
    const { handle } = setup();
    void handle({ type: 'sightings/record', sightings: [sighting('k1', 100)] }, fromTab);
    expect(await handle({ type: 'offers/seen-before', keys: ['k1'], since: 200 }, fromTab)).toEqual({ ok: true, seen: ['k1'] });
  });

  it('passes offers closed or opened again to the store after the sightings they came with, and refuses malformed ones', async () => {
    const order: string[] = [];
    const { handle } = setup({
      recordSightings: async (s) => {
        order.push(`record ${s.map((x) => x.key).join(',')}`);
        return s.length;
      },
      seenBefore: async () => [],
      recentOffers: async () => [],
      setOfferStatuses: async (changes) => {
        order.push(`status ${changes.map((c) => `${c.key}=${c.closed}`).join(',')}`);
        return changes.length;
      },
    });
    const statuses = [{ key: 'k1', closed: true }, { key: 'k2', closed: true }, { key: 'k1', closed: false }];
    expect(await handle({ type: 'sightings/record', sightings: [sighting('k1', 100)], statuses }, fromTab)).toEqual({ ok: true, stored: 1 });
    expect(await handle({ type: 'sightings/record', sightings: [], statuses: [{ key: 'k3', closed: true }] }, fromTab)).toEqual({ ok: true, stored: 0 });
    expect(order).toEqual(['record k1', 'status k1=true,k2=true,k1=false', 'status k3=true']);
    expect(handle({ type: 'sightings/record', sightings: [], statuses: [{ key: 'k1', closed: 'yes' }] }, fromTab)).toBeUndefined();
    expect(handle({ type: 'sightings/record', sightings: [], statuses: 'k1' }, fromTab)).toBeUndefined();
  });

  it('answers a seen-before question that comes with sightings, also when they could not be stored', async () => {
    const { handle } = setup();
    await handle({ type: 'sightings/record', sightings: [sighting('k1', 100)] }, fromTab);
    expect(await handle({ type: 'sightings/record', sightings: [sighting('k2', 300)], ask: { keys: ['k1', 'k2'], since: 200 } }, fromTab)).toEqual({ ok: true, stored: 1, seen: ['k1'] });
    const full = setup({
      recordSightings: () => Promise.reject(new Error('disk full')),
      seenBefore: async (keys) => keys.slice(0, 1),
      recentOffers: async () => [],
      setOfferStatuses: async () => 0,
    });
    expect(await full.handle({ type: 'sightings/record', sightings: [sighting('k1', 100)], ask: { keys: ['k1'], since: 200 } }, fromTab)).toEqual({ ok: false, error: 'disk full', seen: ['k1'] });
    expect(handle({ type: 'sightings/record', sightings: [], ask: { keys: 'k1', since: 1 } }, fromTab)).toBeUndefined();
  });

  it('keeps the tab status for the popup', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'tab/status', status }, fromTab)).toEqual({ ok: true });
    expect(await handle({ type: 'tab/get-status', tabId: 7 }, fromPopup)).toEqual({ ok: true, status });
    expect(await handle({ type: 'tab/get-status', tabId: 8 }, fromPopup)).toEqual({ ok: true, status: null });
  });

  it('ignores invalid messages and wrong senders', () => {
    const { handle } = setup();
    expect(handle({ type: 'sightings/record', sightings: [{ key: 1 }] }, fromTab)).toBeUndefined();
    expect(handle({ type: 'nope' }, fromTab)).toBeUndefined();
    expect(handle(null, fromTab)).toBeUndefined();
    // Another extension, a page that is not x.com, a content message from a page, a page message from a tab.
    expect(handle({ type: 'tab/status', status }, { ...fromTab, id: 'other' })).toBeUndefined();
    expect(handle({ type: 'tab/status', status }, { id: ID, url: 'https://evil.example/', tab: { id: 3 } })).toBeUndefined();
    expect(handle({ type: 'tab/status', status }, fromPopup)).toBeUndefined();
    expect(handle({ type: 'tab/get-status', tabId: 7 }, fromTab)).toBeUndefined();
  });

  it('reports a store failure as an error reply, not a crash', async () => {
    const failing: SightingStore = {
      recordSightings: () => Promise.reject(new Error('disk full')),
      seenBefore: () => Promise.reject(new Error('closed')),
      recentOffers: () => Promise.reject(new Error('closed')),
      setOfferStatuses: () => Promise.reject(new Error('disk full')),
    };
    const { handle } = setup(failing);
    expect(await handle({ type: 'sightings/record', sightings: [sighting('k1', 1)] }, fromTab)).toEqual({ ok: false, error: 'disk full' });
    expect(await handle({ type: 'offers/seen-before', keys: ['k1'], since: 2 }, fromTab)).toEqual({ ok: false, error: 'closed' });
    expect(await handle({ type: 'offers/recent', limit: 10 }, fromTab)).toEqual({ ok: false, error: 'closed' });
  });

  it('tells the popup, with the tab status, that the store refuses writes and how many sightings wait', async () => {
    let full = true;
    const written: string[] = [];
    const { handle } = setup({
      recordSightings: async (s) => {
        if (full) throw Object.assign(new Error('no room left'), { quota: true });
        written.push(...s.map((x) => x.key));
        return s.length;
      },
      seenBefore: async () => [],
      recentOffers: async () => [],
      setOfferStatuses: async () => 0,
    });
    // A tab cannot claim a store state of its own.
    const claimed = { ...status, store: { error: 'fake', quota: false, waiting: 0, lost: 0, since: 0 } };
    await handle({ type: 'tab/status', status: claimed }, fromTab);
    expect(await handle({ type: 'tab/get-status', tabId: 7 }, fromPopup)).toEqual({ ok: true, status });
    await handle({ type: 'sightings/record', sightings: [sighting('k1', 1), sighting('k2', 2)] }, fromTab);
    const reply = await handle({ type: 'tab/get-status', tabId: 7 }, fromPopup);
    expect(reply).toMatchObject({ ok: true, status: { ...status, store: { error: 'no room left', quota: true, waiting: 2, lost: 0 } } });
    full = false;
    expect(await handle({ type: 'sightings/record', sightings: [sighting('k3', 3)] }, fromTab)).toEqual({ ok: true, stored: 1 });
    expect(written).toEqual(['k1', 'k2', 'k3']);
    expect(await handle({ type: 'tab/get-status', tabId: 7 }, fromPopup)).toEqual({ ok: true, status });
  });

  it('gives the content script the offers seen most recently, as many as it asks for', async () => {
    const offers = [1, 2, 3].map((i) => ({ key: `k${i}`, text: `Bed ${i}`, author: 'host', statusId: String(100 + i), postedAt: null }));
    const asked: number[] = [];
    const { handle } = setup({
      recordSightings: async (s) => s.length,
      seenBefore: async () => [],
      recentOffers: async (limit) => {
        asked.push(limit);
        return offers.slice(0, limit);
      },
      setOfferStatuses: async () => 0,
    });
    expect(await handle({ type: 'offers/recent', limit: 2 }, fromTab)).toEqual({ ok: true, offers: offers.slice(0, 2) });
    expect(asked).toEqual([2]);
    // Only this extension's content scripts on x.com may ask.
    expect(handle({ type: 'offers/recent', limit: 2 }, fromPopup)).toBeUndefined();
  });

  it("hands a content script the core's data files, and says so when they cannot be read", async () => {
    expect(await setup().handle({ type: 'core/data' }, fromTab)).toEqual({ ok: true, files: CORE_FILES });
    const { handle } = setup(undefined, () => Promise.reject(new Error('core-data.json: HTTP 404')));
    expect(await handle({ type: 'core/data' }, fromTab)).toEqual({ ok: false, error: 'core-data.json: HTTP 404' });
    expect(handle({ type: 'core/data' }, fromPopup)).toBeUndefined();
  });

  it('runs core.js in the frame that asks, and says why when it cannot', async () => {
    const runs: [number, number][] = [];
    const { handle } = setup(undefined, undefined, async (tabId, frameId) => {
      runs.push([tabId, frameId]);
      if (frameId === 3) throw new Error('Cannot access contents of the page');
    });
    expect(await handle({ type: 'core/inject' }, fromTab)).toEqual({ ok: true });
    expect(await handle({ type: 'core/inject' }, { ...fromTab, frameId: 3 })).toEqual({ ok: false, error: 'Cannot access contents of the page' });
    // Never into a page the extension's content scripts do not run in, nor for its own pages.
    expect(handle({ type: 'core/inject' }, fromPopup)).toBeUndefined();
    expect(handle({ type: 'core/inject' }, { id: ID, url: 'https://example.org/', tab: { id: 9, url: 'https://example.org/' } })).toBeUndefined();
    expect(runs).toEqual([
      [7, 0],
      [7, 3],
    ]);
  });
});

describe('stores', () => {
  it('status survives a restart when kept in a storage area', async () => {
    const area = memoryArea();
    await areaStatusStore(area).set(7, status);
    expect(await areaStatusStore(area).get(7)).toEqual(status);
    await areaStatusStore(area).remove(7);
    expect(await areaStatusStore(area).get(7)).toBeNull();
  });

  it('the seen index keeps the earliest time per key and survives a restart', async () => {
    const area = memoryArea();
    await seenIndexStore(area).recordSightings([sighting('k', 500), sighting('k', 100)]);
    await seenIndexStore(area).recordSightings([sighting('k', 900)]);
    expect(await seenIndexStore(area).seenBefore(['k'], 101)).toEqual(['k']);
    expect(await seenIndexStore(area).seenBefore(['k'], 100)).toEqual([]);
  });
});

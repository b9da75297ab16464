// The background accepts messages only from this extension (content scripts on
// x.com, its own pages), refuses everything else without an answer, and counts
// what it refused.
import { describe, expect, it } from 'vitest';
import type { SightingInput, TabStatus } from '../shared/messages';
import { createHandler, type Sender } from './handler';
import type { SightingStore } from './ports';
import { memoryStatusStore } from './tab-status';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = (url: string, id = 7): Sender => ({ id: ID, url, tab: { id, url } });
const fromX = tab('https://x.com/hashtag/PorteOuverte');

const status: TabStatus = {
  url: 'https://x.com/hashtag/PorteOuverte',
  active: true,
  hidden: { sympathy: 0, repeat: 0, seen: 0, stale: 0, offtopic: 0 },
  tagged: 1,
  health: { ok: true, failing: [], checkedAt: 1 },
};

function setup() {
  const written: SightingInput[][] = [];
  const store: SightingStore = {
    recordSightings: async (s) => {
      written.push(s);
      return s.length;
    },
    seenBefore: async () => [],
    recentOffers: async () => [],
    setOfferStatuses: async () => 0,
  };
  const handle = createHandler({ extensionId: ID, extensionOrigin: ORIGIN, store, statuses: memoryStatusStore(), coreData: async () => ({}), injectCore: async () => undefined, batchDelayMs: 1 });
  return { handle, written };
}

describe('who may send what', () => {
  it('refuses senders that are not this extension on x.com or its own pages, and counts them', async () => {
    const { handle, written } = setup();
    const msg = { type: 'tab/status', status };
    const strangers: Sender[] = [
      { ...fromX, id: 'another-extension' },
      { ...fromX, id: undefined },
      { url: 'https://x.com/hashtag/a', tab: { id: 1, url: 'https://x.com/hashtag/a' } },
      tab('https://evil.example/x.com/'),
      tab('https://x.com.evil.example/'),
      tab('http://x.com/hashtag/a'),
      tab('https://xcom/'),
      tab('javascript:alert(1)//https://x.com/'),
      { id: ID, url: 'https://x.com/hashtag/a' }, // no tab: not a content script
      { id: ID, url: `${ORIGIN}popup.html` }, // a page may not send content messages
      {} as Sender,
      null as unknown as Sender,
    ];
    for (const s of strangers) expect(handle(msg, s), JSON.stringify(s)).toBeUndefined();
    expect(handle({ type: 'tab/get-status', tabId: 7 }, fromX)).toBeUndefined();
    expect(handle({ type: 'tab/get-status', tabId: 7 }, { id: ID, url: 'chrome-extension://other/popup.html' })).toBeUndefined();
    expect(handle.rejected).toEqual({ shape: 0, sender: strangers.length + 2 });
    expect(written).toEqual([]);
    // The rightful senders still get answers.
    expect(await handle(msg, fromX)).toEqual({ ok: true });
    expect(await handle(msg, tab('https://twitter.com/search?q=%23PorteOuverte'))).toEqual({ ok: true });
    expect(await handle({ type: 'tab/get-status', tabId: 7 }, { id: ID, url: `${ORIGIN}popup.html` })).toEqual({ ok: true, status });
    expect(handle.rejected.sender).toBe(strangers.length + 2);
  });

  it('refuses malformed messages from the rightful sender, writes nothing, and counts them', () => {
    const { handle, written } = setup();
    const malformed: unknown[] = [
      null,
      'sightings/record',
      { type: 'sightings/record', sightings: [{ key: 'k', text: '<img src=x onerror=alert(1)>' }] },
      { type: 'sightings/record', sightings: 'all of them' },
      JSON.parse('{"type":"tab/status","status":{"__proto__":{"ok":true}}}'),
      { type: 'offers/seen-before', keys: [{}], since: 0 },
      { type: 'tab/remove-everything' },
    ];
    for (const m of malformed) expect(handle(m, fromX)).toBeUndefined();
    expect(handle.rejected).toEqual({ shape: malformed.length, sender: 0 });
    expect(written).toEqual([]);
  });
});

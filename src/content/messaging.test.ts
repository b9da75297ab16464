import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SightingInput } from '../shared/messages';
import type { ExtApi } from './ext';
import { failures } from './guard';
import { Messenger } from './messaging';

function fakeApi(reply: (msg: { type: string }) => unknown = () => ({ ok: true })) {
  const sent: { type: string; [k: string]: unknown }[] = [];
  const api: ExtApi = {
    runtime: {
      id: 'ext',
      sendMessage: async (m: unknown) => {
        sent.push(m as { type: string });
        return reply(m as { type: string });
      },
    },
    storage: { local: { get: async () => ({}) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  };
  return { api, sent };
}

const sighting = (key: string): SightingInput => ({
  key,
  statusId: null,
  author: null,
  reposter: null,
  text: 'x',
  lang: null,
  label: 'offer',
  postedAt: null,
  seenAt: 1,
  offer: null,
  counts: {},
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Messenger', () => {
  it('sends sightings and the seen-before question in one message, once a second', async () => {
    const { api, sent } = fakeApi((m) => (m.type === 'offers/seen-before' ? { ok: true, seen: ['b'] } : { ok: true, stored: 2, seen: ['a'] }));
    const m = new Messenger(api, new AbortController().signal, () => undefined);
    const seen: string[][] = [];
    m.sighting(sighting('a'));
    m.lookup('a', 100, (k) => seen.push(k));
    m.sighting(sighting('b'));
    m.lookup('b', 100, (k) => seen.push(k));
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.map((s) => s.type)).toEqual(['sightings/record']);
    expect((sent[0]!.sightings as SightingInput[]).map((s) => s.key)).toEqual(['a', 'b']);
    expect(sent[0]!.ask).toEqual({ keys: ['a', 'b'], since: 100 });
    expect(seen).toEqual([['a']]);
    // A question with no sighting to ride on, or of another visit, goes alone.
    m.lookup('c', 100, (k) => seen.push(k));
    m.sighting(sighting('d'));
    m.lookup('d', 500, (k) => seen.push(k));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.slice(1).map((s) => [s.type, s.ask ?? { keys: s.keys, since: s.since }])).toEqual([
      ['sightings/record', { keys: ['c'], since: 100 }],
      ['offers/seen-before', { keys: ['d'], since: 500 }],
    ]);
    expect(seen).toEqual([['a'], ['a'], ['b']]);
  });

  it('answers the question that rode with sightings the store could not keep', async () => {
    const { api } = fakeApi(() => ({ ok: false, error: 'disk full', seen: ['a'] }));
    const m = new Messenger(api, new AbortController().signal, () => undefined);
    const seen: string[][] = [];
    m.sighting(sighting('a'));
    m.lookup('a', 100, (k) => seen.push(k));
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([['a']]);
  });

  it('tells the store of closed and reopened offers with the sightings, in one message, or alone when no sighting waits', async () => {
    const { api, sent } = fakeApi();
    const m = new Messenger(api, new AbortController().signal, () => undefined);
    m.sighting(sighting('a'));
    m.offerStatus('a', true);
    m.offerStatus('a', false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'sightings/record', statuses: [{ key: 'a', closed: true }, { key: 'a', closed: false }] });
    expect((sent[0]!.sightings as SightingInput[]).map((s) => s.key)).toEqual(['a']);
    m.offerStatus('b', true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent[1]).toEqual({ type: 'sightings/record', sightings: [], statuses: [{ key: 'b', closed: true }] });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(2);
  });

  it('stops quietly when the extension context is gone', async () => {
    const { api, sent } = fakeApi();
    const onInvalid = vi.fn();
    const m = new Messenger(api, new AbortController().signal, onInvalid);
    (api.runtime as { id?: string }).id = undefined;
    expect(await m.send({ type: 'offers/seen-before', keys: [], since: 1 })).toBeNull();
    expect(onInvalid).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(0);
  });

  it('treats "Extension context invalidated" as the end, other errors as counted failures', async () => {
    const onInvalid = vi.fn();
    const api = fakeApi().api;
    api.runtime.sendMessage = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    const m = new Messenger(api, new AbortController().signal, onInvalid);
    const before = failures.count;
    expect(await m.send({ type: 'offers/seen-before', keys: [], since: 1 })).toBeNull();
    expect(failures.count).toBe(before + 1);
    expect(onInvalid).not.toHaveBeenCalled();
    api.runtime.sendMessage = () => Promise.reject(new Error('Extension context invalidated.'));
    expect(await m.send({ type: 'offers/seen-before', keys: [], since: 1 })).toBeNull();
    expect(onInvalid).toHaveBeenCalledOnce();
  });
});

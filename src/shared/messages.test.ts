import { describe, expect, it } from 'vitest';
import { isRecentOffer, isSighting, parseToBackground, type SightingInput } from './messages';

const sighting: SightingInput = {
  key: 'k1',
  statusId: '1234',
  author: 'host_a',
  reposter: null,
  text: 'Slaapplek voor 2 in Hasselt, stuur DM',
  lang: 'nl',
  label: 'offer',
  postedAt: '2026-08-18T20:00:00Z',
  seenAt: 1_787_000_000_000,
  offer: {
    kind: 'shelter',
    capacity: 2,
    places: ['Hasselt'],
    contact: { dm: true, phones: [], address: null, handles: [] },
    status: 'open',
    postedAt: '2026-08-18T20:00:00Z',
  },
  counts: { reposts: 3, views: 120 },
};

describe('parseToBackground', () => {
  it('accepts each well-formed message', () => {
    expect(parseToBackground({ type: 'sightings/record', sightings: [sighting] })).not.toBeNull();
    expect(parseToBackground({ type: 'offers/seen-before', keys: ['a', 'b'], since: 0 })).not.toBeNull();
    expect(parseToBackground({ type: 'tab/get-status', tabId: 3 })).not.toBeNull();
    expect(parseToBackground({ type: 'offers/recent', limit: 500 })).not.toBeNull();
    // Only the type is kept: whatever else a sender adds goes no further.
    expect(parseToBackground({ type: 'core/data', extra: 'x'.repeat(10) })).toEqual({ type: 'core/data' });
    // Nothing of the message says what runs where: the background runs its own core.js in the sender's frame.
    expect(parseToBackground({ type: 'core/inject', files: ['evil.js'], tabId: 1 })).toEqual({ type: 'core/inject' });
    expect(
      parseToBackground({
        type: 'tab/status',
        status: {
          url: 'https://x.com/hashtag/x',
          active: true,
          hidden: { sympathy: 1, repeat: 2, seen: 0, stale: 0, offtopic: 0 },
          tagged: 9,
          health: { ok: true, failing: [], checkedAt: 1 },
        },
      }),
    ).not.toBeNull();
  });

  it('rejects unknown types, wrong shapes and oversized batches', () => {
    expect(parseToBackground(null)).toBeNull();
    expect(parseToBackground('sightings/record')).toBeNull();
    expect(parseToBackground({ type: 'evil' })).toBeNull();
    expect(parseToBackground({ type: 'tab/get-status', tabId: '3' })).toBeNull();
    expect(parseToBackground({ type: 'offers/seen-before', keys: [1], since: 0 })).toBeNull();
    expect(parseToBackground({ type: 'sightings/record', sightings: Array(501).fill(sighting) })).toBeNull();
    expect(parseToBackground({ type: 'tab/status', status: { url: 'x' } })).toBeNull();
    expect(parseToBackground({ type: 'offers/recent', limit: 1001 })).toBeNull();
    expect(parseToBackground({ type: 'offers/recent', limit: '5' })).toBeNull();
    expect(parseToBackground({ type: 'offers/recent', limit: 2.5 })).toBeNull();
  });

  it('rejects a sighting with a bad field anywhere', () => {
    expect(isSighting(sighting)).toBe(true);
    expect(isSighting({ ...sighting, label: 'evil' })).toBe(false);
    expect(isSighting({ ...sighting, seenAt: Number.NaN })).toBe(false);
    expect(isSighting({ ...sighting, text: 'x'.repeat(20_001) })).toBe(false);
    expect(isSighting({ ...sighting, counts: { views: -1 } })).toBe(false);
    expect(isSighting({ ...sighting, counts: { hacked: 1 } })).toBe(false);
    expect(isSighting({ ...sighting, offer: { ...sighting.offer, contact: null } })).toBe(false);
  });
});

describe('isRecentOffer', () => {
  it('accepts an offer as the store gives it and refuses a bad field', () => {
    const offer = { key: 'k1', text: 'Slaapplek voor 2 in Hasselt', author: 'host_a', statusId: '1234', postedAt: null };
    expect(isRecentOffer(offer)).toBe(true);
    expect(isRecentOffer({ ...offer, key: 7 })).toBe(false);
    expect(isRecentOffer({ ...offer, text: null })).toBe(false);
    expect(isRecentOffer({ ...offer, author: 'x'.repeat(61) })).toBe(false);
    expect(isRecentOffer(null)).toBe(false);
  });
});

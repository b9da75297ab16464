import { describe, expect, it } from 'vitest';
import { sampleOffers } from '../shared/sample-data';
import { EMPTY_FILTER, effectiveStatus, facets, filterOffers, fold, type BoardFilter } from './board-filter';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const offers = sampleOffers(NOW);
const keys = (f: Partial<BoardFilter>, staleHours = 12) => filterOffers(offers, { ...EMPTY_FILTER, ...f }, NOW, staleHours).map((o) => o.key);

describe('effectiveStatus', () => {
  it('is closed when the text closed it, stale past the limit, open otherwise', () => {
    const byKey = Object.fromEntries(offers.map((o) => [o.key, o]));
    expect(effectiveStatus(byKey['k-famgenk-closed']!, NOW, 12)).toBe('closed');
    expect(effectiveStatus(byKey['k-herk-room']!, NOW, 12)).toBe('stale');
    expect(effectiveStatus(byKey['k-herk-room']!, NOW, 24)).toBe('open');
    expect(effectiveStatus(byKey['k-lindevh-kiewit']!, NOW, 1)).toBe('stale');
    expect(effectiveStatus(byKey['k-lindevh-kiewit']!, NOW, 2)).toBe('open');
  });

  it('counts from first seen when the post time is unknown', () => {
    const o = { ...offers[0]!, postedAt: null, firstSeenAt: NOW - 13 * 3_600_000 };
    expect(effectiveStatus(o, NOW, 12)).toBe('stale');
  });
});

describe('filterOffers', () => {
  it('lists every offer, newest post first', () => {
    expect(keys({})).toEqual([
      'k-lindevh-kiewit',
      'k-claire-liege',
      'k-jonas-aachen',
      'k-kiewitcafe-charging',
      'k-famgenk-closed',
      'k-herk-room',
    ]);
  });

  it('filters by kind, status, language and place', () => {
    expect(keys({ kind: 'transport' })).toEqual(['k-jonas-aachen']);
    expect(keys({ status: 'closed' })).toEqual(['k-famgenk-closed']);
    expect(keys({ status: 'stale' })).toEqual(['k-herk-room']);
    expect(keys({ status: 'open' })).toHaveLength(4);
    expect(keys({ lang: 'fr' })).toEqual(['k-claire-liege']);
    expect(keys({ place: 'hasselt' })).toEqual(['k-jonas-aachen', 'k-kiewitcafe-charging']);
    expect(keys({ kind: 'shelter', lang: 'nl', status: 'open' })).toEqual(['k-lindevh-kiewit']);
  });

  it('searches words anywhere, without case or accents, all words required', () => {
    expect(keys({ q: 'liege' })).toEqual(['k-claire-liege']);
    expect(keys({ q: 'SOUP midnight' })).toEqual(['k-kiewitcafe-charging']);
    expect(keys({ q: 'soup genk' })).toEqual([]);
    expect(keys({ q: '@jonas_ac' })).toEqual(['k-jonas-aachen']);
    expect(keys({ q: '0470' })).toEqual(['k-lindevh-kiewit']);
  });

  it('hides offers marked taken only when asked', () => {
    expect(keys({})).toContain('k-famgenk-closed');
    expect(keys({ hideTaken: true })).not.toContain('k-famgenk-closed');
  });
});

describe('facets', () => {
  it('counts places and languages, most frequent first, merging case and accents', () => {
    const extra = { ...offers[1]!, key: 'x', places: ['LIEGE'] };
    const f = facets([...offers, extra]);
    expect(f.langs).toEqual([
      { value: 'en', count: 2 },
      { value: 'fr', count: 2 },
      { value: 'nl', count: 2 },
      { value: 'de', count: 1 },
    ]);
    expect(f.places.find((p) => fold(p.value) === 'liege')?.count).toBe(2);
  });
});

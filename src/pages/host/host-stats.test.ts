import { describe, expect, it } from 'vitest';
import { sampleHostOffers } from '../shared/sample-data';
import { summarise } from './host-stats';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('summarise', () => {
  const [main, second] = sampleHostOffers(NOW);

  it('gives the latest counts and a series per count in time order', () => {
    const s = summarise(main!);
    expect(s.latest).toEqual({ views: 4800, reposts: 57, replies: 12, likes: 40 });
    expect(s.series.views.map((p) => p.value)).toEqual([120, 640, 1900, 3350, 4800]);
    expect(s.span?.to).toBe(NOW - 0.1 * 3_600_000);
  });

  it('counts how often and via which accounts it came by', () => {
    const s = summarise(main!);
    expect(s.timesSeen).toBe(10);
    expect(s.via.map((v) => [v.via, v.count])).toEqual([
      ['hasseltinfo', 5],
      [null, 3],
      ['pukkelhulp', 2],
    ]);
    expect(s.firstSeen).toBe(NOW - 1.4 * 3_600_000);
  });

  it('copes with missing counts, unsorted snapshots and no sightings', () => {
    const s = summarise({
      ...second!,
      snapshots: [
        { at: 20, counts: { views: 50 } },
        { at: 10, counts: { views: 10, likes: 1 } },
        { at: NaN, counts: { views: 999 } },
      ],
      sightings: [],
    });
    expect(s.series.views).toEqual([
      { at: 10, value: 10 },
      { at: 20, value: 50 },
    ]);
    expect(s.latest).toEqual({ views: 50, likes: 1 });
    expect(s.series.reposts).toEqual([]);
    expect(s.timesSeen).toBe(0);
    expect(s.firstSeen).toBeNull();
    expect(summarise({ ...second!, snapshots: [], sightings: [] }).span).toBeNull();
  });
});

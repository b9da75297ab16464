import { describe, expect, it } from 'vitest';
import type { SightingInput } from '../shared/messages';
import { sighting } from '../store/test-helpers';
import { MAX_RETAINED, SightingBatcher } from './batch';
import type { SightingStore } from './ports';

class Full extends Error {
  readonly quota = true;
}

/** A store that refuses writes while `full` is true, and keeps what it takes. */
function store() {
  const kept: SightingInput[] = [];
  const s = {
    full: false,
    kept,
    async recordSightings(batch: SightingInput[]) {
      if (s.full) throw new Full('no room left');
      kept.push(...batch);
      return batch.length;
    },
    setOfferStatuses: async () => 0,
    seenBefore: async () => [],
    recentOffers: async () => [],
  };
  return s satisfies SightingStore;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SightingBatcher', () => {
  it('keeps a batch the store refused and writes it with the next one, once there is room', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 60_000, () => 1000);
    s.full = true;
    await expect(b.add([sighting({ key: 'a' }), sighting({ key: 'b' })])).rejects.toThrow('no room left');
    expect(b.trouble()).toEqual({ error: 'no room left', quota: true, waiting: 2, lost: 0, since: 1000 });
    s.full = false;
    expect(await b.add([sighting({ key: 'c' })])).toBe(1);
    expect(s.kept.map((x) => x.key)).toEqual(['a', 'b', 'c']);
    expect(b.trouble()).toBeNull();
  });

  it('tries again by itself when no new sighting comes', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 20);
    s.full = true;
    await expect(b.add([sighting({ key: 'a' })])).rejects.toThrow();
    s.full = false;
    for (let i = 0; i < 50 && s.kept.length === 0; i++) await wait(10);
    expect(s.kept.map((x) => x.key)).toEqual(['a']);
    expect(b.trouble()).toBeNull();
  });

  it('keeps at most MAX_RETAINED, the newest, and counts the rest as lost', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 60_000);
    s.full = true;
    const many = Array.from({ length: MAX_RETAINED + 10 }, (_, i) => sighting({ key: `k${i}` }));
    await expect(b.add(many)).rejects.toThrow();
    expect(b.trouble()).toMatchObject({ waiting: MAX_RETAINED, lost: 10 });
    s.full = false;
    await b.flush();
    expect(s.kept).toHaveLength(MAX_RETAINED);
    expect(s.kept[0]?.key).toBe('k10');
  });
});

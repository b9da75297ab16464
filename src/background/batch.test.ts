import { describe, expect, it } from 'vitest';
import type { OfferStatusChange, SightingInput } from '../shared/messages';
import { sighting } from '../store/test-helpers';
import { MAX_RETAINED, SightingBatcher } from './batch';
import type { SightingStore } from './ports';

class Full extends Error {
  readonly quota = true;
}

/** A store that refuses writes while `full` is true (or only status writes), and keeps what it takes. */
function store() {
  const kept: SightingInput[] = [];
  const statuses: OfferStatusChange[] = [];
  const s = {
    full: false,
    statusesFull: false,
    /** Another failure than a full disk, once. */
    brokenOnce: false,
    writes: 0,
    kept,
    statuses,
    async recordSightings(batch: SightingInput[]) {
      s.writes += 1;
      if (s.brokenOnce) {
        s.brokenOnce = false;
        throw new Error('upgrade blocked');
      }
      if (s.full) throw new Full('no room left');
      kept.push(...batch);
      return batch.length;
    },
    async setOfferStatuses(changes: OfferStatusChange[]) {
      if (s.full || s.statusesFull) throw new Full('no room left');
      statuses.push(...changes);
      return changes.length;
    },
    seenBefore: async () => [],
    recentOffers: async () => [],
  };
  return s satisfies SightingStore;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await wait(5);
  expect(cond()).toBe(true);
}
const keys = (xs: SightingInput[]) => xs.map((x) => x.key);

describe('SightingBatcher on a full store', () => {
  it('keeps what the store refused, adds what comes meanwhile, and writes it all in order once there is room', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 30, () => 1000);
    s.full = true;
    await expect(b.add([sighting({ key: 'a' }), sighting({ key: 'b' })])).rejects.toThrow('no room left');
    expect(b.trouble()).toEqual({ error: 'no room left', quota: true, waiting: 2, lost: 0, since: 1000 });
    const later = b.add([sighting({ key: 'c' })]);
    s.full = false;
    expect(await later).toBe(1);
    expect(keys(s.kept)).toEqual(['a', 'b', 'c']);
    expect(b.trouble()).toBeNull();
  });

  it('tries again by itself when no new sighting comes', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 20);
    s.full = true;
    await expect(b.add([sighting({ key: 'a' })])).rejects.toThrow();
    s.full = false;
    await until(() => s.kept.length === 1);
    expect(b.trouble()).toBeNull();
  });

  it('a flush for a question, while the store is full, neither writes nor puts the next try off', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 40);
    s.full = true;
    await expect(b.add([sighting({ key: 'a' })])).rejects.toThrow();
    const writes = s.writes;
    for (let i = 0; i < 6; i++) {
      await b.flush();
      await wait(10);
    }
    // One try in those 60 ms (due 40 ms after the failure), not one per flush.
    expect(s.writes - writes).toBe(1);
    s.full = false;
    await until(() => s.kept.length === 1);
  });

  it('keeps the newest MAX_RETAINED of two refused batches, in order, and counts the rest as lost', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 20);
    s.full = true;
    const batch = (p: string) => Array.from({ length: 3000 }, (_, i) => sighting({ key: `${p}${i}` }));
    const first = b.add(batch('A'));
    void b.flush();
    const second = b.add(batch('B'));
    void b.flush();
    await expect(first).rejects.toThrow();
    await expect(second).rejects.toThrow();
    expect(b.trouble()).toMatchObject({ waiting: MAX_RETAINED, lost: 1000 });
    s.full = false;
    await until(() => s.kept.length > 0);
    expect(s.kept).toHaveLength(MAX_RETAINED);
    expect([s.kept[0]?.key, s.kept[1999]?.key, s.kept[2000]?.key, s.kept[4999]?.key]).toEqual(['A1000', 'A2999', 'B0', 'B2999']);
  });

  it('does not write again a batch whose failure was not a full disk (it may still land: counted twice)', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 20);
    s.brokenOnce = true;
    await expect(b.add([sighting({ key: 'a' })])).rejects.toThrow('upgrade blocked');
    expect(b.trouble()).toBeNull();
    expect(await b.add([sighting({ key: 'b' })])).toBe(1);
    await wait(50);
    expect(keys(s.kept)).toEqual(['b']);
  });

  it('keeps the statuses a full store refused after their sightings were written, without writing the sightings twice', async () => {
    const s = store();
    const b = new SightingBatcher(s, 1, 20);
    s.statusesFull = true;
    await expect(b.add([sighting({ key: 'a' })], [{ key: 'a', closed: true }])).rejects.toThrow();
    expect(keys(s.kept)).toEqual(['a']);
    s.statusesFull = false;
    await until(() => s.statuses.length === 1);
    expect(s.statuses).toEqual([{ key: 'a', closed: true }]);
    expect(keys(s.kept)).toEqual(['a']);
  });
});

import { describe, expect, it } from 'vitest';
import type { RestoreRecord } from '../core/repeat/index';
import { createRepeatTracker } from '../core/repeat/stream';
import type { RecentOffer } from '../shared/messages';
import type { RepeatTracker } from './core';
import { SEED_OFFERS, seedTracker } from './seed';

const OFFER = 'Spare room in Hasselt for 2 people tonight, shower and hot food available. Just send me a DM #hasselthelpt';
const REWORDED = 'Still a spare room in Hasselt for 2 people tonight, with shower and hot food. Send me a DM #hasselthelpt';

const stored = (i: number): RecentOffer => ({ key: `k${i}`, text: `Bed ${i} in Genk`, author: 'host', statusId: String(100 + i), postedAt: null });

function recording(): { tracker: RepeatTracker; taken: RestoreRecord[] } {
  const taken: RestoreRecord[] = [];
  return {
    taken,
    tracker: {
      see: () => ({ key: 'x', closes: [] }),
      offer: () => null,
      restore: (records) => {
        taken.push(...records);
        return records.length;
      },
    },
  };
}

describe('seedTracker', () => {
  it('gives the tracker the stored offers, oldest first, and skips what is malformed', async () => {
    const { tracker, taken } = recording();
    const asked: number[] = [];
    const n = await seedTracker(
      tracker,
      async (limit) => {
        asked.push(limit);
        return [stored(3), { key: 9 }, stored(2), stored(1)];
      },
      new AbortController().signal,
    );
    expect(asked).toEqual([SEED_OFFERS]);
    expect(n).toBe(3);
    expect(taken.map((r) => r.key)).toEqual(['k1', 'k2', 'k3']);
    expect(taken[0]).toEqual({ key: 'k1', text: 'Bed 1 in Genk', author: 'host', firstId: '101', postedAt: null });
  });

  it('does nothing when the store cannot answer or the tracker cannot take offers in', async () => {
    const { tracker, taken } = recording();
    expect(await seedTracker(tracker, async () => null, new AbortController().signal)).toBe(0);
    expect(taken).toEqual([]);
    let asked = false;
    const plain: RepeatTracker = { see: () => ({ key: 'x', closes: [] }), offer: () => null };
    const ask = async () => {
      asked = true;
      return [stored(1)];
    };
    expect(await seedTracker(plain, ask, new AbortController().signal)).toBe(0);
    expect(asked).toBe(false);
  });

  it('works in slices and stops when the tab is left', async () => {
    const { tracker, taken } = recording();
    const ctrl = new AbortController();
    const offers = Array.from({ length: 50 }, (_, i) => stored(i));
    // A slice of no time takes one offer per task.
    const done = seedTracker(tracker, async () => offers, ctrl.signal, 0);
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    ctrl.abort();
    const n = await done;
    expect(n).toBe(taken.length);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(50);
    await new Promise((r) => setTimeout(r, 5));
    expect(taken.length).toBe(n);
  });

  it('with the real repeat tracker, a rewording of a stored offer gets the stored key', async () => {
    const wrap = () => {
      const t = createRepeatTracker();
      const tracker: RepeatTracker = { see: (m, o) => t.see(m, o), offer: (m, k) => t.offer(m, k), restore: (r) => t.index.restore(r) };
      return tracker;
    };
    const msg = { id: '104099', text: REWORDED, author: 'annelies_h', createdAt: '2011-08-18T21:00:00Z', lang: 'en' };
    const seeded = wrap();
    const offer: RecentOffer = { key: 'kStored', text: OFFER, author: 'annelies_h', statusId: '104001', postedAt: '2011-08-18T18:40:00.000Z' };
    expect(await seedTracker(seeded, async () => [offer], new AbortController().signal)).toBe(1);
    expect(seeded.see(msg, true).key).toBe('kStored');
    // Without the seed, the rewording is a message of its own.
    expect(wrap().see(msg, true).key).not.toBe('kStored');
  });
});

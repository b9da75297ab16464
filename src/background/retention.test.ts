import { describe, expect, it } from 'vitest';
import { PRUNE_EVERY_MS, pruneIfDue, pruneIfTightened } from './retention';

function area(items: Record<string, unknown> = {}) {
  return {
    items,
    async get(keys: string | string[] | null) {
      const ks = keys === null ? Object.keys(items) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(ks.filter((k) => k in items).map((k) => [k, items[k]]));
    },
    async set(next: Record<string, unknown>) {
      Object.assign(items, next);
    },
  };
}

describe('pruneIfDue', () => {
  it('prunes with the settings limits at most once a day', async () => {
    const a = area({ settings: { version: 1, retentionDays: 7, maxOffers: 500 } });
    const calls: unknown[] = [];
    const prune = async (l: unknown) => void calls.push(l);
    expect(await pruneIfDue(a, prune, 1_000_000_000)).toBe(true);
    expect(calls).toEqual([{ retentionDays: 7, maxOffers: 500 }]);
    expect(await pruneIfDue(a, prune, 1_000_000_000 + PRUNE_EVERY_MS - 1)).toBe(false);
    expect(await pruneIfDue(a, prune, 1_000_000_000 + PRUNE_EVERY_MS)).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('uses the default limits when the settings are missing or damaged', async () => {
    const calls: unknown[] = [];
    await pruneIfDue(area({ settings: 'x' }), async (l) => void calls.push(l), PRUNE_EVERY_MS + 5);
    expect(calls).toEqual([{ retentionDays: 30, maxOffers: 50_000 }]);
  });
});

describe('pruneIfTightened', () => {
  const collect = () => {
    const calls: unknown[] = [];
    return { calls, prune: async (l: unknown) => void calls.push(l) };
  };

  it('prunes at once with the new limits when fewer days or offers are kept', async () => {
    const { calls, prune } = collect();
    expect(await pruneIfTightened({ version: 1, retentionDays: 30 }, { version: 1, retentionDays: 3 }, prune)).toBe(true);
    expect(await pruneIfTightened({ version: 1, maxOffers: 50_000 }, { version: 1, maxOffers: 1_000 }, prune)).toBe(true);
    expect(calls).toEqual([
      { retentionDays: 3, maxOffers: 50_000 },
      { retentionDays: 30, maxOffers: 1_000 },
    ]);
  });

  it('leaves the store alone when the limits stay or grow, or the settings were removed', async () => {
    const { calls, prune } = collect();
    expect(await pruneIfTightened({ version: 1, retentionDays: 3 }, { version: 1, retentionDays: 30 }, prune)).toBe(false);
    expect(await pruneIfTightened({ version: 1, retentionDays: 3 }, { version: 1, retentionDays: 3, staleHours: 2 }, prune)).toBe(false);
    expect(await pruneIfTightened({ version: 1, retentionDays: 3 }, undefined, prune)).toBe(false);
    expect(calls).toEqual([]);
  });
});

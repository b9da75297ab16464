// A small persistent record of when each offer key was first displayed, in
// storage.local: enough to answer "seen on an earlier visit?". The store in
// src/store keeps the full offers; this index answers when no store is wired.
import type { SightingInput } from '../shared/messages';
import type { Area, SightingStore } from './ports';

const KEY = 'seenIndex';
const MAX_KEYS = 20_000;

type Index = Record<string, number>;

export function seenIndexStore(area: Area): SightingStore {
  let cache: Index | null = null;
  async function load(): Promise<Index> {
    if (cache) return cache;
    const got = await area.get(KEY);
    const v = got[KEY];
    cache = v && typeof v === 'object' && !Array.isArray(v) ? (v as Index) : {};
    return cache;
  }
  return {
    async recordSightings(sightings: SightingInput[]) {
      const index = await load();
      let changed = false;
      for (const s of sightings) {
        const known = index[s.key];
        if (known === undefined || s.seenAt < known) {
          index[s.key] = s.seenAt;
          changed = true;
        }
      }
      const keys = Object.keys(index);
      if (keys.length > MAX_KEYS) {
        keys.sort((a, b) => (index[a] as number) - (index[b] as number));
        for (const k of keys.slice(0, keys.length - MAX_KEYS)) delete index[k];
      }
      if (changed) await area.set({ [KEY]: index });
      return sightings.length;
    },
    async seenBefore(keys, since) {
      const index = await load();
      return keys.filter((k) => (index[k] ?? Infinity) < since);
    },
    // Only keys and times are kept here: no text for the repeat tracker to read.
    recentOffers: () => Promise.resolve([]),
    // No offer is kept here, so none has a status to change.
    setOfferStatuses: () => Promise.resolve(0),
  };
}

// Retention: at most once a day, when the background wakes, offers not seen
// for `retentionDays` (and the oldest beyond `maxOffers`) leave the store.
import { migrateSettings } from '../core/settings';
import type { Area } from './ports';

export const PRUNE_EVERY_MS = 24 * 3_600_000;
const LAST_KEY = 'lastPrune';

export async function pruneIfDue(
  area: Pick<Area, 'get' | 'set'>,
  prune: (limits: { retentionDays: number; maxOffers: number }) => Promise<unknown>,
  now = Date.now(),
): Promise<boolean> {
  const got = await area.get([LAST_KEY, 'settings']);
  const last = typeof got[LAST_KEY] === 'number' ? (got[LAST_KEY] as number) : 0;
  if (now - last < PRUNE_EVERY_MS) return false;
  const s = migrateSettings(got.settings);
  await area.set({ [LAST_KEY]: now });
  await prune({ retentionDays: s.retentionDays, maxOffers: s.maxOffers });
  return true;
}

/**
 * When the user keeps offers for fewer days (or fewer offers), prune at once rather than at the
 * next daily run: the usual reason is a full disk. `before`/`after` are the stored settings values.
 */
export async function pruneIfTightened(
  before: unknown,
  after: unknown,
  prune: (limits: { retentionDays: number; maxOffers: number }) => Promise<unknown>,
): Promise<boolean> {
  if (after === undefined) return false;
  const a = migrateSettings(before);
  const b = migrateSettings(after);
  if (b.retentionDays >= a.retentionDays && b.maxOffers >= a.maxOffers) return false;
  await prune({ retentionDays: b.retentionDays, maxOffers: b.maxOffers });
  return true;
}

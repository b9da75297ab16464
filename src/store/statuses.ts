// Offers closed by a later message of their author ("full"), or opened again
// when that message turned out to fit another offer too: the content script
// reports both, in the order they happened, and the last word stands.

import { safely, type StoreResult } from './result';
import type { TriageDB } from './schema';
import type { OfferStatusChange } from '../shared/messages';

const isChange = (c: unknown): c is OfferStatusChange =>
  typeof c === 'object' && c !== null && typeof (c as OfferStatusChange).key === 'string' && typeof (c as OfferStatusChange).closed === 'boolean';

/** Applies the changes to the stored offers they name (keys not stored are skipped); answers how many offers changed. */
export function setOfferStatuses(db: TriageDB, changes: readonly OfferStatusChange[]): Promise<StoreResult<number>> {
  const valid = Array.isArray(changes) ? changes.filter(isChange) : [];
  if (!valid.length) return Promise.resolve({ ok: true, value: 0 });
  return safely(() =>
    db.transaction('rw', db.offers, async () => {
      const keys = [...new Set(valid.map((c) => c.key))];
      const stored = await db.offers.bulkGet(keys);
      const last = new Map<string, boolean>();
      for (const c of valid) last.set(c.key, c.closed);
      const changed = stored.flatMap((o) => {
        const closed = o ? last.get(o.key) : undefined;
        if (!o || closed === undefined || (o.status === 'closed') === closed) return [];
        const status = closed ? ('closed' as const) : ('open' as const);
        return [{ ...o, status, details: { ...o.details, status } }];
      });
      if (changed.length) await db.offers.bulkPut(changed);
      return changed.length;
    }),
  );
}

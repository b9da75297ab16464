// Open, closed or stale. Staleness counts from the ORIGINAL post: a repost
// seen hours later of an offer posted yesterday is as old as the offer.

import type { OfferStatus } from '../types';

export const HOUR_MS = 3_600_000;

export function isStale(postedAt: number | null, now: number, staleHours: number): boolean {
  return postedAt !== null && Number.isFinite(staleHours) && now - postedAt > staleHours * HOUR_MS;
}

export function offerStatus(opts: { closed: boolean; postedAt: number | null; now: number; staleHours: number }): OfferStatus {
  if (opts.closed) return 'closed';
  return isStale(opts.postedAt, opts.now, opts.staleHours) ? 'stale' : 'open';
}

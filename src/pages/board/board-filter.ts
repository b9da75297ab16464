// The board's view of the offers: effective status, filters, text search,
// newest first, and the choices offered in the filter menus. Pure.

import type { OfferKind, OfferStatus } from '../../core/types';
import type { BoardOffer } from '../shared/backend';

export interface BoardFilter {
  kind: OfferKind | '';
  place: string;
  lang: string;
  status: OfferStatus | '';
  /** Free text; every word must occur somewhere in the offer. */
  q: string;
  hideTaken: boolean;
}

export const EMPTY_FILTER: BoardFilter = { kind: '', place: '', lang: '', status: '', q: '', hideTaken: false };

const HOUR = 3_600_000;

/** When the offer was first posted, as epoch ms: the tweet's time, else when first seen here. */
export function postedMs(o: BoardOffer): number {
  const t = o.postedAt ? Date.parse(o.postedAt) : NaN;
  return Number.isNaN(t) ? o.firstSeenAt : t;
}

/** Closed when its text says so; stale when older than the user's limit; else open. */
export function effectiveStatus(o: BoardOffer, now: number, staleHours: number): OfferStatus {
  if (o.status === 'closed') return 'closed';
  if (o.status === 'stale') return 'stale';
  return now - postedMs(o) > staleHours * HOUR ? 'stale' : 'open';
}

/** Lower case without accents, so "Liège" matches "liege". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const samePlace = (a: string, b: string) => fold(a.trim()) === fold(b.trim());

function haystack(o: BoardOffer): string {
  const c = o.contact;
  return fold([o.text, o.author ?? '', ...o.places, ...c.phones, c.address ?? '', ...c.handles].join('\n'));
}

export function matches(o: BoardOffer, f: BoardFilter, status: OfferStatus): boolean {
  if (f.kind && o.kind !== f.kind) return false;
  if (f.status && status !== f.status) return false;
  if (f.lang && (o.lang ?? '') !== f.lang) return false;
  if (f.place && !o.places.some((p) => samePlace(p, f.place))) return false;
  if (f.hideTaken && o.taken) return false;
  const words = fold(f.q).split(/\s+/).filter(Boolean);
  if (words.length) {
    const text = haystack(o);
    if (!words.every((w) => text.includes(w.replace(/^[@#]/, '')))) return false;
  }
  return true;
}

export interface ViewOffer extends BoardOffer {
  effective: OfferStatus;
}

/** The offers that pass the filter, newest first (ties: latest seen first). */
export function filterOffers(offers: BoardOffer[], f: BoardFilter, now: number, staleHours: number): ViewOffer[] {
  return offers
    .map((o) => ({ ...o, effective: effectiveStatus(o, now, staleHours) }))
    .filter((o) => matches(o, f, o.effective))
    .sort((a, b) => postedMs(b) - postedMs(a) || b.lastSeenAt - a.lastSeenAt || a.key.localeCompare(b.key));
}

export interface Facet {
  value: string;
  count: number;
}

function tally(values: string[]): Facet[] {
  const counts = new Map<string, Facet>();
  for (const v of values) {
    const key = fold(v.trim());
    if (!key) continue;
    const f = counts.get(key);
    if (f) f.count += 1;
    else counts.set(key, { value: v.trim(), count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Places and languages present in the offers, most frequent first. */
export function facets(offers: BoardOffer[]): { places: Facet[]; langs: Facet[] } {
  return {
    places: tally(offers.flatMap((o) => o.places)),
    langs: tally(offers.map((o) => o.lang ?? '').filter(Boolean)),
  };
}

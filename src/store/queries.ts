// Reading the store: what the content script asks ("seen before?"), what the
// offers board lists and what the host page charts.

import Dexie from 'dexie';
import { defaults } from '../core/settings';
import { offerStatus } from '../core/offer/status';
import type { OfferKind, OfferStatus, TweetCounts } from '../core/types';
import type { RecentOffer } from '../shared/messages';
import type { HostView, OfferMark, OfferView, StoredOffer } from './records';
import { safely, type StoreResult } from './result';
import type { TriageDB } from './schema';

/** Of `keys`, those first displayed before `since` (epoch ms): offers, and any other kept message. */
export function seenBefore(db: TriageDB, keys: readonly string[], since: number): Promise<StoreResult<string[]>> {
  return safely(async () => {
    const unique = [...new Set(keys)];
    const offers = await db.offers.bulkGet(unique);
    const seen: string[] = [];
    const rest: string[] = [];
    unique.forEach((k, i) => {
      const o = offers[i];
      if (o) {
        if (o.firstSeenAt < since) seen.push(k);
      } else rest.push(k);
    });
    for (const k of rest) {
      const first = await db.sightings.where('[key+seenAt]').between([k, Dexie.minKey], [k, since], true, false).first();
      if (first) seen.push(k);
    }
    return seen;
  });
}

export function toView(o: StoredOffer, now: number, staleHours: number): OfferView {
  return {
    key: o.key,
    statusId: o.statusId,
    author: o.author,
    text: o.text,
    lang: o.lang,
    kind: o.details.kind,
    capacity: o.details.capacity,
    places: [...o.details.places],
    contact: { ...o.details.contact, phones: [...o.details.contact.phones], handles: [...o.details.contact.handles] },
    status: offerStatus({ closed: o.status === 'closed', postedAt: o.firstPostedAt, now, staleHours }),
    postedAt: o.firstPostedAt === null ? null : new Date(o.firstPostedAt).toISOString(),
    firstSeenAt: o.firstSeenAt,
    lastSeenAt: o.lastSeenAt,
    reposts: o.repostsSeen,
    contacted: o.contacted,
    taken: o.taken,
  };
}

export interface OfferQuery {
  status?: OfferStatus[];
  kinds?: OfferKind[];
  /** Only offers seen at or after this time (epoch ms). */
  seenSince?: number;
  authors?: string[];
  limit?: number;
  offset?: number;
  /** For 'stale': defaults to the current time and the default staleHours. */
  now?: number;
  staleHours?: number;
}

/** Offers, most recently seen first. */
export function listOffers(db: TriageDB, query: OfferQuery = {}): Promise<StoreResult<OfferView[]>> {
  return safely(async () => {
    const now = query.now ?? Date.now();
    const staleHours = query.staleHours ?? defaults.staleHours;
    const limit = Math.max(0, query.limit ?? 1000);
    let skip = Math.max(0, query.offset ?? 0);
    const authors = query.authors ? new Set(query.authors.map((a) => a.replace(/^@/, '').toLowerCase())) : null;
    const out: OfferView[] = [];
    const coll = query.seenSince !== undefined ? db.offers.where('lastSeenAt').aboveOrEqual(query.seenSince).reverse() : db.offers.orderBy('lastSeenAt').reverse();
    await coll.until(() => out.length >= limit).each((o) => {
      if (query.kinds && !query.kinds.includes(o.details.kind)) return;
      if (authors && !(o.author && authors.has(o.author))) return;
      const view = toView(o, now, staleHours);
      if (query.status && !query.status.includes(view.status)) return;
      if (skip > 0) {
        skip -= 1;
        return;
      }
      out.push(view);
    });
    return out;
  });
}

/** Changes whenever an offer is added or seen again (every sighting moves lastSeenAt): what the pages watch. */
export function offersVersion(db: TriageDB): Promise<StoreResult<string>> {
  return safely(async () => {
    const latest = await db.offers.orderBy('lastSeenAt').last();
    // Closed ones counted too: a "full" changes an offer without a sighting of it.
    const closed = await db.offers.where('status').equals('closed').count();
    return `${await db.offers.count()}:${latest?.lastSeenAt ?? 0}:${closed}`;
  });
}

/** The offers seen most recently, newest first: their keys, and the text and author each key was read from. */
export function recentOffers(db: TriageDB, limit: number): Promise<StoreResult<RecentOffer[]>> {
  return safely(async () => {
    const rows = await db.offers.orderBy('lastSeenAt').reverse().limit(Math.max(0, limit)).toArray();
    return rows.map((o) => ({
      key: o.key,
      text: o.text,
      author: o.author,
      statusId: o.statusId,
      postedAt: o.firstPostedAt === null ? null : new Date(o.firstPostedAt).toISOString(),
    }));
  });
}

export function getOffer(db: TriageDB, key: string, now = Date.now(), staleHours = defaults.staleHours): Promise<StoreResult<OfferView | null>> {
  return safely(async () => {
    const o = await db.offers.get(key);
    return o ? toView(o, now, staleHours) : null;
  });
}

/** Set or clear one of the user's marks; answers the updated offer, or null when the key is unknown. */
export function markOffer(db: TriageDB, key: string, mark: OfferMark, on: boolean, now = Date.now(), staleHours = defaults.staleHours): Promise<StoreResult<OfferView | null>> {
  return safely(() =>
    db.transaction('rw', db.offers, async () => {
      const o = await db.offers.get(key);
      if (!o) return null;
      if (mark === 'contacted') o.contacted = on;
      else o.taken = on;
      await db.offers.put(o);
      return toView(o, now, staleHours);
    }),
  );
}

/** Count snapshots of these tweets, oldest first, by status id. */
export function snapshotsFor(db: TriageDB, statusIds: readonly string[]): Promise<StoreResult<Record<string, { at: number; counts: TweetCounts }[]>>> {
  return safely(async () => {
    const out: Record<string, { at: number; counts: TweetCounts }[]> = {};
    for (const id of new Set(statusIds)) {
      const rows = await db.snapshots.where('[statusId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
      out[id] = rows.map((r) => ({ at: r.at, counts: r.counts }));
    }
    return out;
  });
}

/** Every offer by these handles with its count snapshots and sightings: the host page. */
export function offersByAuthors(db: TriageDB, handles: readonly string[]): Promise<StoreResult<HostView[]>> {
  return safely(async () => {
    const wanted = [...new Set(handles.map((h) => h.trim().replace(/^@/, '').toLowerCase()).filter(Boolean))];
    if (!wanted.length) return [];
    const offers = await db.offers.where('author').anyOf(wanted).toArray();
    offers.sort((a, b) => (b.firstPostedAt ?? b.firstSeenAt) - (a.firstPostedAt ?? a.firstSeenAt));
    const out: HostView[] = [];
    for (const o of offers) {
      const snaps = o.statusId ? await db.snapshots.where('[statusId+at]').between([o.statusId, Dexie.minKey], [o.statusId, Dexie.maxKey]).toArray() : [];
      const seen = await db.sightings.where('[key+seenAt]').between([o.key, Dexie.minKey], [o.key, Dexie.maxKey]).toArray();
      out.push({
        key: o.key,
        statusId: o.statusId,
        author: o.author,
        text: o.text,
        postedAt: o.firstPostedAt === null ? null : new Date(o.firstPostedAt).toISOString(),
        snapshots: snaps.map((s) => ({ at: s.at, counts: s.counts })),
        sightings: seen.map((s) => ({ at: s.seenAt, via: s.via })),
      });
    }
    return out;
  });
}

export function countOffers(db: TriageDB): Promise<StoreResult<number>> {
  return safely(() => db.offers.count());
}

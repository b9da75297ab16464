// Records what the content script saw, one transaction per batch: offers by
// key, every sighting, and (throttled) snapshots of public counts.

import Dexie from 'dexie';
import type { OfferDetails, TweetCounts } from '../core/types';
import { isSighting, type SightingInput } from '../shared/messages';
import type { StoredOffer, StoredSighting, StoredSnapshot } from './records';
import { safely, type StoreResult } from './result';
import type { TriageDB } from './schema';

/** A new snapshot of one tweet's counts only when they changed this long after the last... */
export const SNAPSHOT_CHANGED_MS = 5 * 60_000;
/** ...or when this long passed anyway (a flat line on the host page is information too). */
export const SNAPSHOT_EVERY_MS = 60 * 60_000;

export interface RecordSummary {
  /** Sightings stored. */
  stored: number;
  /** Items refused as malformed. */
  rejected: number;
  /** Offers created or updated. */
  offers: number;
  snapshots: number;
}

const hasCounts = (c: TweetCounts) => Object.values(c).some((v) => typeof v === 'number');
const sameCounts = (a: TweetCounts, b: TweetCounts) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TweetCounts>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
};
const handle = (h: string | null) => (h ? h.replace(/^@/, '').toLowerCase() : null);
const time = (iso: string | null) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : null;
};
const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

function newOffer(s: SightingInput, details: OfferDetails): StoredOffer {
  return {
    key: s.key,
    statusId: s.statusId,
    author: handle(s.author),
    text: s.text,
    lang: s.lang,
    details,
    status: details.status === 'closed' ? 'closed' : 'open',
    firstPostedAt: time(s.postedAt ?? details.postedAt),
    firstSeenAt: s.seenAt,
    lastSeenAt: s.seenAt,
    repostsSeen: 0,
    sightings: 0,
    contacted: false,
    taken: false,
  };
}

/** Minimal details for a sighting labelled offer that came without extracted details. */
function bareDetails(s: SightingInput): OfferDetails {
  return { kind: 'other', capacity: null, places: [], contact: { dm: false, phones: [], address: null, handles: [] }, status: 'open', postedAt: s.postedAt };
}

export async function recordSightings(db: TriageDB, batch: readonly SightingInput[]): Promise<StoreResult<RecordSummary>> {
  const valid = Array.isArray(batch) ? batch.filter((s) => isSighting(s)) : [];
  const rejected = (Array.isArray(batch) ? batch.length : 0) - valid.length;
  if (!valid.length) return { ok: true, value: { stored: 0, rejected, offers: 0, snapshots: 0 } };
  return safely(() =>
    db.transaction('rw', db.offers, db.sightings, db.snapshots, async () => {
      const offerKeys = [...new Set(valid.filter((s) => s.label === 'offer' || s.offer !== null).map((s) => s.key))];
      const existing = await db.offers.bulkGet(offerKeys);
      const offers = new Map<string, StoredOffer>();
      existing.forEach((o) => o && offers.set(o.key, o));
      const touched = new Set<string>();
      const sightings: StoredSighting[] = [];
      const snapshots: StoredSnapshot[] = [];
      const lastSnap = new Map<string, StoredSnapshot | null>();

      for (const s of valid) {
        const via = handle(s.reposter);
        sightings.push({ key: s.key, statusId: s.statusId, seenAt: s.seenAt, via });
        if (s.label === 'offer' || s.offer !== null) {
          let o = offers.get(s.key);
          if (!o) {
            o = newOffer(s, s.offer ?? bareDetails(s));
            offers.set(s.key, o);
          }
          o.sightings += 1;
          const copy = via !== null || (s.statusId !== null && o.statusId !== null && s.statusId !== o.statusId);
          if (copy) o.repostsSeen += 1;
          o.firstSeenAt = Math.min(o.firstSeenAt, s.seenAt);
          o.lastSeenAt = Math.max(o.lastSeenAt, s.seenAt);
          o.firstPostedAt = minOf(o.firstPostedAt, time(s.postedAt));
          if (o.statusId === null && s.statusId !== null) o.statusId = s.statusId;
          if (o.author === null && s.author !== null) o.author = handle(s.author);
          // "Closed" sticks: a later repost of the old text does not reopen it.
          if (s.offer?.status === 'closed' && o.status !== 'closed') {
            o.status = 'closed';
            o.details = { ...o.details, status: 'closed' };
          }
          touched.add(s.key);
        }
        if (s.statusId !== null && hasCounts(s.counts)) {
          let prev = lastSnap.get(s.statusId);
          if (prev === undefined) {
            prev = (await db.snapshots.where('[statusId+at]').between([s.statusId, Dexie.minKey], [s.statusId, Dexie.maxKey]).last()) ?? null;
          }
          const gap = prev ? s.seenAt - prev.at : Infinity;
          if (!prev || gap >= SNAPSHOT_EVERY_MS || (gap >= SNAPSHOT_CHANGED_MS && !sameCounts(prev.counts, s.counts))) {
            const snap = { statusId: s.statusId, at: s.seenAt, counts: { ...s.counts } };
            snapshots.push(snap);
            lastSnap.set(s.statusId, snap);
          } else lastSnap.set(s.statusId, prev);
        }
      }
      await db.offers.bulkPut([...touched].map((k) => offers.get(k) as StoredOffer));
      await db.sightings.bulkAdd(sightings);
      if (snapshots.length) await db.snapshots.bulkAdd(snapshots);
      return { stored: sightings.length, rejected, offers: touched.size, snapshots: snapshots.length };
    }),
  );
}

// The offers database, in the extension's own origin (background and
// extension pages; never the content script, whose IndexedDB would belong to
// x.com). Every layout the database ever had is declared here, oldest first,
// with the step that upgrades data written by the one before.
//
// v1: offers kept the author as written, one `mark` field and a `seen` count;
//     sightings named the reposter `reposter`.
// v2: author lower-cased (handles compare case-insensitively), marks as two
//     flags, original post time and repost count as their own indexed fields,
//     sightings' reposter renamed `via`, compound indexes for per-key and
//     per-status lookups.

import Dexie, { type Table, type Transaction } from 'dexie';
import type { OfferDetails } from '../core/types';
import type { StoredOffer, StoredSetting, StoredSighting, StoredSnapshot } from './records';
import { setUpgradeBlocked } from './result';

export const DB_NAME = 'hashtag-triage';
export const DB_VERSION = 2;
/** How long an upgrade waits for another tab to let go of an older version before the calls waiting for it fail. */
export const BLOCKED_WAIT_MS = 3000;

export const V1_STORES = {
  offers: 'key, author, lastSeenAt',
  sightings: '++id, key, seenAt',
  snapshots: '++id, statusId',
  settings: 'key',
};

export const V2_STORES = {
  offers: 'key, author, firstSeenAt, lastSeenAt, firstPostedAt, status',
  sightings: '++id, key, statusId, seenAt, [key+seenAt]',
  snapshots: '++id, statusId, at, [statusId+at]',
  settings: 'key',
};

/** An offer as version 1 stored it. */
export interface V1Offer {
  key: string;
  author: string | null;
  text: string;
  lang: string | null;
  details: OfferDetails;
  status: string;
  firstSeenAt: number;
  lastSeenAt: number;
  seen: number;
  mark: 'contacted' | 'taken' | null;
}

export interface V1Sighting {
  id?: number;
  key: string;
  statusId: string | null;
  seenAt: number;
  reposter: string | null;
}

const BARE_DETAILS: OfferDetails = { kind: 'other', capacity: null, places: [], contact: { dm: false, phones: [], address: null, handles: [] }, status: 'open', postedAt: null };

function isDetails(d: unknown): d is OfferDetails {
  const v = d as Partial<OfferDetails> | null;
  return typeof v === 'object' && v !== null && typeof v.kind === 'string' && Array.isArray(v.places) && typeof v.contact === 'object' && v.contact !== null;
}

export async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const firstStatus = new Map<string, string>();
  const reposts = new Map<string, number>();
  await tx
    .table('sightings')
    .toCollection()
    .modify((s: V1Sighting & { via?: string | null }) => {
      if (s.statusId && !firstStatus.has(s.key)) firstStatus.set(s.key, s.statusId);
      if (s.reposter) reposts.set(s.key, (reposts.get(s.key) ?? 0) + 1);
      s.via = s.reposter ? s.reposter.toLowerCase() : null;
      delete (s as Partial<V1Sighting>).reposter;
    });
  await tx
    .table('offers')
    .toCollection()
    .modify((o: V1Offer & Partial<StoredOffer>) => {
      // A record damaged by an old bug is repaired rather than left for every reader to trip over.
      if (typeof o.text !== 'string') o.text = '';
      if (typeof o.lang !== 'string') o.lang = null;
      if (!Number.isFinite(o.firstSeenAt)) o.firstSeenAt = Number.isFinite(o.lastSeenAt) ? o.lastSeenAt : 0;
      if (!Number.isFinite(o.lastSeenAt)) o.lastSeenAt = o.firstSeenAt;
      if (!isDetails(o.details)) o.details = structuredClone(BARE_DETAILS);
      const posted = o.details?.postedAt ? Date.parse(o.details.postedAt) : NaN;
      o.author = o.author ? o.author.replace(/^@/, '').toLowerCase() : null;
      o.statusId = firstStatus.get(o.key) ?? null;
      o.firstPostedAt = Number.isFinite(posted) ? posted : null;
      o.status = o.status === 'closed' ? 'closed' : 'open';
      o.sightings = Number.isFinite(o.seen) ? o.seen : 0;
      o.repostsSeen = reposts.get(o.key) ?? 0;
      o.contacted = o.mark === 'contacted';
      o.taken = o.mark === 'taken';
      delete (o as Partial<V1Offer>).seen;
      delete (o as Partial<V1Offer>).mark;
    });
}

export class TriageDB extends Dexie {
  // `declare`: class fields would overwrite the tables Dexie sets up.
  declare offers: Table<StoredOffer, string>;
  declare sightings: Table<StoredSighting, number>;
  declare snapshots: Table<StoredSnapshot, number>;
  declare settings: Table<StoredSetting, string>;

  constructor(name: string = DB_NAME, blockedWaitMs = BLOCKED_WAIT_MS) {
    super(name);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeV1toV2);
    // Another tab holds an older version open and does not let go. The open keeps waiting (cancelling
    // it is not safe), but the calls waiting for it fail with a message instead of hanging (result.ts).
    this.on('blocked', () => {
      setTimeout(() => {
        if (!this.isOpen()) setUpgradeBlocked(true);
      }, blockedWaitMs);
    });
    this.on('ready', () => setUpgradeBlocked(false), true);
  }
}

/** The database; it opens on first use, and every call on it answers with a StoreResult. */
export function openStore(name: string = DB_NAME, blockedWaitMs = BLOCKED_WAIT_MS): TriageDB {
  return new TriageDB(name, blockedWaitMs);
}

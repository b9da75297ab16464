// What the store keeps. Plain data only: it goes into IndexedDB, out through
// export, and to the pages by messages.

import type { OfferContact, OfferDetails, OfferKind, OfferStatus, TweetCounts } from '../core/types';

/** One distinct offer, under the key shared by all its repeats. */
export interface StoredOffer {
  key: string;
  /** Status id of the first tweet seen with this key. */
  statusId: string | null;
  /** Original author, lower case, without "@". */
  author: string | null;
  text: string;
  lang: string | null;
  details: OfferDetails;
  /** 'open' or 'closed' as read from the text; 'stale' is worked out on reading. */
  status: OfferStatus;
  /** Epoch ms of the original post, when known. */
  firstPostedAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Sightings that came through a repost, a copy or a quote. */
  repostsSeen: number;
  sightings: number;
  contacted: boolean;
  taken: boolean;
}

export interface StoredSighting {
  id?: number;
  key: string;
  statusId: string | null;
  seenAt: number;
  /** Handle of the reposter that carried it, or null for the author's own tweet. */
  via: string | null;
}

export interface StoredSnapshot {
  id?: number;
  statusId: string;
  at: number;
  counts: TweetCounts;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

export type OfferMark = 'contacted' | 'taken';

/** An offer as the pages show it (the board's BoardOffer). */
export interface OfferView {
  key: string;
  statusId: string | null;
  author: string | null;
  text: string;
  lang: string | null;
  kind: OfferKind;
  capacity: number | null;
  places: string[];
  contact: OfferContact;
  status: OfferStatus;
  postedAt: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  reposts: number;
  contacted: boolean;
  taken: boolean;
}

/** A host's own offer with its history (the host page's HostOffer). */
export interface HostView {
  key: string;
  statusId: string | null;
  author: string | null;
  text: string;
  postedAt: string | null;
  snapshots: { at: number; counts: TweetCounts }[];
  sightings: { at: number; via: string | null }[];
}

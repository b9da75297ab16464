// The one seam between the pages and the browser. Pages only ever see this
// interface: the extension passes the real adapter (extension-backend.ts),
// tests pass the in-memory one (memory-backend.ts), so every page also runs
// as a plain page.

import type { Settings } from '../../core/settings';
import type { OfferContact, OfferKind, OfferStatus, TweetCounts } from '../../core/types';
import type { TabStatus } from '../../shared/messages';

/** The tab the popup was opened over. */
export interface ActiveTab {
  id: number;
  /** Empty when the browser does not reveal it (not an x.com page). */
  url: string;
}

/** One distinct offer as the board shows it. */
export interface BoardOffer {
  /** Message key: the same for every repeat (repost, copy, quote) of one offer. */
  key: string;
  statusId: string | null;
  author: string | null;
  text: string;
  lang: string | null;
  kind: OfferKind;
  capacity: number | null;
  places: string[];
  contact: OfferContact;
  /** Status as read from the text ("full", "no longer available" close an offer). */
  status: OfferStatus;
  /** ISO 8601 time of the original post, when known. */
  postedAt: string | null;
  /** Epoch ms of the first and latest time this browser displayed it. */
  firstSeenAt: number;
  lastSeenAt: number;
  /** Times a repost, copy or quote of it came by. */
  reposts: number;
  /** The user's own marks. */
  contacted: boolean;
  taken: boolean;
}

export type OfferMark = 'contacted' | 'taken';

/** Counts X displayed for a tweet at one moment. */
export interface CountSnapshot {
  at: number;
  counts: TweetCounts;
}

/** One time a host's offer came by in a timeline read here. */
export interface HostSighting {
  at: number;
  /** Handle of the account whose repost carried it; null when the author's own tweet was shown. */
  via: string | null;
}

export interface HostOffer {
  key: string;
  statusId: string | null;
  author: string | null;
  text: string;
  postedAt: string | null;
  snapshots: CountSnapshot[];
  sightings: HostSighting[];
}

export type Unsubscribe = () => void;

/** What a restored backup added to the store. */
export interface RestoreSummary {
  offersAdded: number;
  offersMerged: number;
  /** Restored offers last seen before the retention cut-off asked for: the next clean-up removes them. */
  outsideRetention: number;
}

export interface Backend {
  getSettings(): Promise<Settings>;
  setSettings(next: Settings): Promise<void>;
  /** Called with the new settings whenever they change, from any context. */
  onSettings(cb: (s: Settings) => void): Unsubscribe;

  activeTab(): Promise<ActiveTab | null>;
  /** What the content script reports for a tab; null when it has not reported. */
  tabStatus(tabId: number): Promise<TabStatus | null>;

  listOffers(): Promise<BoardOffer[]>;
  /** Set or clear one of the user's marks; resolves to the updated offer. */
  markOffer(key: string, mark: OfferMark, on: boolean): Promise<BoardOffer | null>;
  /** Called when the stored offers change; pages then reload. */
  onOffersChanged(cb: () => void): Unsubscribe;

  /** The whole store (offers, sightings, count snapshots) as the text of a JSON backup file. */
  backupJson(): Promise<string>;
  /**
   * Merges a backup file into the store, all or nothing: nothing stored is lost or overwritten.
   * Rejects with a message for the user when the file is refused.
   */
  /** `keepSince`: the retention cut-off (epoch ms) the summary counts restored offers against. */
  restoreBackup(text: string, keepSince?: number): Promise<RestoreSummary>;

  /** Every offer by one of these handles, with count snapshots and sightings. */
  hostOffers(handles: string[]): Promise<HostOffer[]>;
  /** Handles the host entered last time, kept in this browser only. */
  getHostHandles(): Promise<string[]>;
  setHostHandles(handles: string[]): Promise<void>;

  /** The key combination of the toggle command as the browser has it, or null when unset. */
  shortcut(): Promise<string | null>;
}

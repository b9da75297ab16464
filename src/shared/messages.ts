// Every message between the extension's contexts, in one place, named by
// direction, with the validation that the receiver runs on what it gets.
// Pure: no browser API here, so the checks run in unit tests.

import type { FilterName } from '../core/settings';
import { OFFER_KINDS, type Label, type OfferDetails, type TweetCounts } from '../core/types';

/** One time an offer (or any kept message) was displayed in a timeline. */
export interface SightingInput {
  /** Message key from the redundancy core: the same for every repeat of one message. */
  key: string;
  statusId: string | null;
  author: string | null;
  reposter: string | null;
  text: string;
  lang: string | null;
  label: Label;
  /** ISO 8601 time of the original post. */
  postedAt: string | null;
  /** Epoch milliseconds when it was shown. */
  seenAt: number;
  offer: OfferDetails | null;
  counts: TweetCounts;
}

export type HiddenCounts = Record<FilterName, number>;

export interface PageHealth {
  ok: boolean;
  /** Names of selectors that stopped matching where they should, or CORE_FAILING. */
  failing: string[];
  checkedAt: number;
}

/** In PageHealth.failing: the page is in scope, but the core (core.js and its data) could not be built. */
export const CORE_FAILING = 'core';

export interface TabStatus {
  url: string;
  active: boolean;
  hidden: HiddenCounts;
  tagged: number;
  health: PageHealth;
  /** Set by the background (never by the tab): the offers store refuses writes. */
  store?: StoreTrouble;
}

/** The offers store refuses writes (a full disk): what the popup tells the user. */
export interface StoreTrouble {
  /** The store's own message (what to do about it). */
  error: string;
  /** The browser has no room left: the one refusal the background keeps sightings for (always true today). */
  quota: boolean;
  /** Sightings kept in memory, tried again with the next ones. */
  waiting: number;
  /** Sightings given up: more waited than can be kept. */
  lost: number;
  /** Epoch ms of the first refused write since the store last took one. */
  since: number;
}

/** An offer from the store, as the content script's repeat tracker takes it in (its key, and what the key was read from). */
export interface RecentOffer {
  key: string;
  text: string;
  author: string | null;
  statusId: string | null;
  /** ISO 8601 time of the original post. */
  postedAt: string | null;
}

/**
 * Of these keys, which were displayed before `since` (epoch ms)? Asked alone (offers/seen-before) or with the
 * sightings (sightings/record `ask`, answered in its reply's `seen`): one message a second instead of two.
 */
export interface SeenBeforeQuestion {
  keys: string[];
  since: number;
}

/** A later message closed the offer with this key (closed: true), or showed that an earlier close was unclear (false). */
export interface OfferStatusChange {
  key: string;
  closed: boolean;
}

/** Most offers the content script asks for at once (most recently seen first). */
export const MAX_RECENT_OFFERS = 1000;

/** Content script -> background. */
export type ContentToBackground =
  /**
   * `statuses`: offers a later message closed ("full"), or opened again, in the order it happened; the store
   * keeps the last word. Sent with the sightings, so that it costs no message of its own.
   */
  | { type: 'sightings/record'; sightings: SightingInput[]; statuses?: OfferStatusChange[]; ask?: SeenBeforeQuestion }
  | { type: 'offers/seen-before'; keys: string[]; since: number }
  | { type: 'offers/recent'; limit: number }
  /** The core's data files (core-data.json), asked once per tab when a page in scope first needs the core. */
  | { type: 'core/data' }
  /** Runs core.js (the classifier and the repeat tracker) in the sender's frame, next to the content script. */
  | { type: 'core/inject' }
  | { type: 'tab/status'; status: TabStatus };

/** Extension pages (popup) -> background. */
export type PageToBackground = { type: 'tab/get-status'; tabId: number };

export type ToBackground = ContentToBackground | PageToBackground;

export interface Replies {
  /** `seen`: the answer to `ask`, when one was asked (also when the sightings could not be stored). */
  'sightings/record': { ok: true; stored: number; seen?: string[] } | { ok: false; error: string; seen?: string[] };
  'offers/seen-before': { ok: true; seen: string[] } | { ok: false; error: string };
  'offers/recent': { ok: true; offers: RecentOffer[] } | { ok: false; error: string };
  /** Data file path ("data/lexicons/en.json") -> its JSON text. */
  'core/data': { ok: true; files: Record<string, string> } | { ok: false; error: string };
  'core/inject': { ok: true } | { ok: false; error: string };
  'tab/status': { ok: true };
  'tab/get-status': { ok: true; status: TabStatus | null };
}

export type ReplyTo<M extends ToBackground> = Replies[M['type']];

// ---- validation -------------------------------------------------------------

const MAX_BATCH = 500;
const MAX_TEXT = 20_000;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isStr = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isStrOrNull = (v: unknown, max = MAX_TEXT): v is string | null => v === null || isStr(v, max);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => isNum(v) && v >= 0 && Number.isInteger(v);
/** At most this many places, phones or handles per offer: what a backup of the store may hold (store/validate.ts). */
const MAX_LIST = 100;
const isList = (v: unknown, max: number): v is string[] => Array.isArray(v) && v.length <= MAX_LIST && v.every((x) => isStr(x, max));
const OFFER_STATUSES = new Set(['open', 'closed', 'stale']);

// As strict as a backup's check (store/validate.ts): what the store takes from a tab can always be restored.
function isCounts(v: unknown): v is TweetCounts {
  if (!isObj(v)) return false;
  return Object.entries(v).every(([k, n]) => ['replies', 'reposts', 'likes', 'bookmarks', 'views'].includes(k) && isCount(n));
}

const LABEL_SET = new Set(['offer', 'request', 'info', 'sympathy', 'other']);

function isOffer(v: unknown): v is OfferDetails | null {
  if (v === null) return true;
  if (!isObj(v)) return false;
  const c = v.contact;
  return (
    (OFFER_KINDS as readonly unknown[]).includes(v.kind) &&
    (v.capacity === null || isCount(v.capacity)) &&
    isList(v.places, 200) &&
    isObj(c) &&
    typeof c.dm === 'boolean' &&
    isList(c.phones, 60) &&
    isStrOrNull(c.address, 300) &&
    isList(c.handles, 60) &&
    typeof v.status === 'string' &&
    OFFER_STATUSES.has(v.status) &&
    isStrOrNull(v.postedAt, 60)
  );
}

export function isSighting(v: unknown): v is SightingInput {
  return (
    isObj(v) &&
    isStr(v.key, 200) &&
    isStrOrNull(v.statusId, 40) &&
    isStrOrNull(v.author, 60) &&
    isStrOrNull(v.reposter, 60) &&
    isStr(v.text) &&
    isStrOrNull(v.lang, 20) &&
    typeof v.label === 'string' &&
    LABEL_SET.has(v.label) &&
    isStrOrNull(v.postedAt, 60) &&
    isNum(v.seenAt) &&
    isOffer(v.offer) &&
    isCounts(v.counts)
  );
}

/**
 * A sighting cut to what isSighting accepts: a 25,000-character post or an odd
 * attribute on the page must not cost the whole batch it travels in.
 */
export function fitSighting(s: SightingInput): SightingInput {
  const fit = (v: string | null, max: number) => (v !== null && v.length > max ? null : v);
  let text = s.text;
  if (text.length > MAX_TEXT) {
    text = text.slice(0, MAX_TEXT);
    // Never end on half a character.
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  const o = s.offer;
  const offer =
    o && (o.places.length > MAX_LIST || o.contact.phones.length > MAX_LIST || o.contact.handles.length > MAX_LIST)
      ? { ...o, places: o.places.slice(0, MAX_LIST), contact: { ...o.contact, phones: o.contact.phones.slice(0, MAX_LIST), handles: o.contact.handles.slice(0, MAX_LIST) } }
      : o;
  return {
    ...s,
    offer,
    statusId: fit(s.statusId, 40),
    author: fit(s.author, 60),
    reposter: fit(s.reposter, 60),
    text,
    lang: fit(s.lang, 20),
    postedAt: fit(s.postedAt, 60),
  };
}

/** What the content script checks on each offer the background sends (an answer is data, never trusted blindly). */
export function isRecentOffer(v: unknown): v is RecentOffer {
  return isObj(v) && isStr(v.key, 200) && isStr(v.text) && isStrOrNull(v.author, 60) && isStrOrNull(v.statusId, 40) && isStrOrNull(v.postedAt, 60);
}

function isHidden(v: unknown): v is HiddenCounts {
  return isObj(v) && ['sympathy', 'repeat', 'seen', 'stale', 'offtopic'].every((k) => isNum(v[k]) && (v[k] as number) >= 0);
}

function isStatus(v: unknown): v is TabStatus {
  if (!isObj(v) || !isObj(v.health)) return false;
  const h = v.health;
  return (
    isStr(v.url, 4000) &&
    typeof v.active === 'boolean' &&
    isHidden(v.hidden) &&
    isNum(v.tagged) &&
    typeof h.ok === 'boolean' &&
    Array.isArray(h.failing) &&
    h.failing.every((f) => isStr(f, 100)) &&
    isNum(h.checkedAt)
  );
}

function isQuestion(v: unknown): v is SeenBeforeQuestion {
  return isObj(v) && Array.isArray(v.keys) && v.keys.length <= MAX_BATCH && v.keys.every((k) => isStr(k, 200)) && isNum(v.since);
}

function isStatusChanges(v: unknown): v is OfferStatusChange[] {
  return Array.isArray(v) && v.length <= MAX_BATCH && v.every((c) => isObj(c) && isStr(c.key, 200) && typeof c.closed === 'boolean');
}

/** Returns the message when it has a known type and a valid shape, else null. */
export function parseToBackground(v: unknown): ToBackground | null {
  if (!isObj(v) || typeof v.type !== 'string') return null;
  switch (v.type) {
    case 'sightings/record':
      return Array.isArray(v.sightings) && v.sightings.length <= MAX_BATCH && v.sightings.every(isSighting) && (v.statuses === undefined || isStatusChanges(v.statuses)) && (v.ask === undefined || isQuestion(v.ask))
        ? (v as ToBackground)
        : null;
    case 'offers/seen-before':
      return isQuestion(v) ? (v as ToBackground) : null;
    case 'offers/recent':
      return Number.isInteger(v.limit) && (v.limit as number) >= 0 && (v.limit as number) <= MAX_RECENT_OFFERS ? (v as ToBackground) : null;
    case 'core/data':
      return { type: 'core/data' };
    case 'core/inject':
      return { type: 'core/inject' };
    case 'tab/status':
      return isStatus(v.status) ? (v as ToBackground) : null;
    case 'tab/get-status':
      return isNum(v.tabId) ? (v as ToBackground) : null;
    default:
      return null;
  }
}

// Shared vocabulary of the pure core. Everything here is plain data: it crosses
// message boundaries, goes into IndexedDB and out through the CLI as JSON.

export const LABELS = ['offer', 'request', 'info', 'sympathy', 'other'] as const;
export type Label = (typeof LABELS)[number];

/** A message as the core sees it: from the page, the CLI or a test. */
export interface Message {
  id: string;
  text: string;
  /** Language guess (X's `lang`, the CLI's `lang`); null when unknown. */
  lang?: string | null;
  /** Handle of the original author, without "@". */
  author?: string | null;
  /** Handle of the account that reposted it natively, without "@". */
  retweetedBy?: string | null;
  /** Hashtags without "#", as written. */
  hashtags?: string[];
  /** ISO 8601 time of the original post. */
  createdAt?: string | null;
  /** Text of a quoted tweet, when the message quotes one. */
  quotedText?: string | null;
  /** Handle of the quoted tweet's author, without "@". */
  quotedAuthor?: string | null;
  /** Only the start of the text is known (X's "Show more"): what was cut may be something to act on. */
  truncated?: boolean;
}

/** One reason behind a decision, shown to the user as "why". */
export interface Cue {
  /** Stable id, e.g. "phone", "offer-word", "sympathy-word"; key of a localised description. */
  kind: string;
  /** The words in the message that triggered it. */
  evidence: string;
}

export interface Classification {
  label: Label;
  /** 0..1, the model's belief in `label`. */
  confidence: number;
  cues: Cue[];
  /** True only when the message is sympathy and carries nothing actionable. */
  sympathyOnly: boolean;
}

export const OFFER_KINDS = [
  'shelter',
  'shower',
  'transport',
  'food',
  'charging',
  'clothes',
  'goods',
  'hands',
  'other',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export type OfferStatus = 'open' | 'closed' | 'stale';

export interface OfferContact {
  dm: boolean;
  phones: string[];
  address: string | null;
  handles: string[];
}

export interface OfferDetails {
  kind: OfferKind;
  capacity: number | null;
  places: string[];
  contact: OfferContact;
  status: OfferStatus;
  /** ISO 8601 time of the original post, when known. */
  postedAt: string | null;
}

/** Public counts as X shows them in a tweet's action bar. */
export interface TweetCounts {
  replies?: number;
  reposts?: number;
  likes?: number;
  bookmarks?: number;
  views?: number;
}

/** The plain record the content script extracts from one rendered tweet. */
export interface TweetRecord {
  /** Status id from the permalink; for a repost it is the original tweet's id. */
  statusId: string | null;
  author: string | null;
  authorName: string | null;
  /** Handle of the account whose native repost put it in this timeline. */
  reposter: string | null;
  text: string;
  /** The page shows only the start of the text (X's "Show more"): what was cut may be an offer. */
  truncated?: boolean;
  lang: string | null;
  /** ISO 8601 time of the original post. */
  time: string | null;
  hashtags: string[];
  quote: { author: string | null; text: string } | null;
  promoted: boolean;
  pinned: boolean;
  reply: boolean;
  counts: TweetCounts;
}

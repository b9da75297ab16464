// What the feature builder and the decision rule need to know about a cue kind,
// worked out once per kind: every message then pays one map lookup per hit
// instead of a string concatenation and several set and map lookups.
import { cueInfo } from './cues';

export const GROUPS = ['sympathy', 'offer', 'request', 'info', 'help', 'need', 'responders', 'contact', 'irony', 'complaint', 'chatter', 'promo'] as const;

const GROUP_INDEX = new Map<string, number>(GROUPS.map((g, i) => [g, i]));
export const G_SYMPATHY = GROUP_INDEX.get('sympathy') as number;
export const G_OFFER = GROUP_INDEX.get('offer') as number;
const INFO_LIKE = new Set(['info', 'responders'].map((g) => GROUP_INDEX.get(g) as number));
const HELP_LIKE = new Set(['help', 'need', 'offer', 'request'].map((g) => GROUP_INDEX.get(g) as number));
const TAG_ONLY_NEUTRAL = new Set(['help', 'responders', 'info'].map((g) => GROUP_INDEX.get(g) as number));
const OTHER_LIKE = new Set(['irony', 'complaint', 'chatter', 'promo'].map((g) => GROUP_INDEX.get(g) as number));
/** Cues that say someone needs something (for the "a bed needed or offered" conjunctions). */
const NEED_KINDS = new Set(['request-need', 'request-search', 'request-help', 'request-trapped', 'request-medical', 'need-word']);
/** Cues that keep an official account's message visible even though they do not on their own. */
const OFFICIAL_INFO = new Set(['info-resource', 'info-time', 'info-venue', 'info-open', 'contact-call', 'link', 'info-transport', 'info-utilities']);
/** Link kinds whose presence next to a URL makes the link informative. */
const INFO_LINK_KINDS = new Set(['info-resource', 'info-warning', 'info-instruction', 'info-closure', 'info-missing', 'info-evacuation', 'info-emergency-number']);

/** Bits of KindMeta.body: what a kind found outside hashtags tells the combined cues. */
export const BODY_CONTACT_DM = 1;
export const BODY_OFFER = 2; // an "offer-*" kind
export const BODY_PLACE = 4; // info-venue, address, postcode
export const BODY_INFO_TIME = 8;
export const BODY_INFO_OPEN = 16;
export const BODY_INFO_LINK = 32; // makes a link informative

/** Bits of KindMeta.conj: the conjunction features ("a bed" with a need, "available", "I"). */
export const CONJ_NEED = 1;
export const CONJ_OFFER_KIND = 2;
export const CONJ_AVAILABLE = 4;
export const CONJ_FIRST_PERSON = 8;

export interface KindMeta {
  kind: string;
  tagFeature: string;
  /** Index in GROUPS, -1 for none. */
  group: number;
  actionable: boolean;
  /** Group names help, a need, an offer or a request (ignored inside hashtags). */
  helpLike: boolean;
  /** A hashtag of this group may stand beside a sympathy hashtag ("#hasselthelpt #PrayForX"). */
  tagOnlyNeutral: boolean;
  /** Bit of the combo feature (S A I H X) the group sets, 0 for none. */
  comboBit: number;
  conj: number;
  body: number;
  /** Described to the user (data/cues.json). */
  isCue: boolean;
  /** Actionable or blocking sympathy. */
  blocks: boolean;
  /** Blocks sympathy even inside a hashtag. */
  blocksInTag: boolean;
  officialInfo: boolean;
  /** May equal another feature name (a concept spelt like "f:number" or "#x"): dedupe the slow way. */
  clash: boolean;
  /** Last message (stamp) this kind was a body feature, a tag feature, a cue. */
  bodyStamp: number;
  tagStamp: number;
  cueStamp: number;
}

function groupOf(kind: string): string {
  const dash = kind.indexOf('-');
  return dash < 0 ? kind : kind.slice(0, dash);
}

function build(kind: string): KindMeta {
  const group = GROUP_INDEX.get(groupOf(kind)) ?? -1;
  const info = cueInfo(kind);
  const actionable = info?.actionable === true;
  const blocks = actionable || info?.blocksSympathy === true;
  let comboBit = 0;
  if (group === G_SYMPATHY) comboBit = 1;
  else if (INFO_LIKE.has(group)) comboBit = 4;
  else if (HELP_LIKE.has(group)) comboBit = 8;
  else if (OTHER_LIKE.has(group)) comboBit = 16;
  let conj = 0;
  if (NEED_KINDS.has(kind)) conj = CONJ_NEED;
  else if (group === G_OFFER && kind !== 'offer-available' && kind !== 'capacity' && kind !== 'contact-dm') conj = CONJ_OFFER_KIND;
  else if (kind === 'offer-available') conj = CONJ_AVAILABLE;
  else if (kind === 'first-person') conj = CONJ_FIRST_PERSON;
  let body = 0;
  if (kind === 'contact-dm') body |= BODY_CONTACT_DM;
  if (kind.startsWith('offer-')) body |= BODY_OFFER;
  if (kind === 'info-venue' || kind === 'address' || kind === 'postcode') body |= BODY_PLACE;
  if (kind === 'info-time') body |= BODY_INFO_TIME;
  if (kind === 'info-open') body |= BODY_INFO_OPEN;
  if (INFO_LINK_KINDS.has(kind)) body |= BODY_INFO_LINK;
  return {
    kind,
    tagFeature: `#${kind}`,
    group,
    actionable,
    helpLike: HELP_LIKE.has(group),
    tagOnlyNeutral: TAG_ONLY_NEUTRAL.has(group),
    comboBit,
    conj,
    body,
    isCue: info !== undefined,
    blocks,
    blocksInTag: blocks && info?.inTag === true,
    officialInfo: OFFICIAL_INFO.has(kind),
    clash: /^(#|f:|g:|x:|combo:)/.test(kind),
    bodyStamp: 0,
    tagStamp: 0,
    cueStamp: 0,
  };
}

const metas = new Map<string, KindMeta>();

export function metaOf(kind: string): KindMeta {
  let m = metas.get(kind);
  if (m === undefined) {
    m = build(kind);
    metas.set(kind, m);
  }
  return m;
}

let lastStamp = 0;

/** A number no earlier call returned, to mark kinds as seen in one message without a Set. */
export function nextStamp(): number {
  if (lastStamp >= 0x3fffffff) {
    lastStamp = 0;
    for (const m of metas.values()) m.bodyStamp = m.tagStamp = m.cueStamp = 0;
  }
  return ++lastStamp;
}

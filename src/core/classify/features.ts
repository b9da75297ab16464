// Turns a message into language-independent features: lexicon concepts (the
// same "sympathy-prayer" whether the tweet says "praying", "bidden", "prière"
// or "beten"), structural cues (phone, address, capacity...) and a few shape
// features. Training and classification both call analyse(), so the model
// always sees exactly what the extension computes.
import type { Message } from '../types';
import { splitHashtag, tokenize, type Token } from '../text/tokenize';
import { isActionableKind } from './cues';
import { findEmails, findPhones } from './detectors';
import { chooseLanguages, isUnsupportedTag } from './language';
import { matchHashtag, matchUnits, resolveUnits, type CompiledLexicon, type Unit } from './lexicon';
import { lexicon } from './lexicon-data';
import { isOfficialHandle } from './official';
import { addCombinedCues, addNumberCues, addTokenCues, NUMBER_WORD, TIME_OR_MEASURE } from './structure';

/** One occurrence of a cue in the message. */
export interface Hit {
  kind: string;
  /** Span in the analysed text, for the evidence shown to the user. */
  start: number;
  end: number;
  /** Found inside a hashtag (weaker: crisis hashtags ride on every kind of tweet). */
  inTag: boolean;
  /** Evidence when it is not a span of the text (the author's handle). */
  evidence?: string;
}

export interface Analysis {
  /** The text the spans refer to (message text, plus the quoted text if any). */
  text: string;
  /** Distinct feature names fed to the model. */
  features: string[];
  /** Distinct words outside hashtags (folded), for the model's word weights. */
  words: string[];
  /** Word weights apply (English or unknown language); otherwise only language-independent features do. */
  wordModel: boolean;
  /** Declared in a language no lexicon covers (Tagalog, Portuguese...): little to go on, so hide less. */
  unsupported: boolean;
  hits: Hit[];
  /** Lexicon languages used for matching (bit mask over LEXICON_LANGS). */
  langMask: number;
  /** Best guess of the message language, or null. */
  lang: string | null;
  /** The text was longer than MAX_CHARS and only its start was read. */
  truncated: boolean;
  /**
   * Nothing but hashtags (and emoji or mentions), at least one of them sympathy ("#JeSuisNice",
   * "#PrayForManchester 💔"), none about an offer, a need or information, and no link.
   */
  sympathyTagsOnly: boolean;
}

/** Texts longer than this are read only up to here (tweets are at most 25,000 characters). */
export const MAX_CHARS = 20_000;

function lengthBucket(words: number): string {
  if (words <= 3) return 'f:len-1-3';
  if (words <= 8) return 'f:len-4-8';
  if (words <= 16) return 'f:len-9-16';
  return 'f:len-17+';
}

const GROUPS = ['sympathy', 'offer', 'request', 'info', 'help', 'need', 'responders', 'contact', 'irony', 'complaint', 'chatter', 'promo'] as const;

function groupOf(kind: string): string {
  const dash = kind.indexOf('-');
  return dash < 0 ? kind : kind.slice(0, dash);
}

/**
 * Lexicon concept whose phrases only cancel the cues found inside them: words that look like a cue but
 * are not one in that phrase ("can't sleep" is no bed on offer, "Dieu accueille les victimes" no shelter).
 */
export const MASK = 'not-a-cue';

/** Unit ranges [first, last] of the mask phrases found, or null when there are none (the usual case). */
function maskedSpans(concepts: string[], matched: number[]): number[] | null {
  let out: number[] | null = null;
  for (let j = 0; j < matched.length; j += 3) {
    if (concepts[matched[j] as number] === MASK) (out ??= []).push(matched[j + 1] as number, matched[j + 2] as number);
  }
  return out;
}

function isMasked(masks: number[], a: number, b: number): boolean {
  for (let k = 0; k < masks.length; k += 2) if (a >= (masks[k] as number) && b <= (masks[k + 1] as number)) return true;
  return false;
}

/** Crisis hashtags repeat across thousands of tweets: split each once. */
const partsCache = new Map<string, string[]>();
function hashtagParts(raw: string): string[] {
  let parts = partsCache.get(raw);
  if (parts === undefined) {
    parts = splitHashtag(raw);
    if (partsCache.size >= 5000) partsCache.clear();
    partsCache.set(raw, parts);
  }
  return parts;
}

/** What the feature builder needs to know about a cue kind, computed once per kind. */
interface KindMeta {
  tagFeature: string;
  group: number;
  actionable: boolean;
}

const GROUP_INDEX = new Map<string, number>(GROUPS.map((g, i) => [g, i]));
const GROUP_FEATURES: string[][] = GROUPS.map((g) => ['', `g:${g}:1`, `g:${g}:2`, `g:${g}:3+`]);
const G_SYMPATHY = GROUP_INDEX.get('sympathy') as number;
const G_OFFER = GROUP_INDEX.get('offer') as number;
/** Cues that say someone needs something (for the "a bed needed or offered" conjunctions). */
const NEED_KINDS = new Set(['request-need', 'request-search', 'request-help', 'request-trapped', 'request-medical', 'need-word']);
/** Reused by every call: what the body holds, for the conjunction features. */
const bodyKinds = new Set<string>();
const INFO_LIKE = new Set(['info', 'responders'].map((g) => GROUP_INDEX.get(g) as number));
const HELP_LIKE = new Set(['help', 'need', 'offer', 'request'].map((g) => GROUP_INDEX.get(g) as number));
const TAG_ONLY_NEUTRAL = new Set(['help', 'responders', 'info'].map((g) => GROUP_INDEX.get(g) as number));
const OTHER_LIKE = new Set(['irony', 'complaint', 'chatter', 'promo'].map((g) => GROUP_INDEX.get(g) as number));
const COMBOS: string[] = Array.from({ length: 32 }, (_, bits) => {
  const name = ['S', 'A', 'I', 'H', 'X'].filter((_, i) => bits & (1 << i)).join('');
  return `combo:${name || '-'}`;
});
const kindMetas = new Map<string, KindMeta>();
function metaOf(kind: string): KindMeta {
  let m = kindMetas.get(kind);
  if (!m) {
    m = { tagFeature: `#${kind}`, group: GROUP_INDEX.get(groupOf(kind)) ?? -1, actionable: isActionableKind(kind) };
    kindMetas.set(kind, m);
  }
  return m;
}

const groupCounts = new Int32Array(GROUPS.length);

export function analyse(msg: Message, lex: CompiledLexicon = lexicon): Analysis {
  const rawText = typeof msg?.text === 'string' ? msg.text : '';
  const quoted = typeof msg?.quotedText === 'string' && msg.quotedText !== '' ? msg.quotedText : '';
  let text = quoted ? `${rawText}\n${quoted}` : rawText;
  const truncated = text.length > MAX_CHARS;
  if (truncated) text = text.slice(0, MAX_CHARS);

  const tokens = tokenize(text);
  const hits: Hit[] = [];
  const feats = new Set<string>();

  // A leading "RT @user:" is how old clients marked reposts; it says nothing about content.
  let first = 0;
  if (tokens.length >= 2 && (tokens[0] as Token).norm === 'rt' && (tokens[1] as Token).kind === 'mention') first = 2;

  const units: Unit[] = [];
  let words = 0;
  let tags = 0;
  let numbers = 0;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.kind) {
      case 'word':
      case 'number':
      case 'emoji':
        units.push({ norm: t.norm, inTag: false, token: i });
        if (t.kind !== 'emoji') words++;
        if (t.kind === 'number') numbers++;
        break;
      case 'hashtag': {
        tags++;
        const parts = hashtagParts(text.slice(t.start + 1, t.end));
        for (const p of parts) units.push({ norm: p, inTag: true, token: i });
        break;
      }
      case 'mention':
        if (isOfficialHandle(t.norm)) hits.push({ kind: 'official-mention', start: t.start, end: t.end, inTag: false });
        break;
    }
  }
  // Hashtags the page reports but the text lacks (rare) still count as hashtags.
  const extraTags: string[] = [];
  if (Array.isArray(msg?.hashtags)) {
    for (const h of msg.hashtags.slice(0, 50)) {
      if (typeof h !== 'string' || h === '') continue;
      const norm = h.replace(/^#/, '').toLowerCase();
      if (!tokens.some((t) => t.kind === 'hashtag' && t.norm === norm)) extraTags.push(h.replace(/^#/, '').slice(0, 140));
    }
  }

  resolveUnits(lex, units);
  const { mask, lang } = chooseLanguages(lex, units, msg?.lang);

  // Lexicon concepts in words, phrases and hashtag parts.
  // Per unit: a number word ("twee", "deux"), a time or measure ("uur", "km", "Jahre").
  const unitFlags = new Uint8Array(units.length);
  const matched: number[] = [];
  matchUnits(lex, units, mask, matched);
  const masks = maskedSpans(lex.concepts, matched);
  for (let j = 0; j < matched.length; j += 3) {
    const kind = lex.concepts[matched[j] as number] as string;
    const a = matched[j + 1] as number;
    if (masks !== null && (kind === MASK || isMasked(masks, a, matched[j + 2] as number))) continue;
    const ua = units[a] as Unit;
    const ub = units[matched[j + 2] as number] as Unit;
    hits.push({ kind, start: (tokens[ua.token] as Token).start, end: (tokens[ub.token] as Token).end, inTag: ua.inTag && ub.inTag });
    if (kind === 'number-word') unitFlags[a] = (unitFlags[a] as number) | NUMBER_WORD;
    else if (kind === 'info-time' || kind === 'measure-unit' || kind === 'duration-unit') unitFlags[a] = (unitFlags[a] as number) | TIME_OR_MEASURE;
  }
  // Whole-hashtag patterns ("#prayfor*", "#*strong").
  const tagConcepts: number[] = [];
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'hashtag') continue;
    tagConcepts.length = 0;
    matchHashtag(lex, t.norm, mask, tagConcepts);
    for (const c of tagConcepts) hits.push({ kind: lex.concepts[c] as string, start: t.start, end: t.end, inTag: true });
  }
  for (const h of extraTags) {
    tagConcepts.length = 0;
    matchHashtag(lex, h.toLowerCase(), mask, tagConcepts);
    for (const c of tagConcepts) hits.push({ kind: lex.concepts[c] as string, start: 0, end: 0, inTag: true, evidence: `#${h}` });
  }

  // Structural cues.
  for (const sp of findPhones(text)) hits.push({ kind: 'phone', start: sp.start, end: sp.end, inTag: false });
  for (const sp of findEmails(text)) hits.push({ kind: 'email', start: sp.start, end: sp.end, inTag: false });
  const clockTime = addTokenCues(text, tokens, units, hits);
  const body = new Set<string>();
  for (const h of hits) if (!h.inTag) body.add(h.kind);
  let offerContext = body.has('contact-dm');
  for (const k of body) if (k.startsWith('offer-')) offerContext = true;
  addNumberCues(text, tokens, units, unitFlags, matched, lex.concepts, offerContext, hits);
  for (const handle of [msg?.author, msg?.retweetedBy]) {
    if (isOfficialHandle(handle)) {
      hits.push({ kind: 'official-account', start: 0, end: 0, inTag: false, evidence: `@${String(handle).replace(/^@/, '')}` });
      break;
    }
  }

  for (const h of hits) if (!h.inTag) body.add(h.kind);
  addCombinedCues(tokens, body, clockTime, hits);
  if (truncated) hits.push({ kind: 'long-text', start: 0, end: 0, inTag: false });

  // Features.
  groupCounts.fill(0);
  let comboBits = 0;
  let bodyCues = false;
  bodyKinds.clear();
  for (const h of hits) {
    const m = metaOf(h.kind);
    if (h.inTag) {
      // A crisis hashtag that names help (#hasselthelpt, #PorteOuverte, #HochwasserHilfe) is on every tweet of
      // its timeline, offers, requests and news alike: it says nothing about the one tweet.
      if (!HELP_LIKE.has(m.group)) feats.add(m.tagFeature);
      continue;
    }
    feats.add(h.kind);
    if (h.kind !== 'link') bodyCues = true;
    if (NEED_KINDS.has(h.kind)) bodyKinds.add('need');
    else if (m.group === G_OFFER && h.kind !== 'offer-available' && h.kind !== 'capacity' && h.kind !== 'contact-dm') bodyKinds.add('offer-kind');
    else if (h.kind === 'offer-available' || h.kind === 'first-person') bodyKinds.add(h.kind);
    if (m.actionable) comboBits |= 2;
    if (m.group >= 0) {
      groupCounts[m.group] = (groupCounts[m.group] as number) + 1;
      if (m.group === G_SYMPATHY) comboBits |= 1;
      else if (INFO_LIKE.has(m.group)) comboBits |= 4;
      else if (HELP_LIKE.has(m.group)) comboBits |= 8;
      else if (OTHER_LIKE.has(m.group)) comboBits |= 16;
    }
  }
  for (let g = 0; g < GROUPS.length; g++) {
    const c = groupCounts[g] as number;
    if (c > 0) feats.add((GROUP_FEATURES[g] as string[])[c >= 3 ? 3 : c] as string);
  }
  if (!bodyCues) feats.add('f:no-body-cue');
  // "A bed" is offered and asked for in the same words: what goes with it (a need, "available", a
  // question, "I") tells which, and a linear model only sees that as a feature of its own.
  if (bodyKinds.has('offer-kind')) {
    if (bodyKinds.has('need')) feats.add('x:need+kind');
    if (bodyKinds.has('offer-available')) feats.add('x:available+kind');
    if (bodyKinds.has('first-person')) feats.add('x:first-person+kind');
    if (text.includes('?')) feats.add('x:question+kind');
  }
  if (bodyKinds.has('need') && bodyKinds.has('first-person')) feats.add('x:first-person+need');
  // Which kinds of content meet in the body: sympathy alone reads differently from sympathy plus news.
  feats.add(COMBOS[comboBits] as string);
  feats.add(lengthBucket(words));
  // No feature for having hashtags or mentions: the training requests are text messages, which have neither,
  // so such a feature learns "a tweet is not a request"; and on a crisis timeline every tweet has the hashtag.
  if (numbers > 0) feats.add('f:number');
  if (text.includes('?')) feats.add('f:question');
  if (text.includes('!')) feats.add('f:exclaim');
  if (words === 0) feats.add('f:no-words');
  // Word weights are learnt from English data: other languages rely on the concepts alone.
  const wordSet = new Set<string>();
  const wordModel = lang === null || lang === 'en';
  if (wordModel) for (const u of units) if (!u.inTag && (tokens[u.token] as Token).kind === 'word') wordSet.add(u.norm);
  const unsupported = isUnsupportedTag(msg?.lang);
  const sympathyTagsOnly = words === 0 && tags > 0 && sympathyTagOnly(hits, tokens);
  return { text, features: [...feats], words: [...wordSet], wordModel, unsupported, hits, langMask: mask, lang, truncated, sympathyTagsOnly };
}

function sympathyTagOnly(hits: Hit[], tokens: Token[]): boolean {
  if (tokens.some((t) => t.kind === 'url')) return false;
  let sympathy = false;
  for (const h of hits) {
    const m = metaOf(h.kind);
    if (m.actionable) return false;
    // Emoji ("💔") are the only body a message without words has.
    if (m.group === G_SYMPATHY) sympathy = true;
    else if (!h.inTag) return false;
    // The crisis hashtag itself ("#hasselthelpt", "#HoustonFlood") may name help, rescuers or the event;
    // word classes ("first-person" in "#JeSuisNice") have no group.
    else if (m.group >= 0 && !TAG_ONLY_NEUTRAL.has(m.group)) return false;
  }
  return sympathy;
}

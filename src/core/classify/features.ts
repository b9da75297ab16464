// Turns a message into language-independent features: lexicon concepts (the
// same "sympathy-prayer" whether the tweet says "praying", "bidden", "prière"
// or "beten"), structural cues (phone, address, capacity...) and a few shape
// features. Training and classification both call analyse(), so the model
// always sees exactly what the extension computes.
import type { Message } from '../types';
import { splitHashtag, tokenize, type Token } from '../text/tokenize';
import { findEmails, findPhones, type Span } from './detectors';
import { chooseLanguages, isUnsupportedTag } from './language';
import { matchHashtag, matchUnits, resolveUnits, type CompiledLexicon, type Unit } from './lexicon';
import { lexicon } from './lexicon-data';
import { BODY_CONTACT_DM, BODY_OFFER, CONJ_AVAILABLE, CONJ_FIRST_PERSON, CONJ_NEED, CONJ_OFFER_KIND, GROUPS, G_SYMPATHY, metaOf, nextStamp } from './kind-meta';
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

const GROUP_FEATURES: string[][] = GROUPS.map((g) => ['', `g:${g}:1`, `g:${g}:2`, `g:${g}:3+`]);
const COMBOS: string[] = Array.from({ length: 32 }, (_, bits) => {
  const name = ['S', 'A', 'I', 'H', 'X'].filter((_, i) => bits & (1 << i)).join('');
  return `combo:${name || '-'}`;
});

const groupCounts = new Int32Array(GROUPS.length);
let unitFlagsBuf = new Uint8Array(64);
/** Reused by every call: the distinct words of a long message. */
const wordSeen = new Set<string>();
/** Up to this many distinct words, a list is searched; a set past it. */
const FEW_WORDS = 24;

/** Appends word to list unless it is there (most messages have a few words: no set to grow and clear). */
function addWord(list: string[], word: string): void {
  const n = list.length;
  if (n < FEW_WORDS) {
    for (let k = 0; k < n; k++) if (list[k] === word) return;
    list.push(word);
    if (n + 1 === FEW_WORDS) for (let k = 0; k <= n; k++) wordSeen.add(list[k] as string);
    return;
  }
  const before = wordSeen.size;
  wordSeen.add(word);
  if (wordSeen.size !== before) list.push(word);
}

export function analyse(msg: Message, lex: CompiledLexicon = lexicon): Analysis {
  const rawText = typeof msg?.text === 'string' ? msg.text : '';
  const quoted = typeof msg?.quotedText === 'string' && msg.quotedText !== '' ? msg.quotedText : '';
  let text = quoted ? `${rawText}\n${quoted}` : rawText;
  // Cut here or by X: the rest may be an offer, so the message is never sympathy only.
  const truncated = text.length > MAX_CHARS || msg?.truncated === true;
  if (truncated) text = text.slice(0, MAX_CHARS);

  const tokens = tokenize(text);
  const hits: Hit[] = [];

  // A leading "RT @user:" is how old clients marked reposts; it says nothing about content.
  let first = 0;
  if (tokens.length >= 2 && (tokens[0] as Token).norm === 'rt' && (tokens[1] as Token).kind === 'mention') first = 2;

  const units: Unit[] = [];
  let words = 0;
  let tags = 0;
  let numbers = 0;
  let url: Token | undefined;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.kind) {
      case 'word':
        units.push({ norm: t.norm, inTag: false, token: i, info: undefined });
        words++;
        break;
      case 'number':
        units.push({ norm: t.norm, inTag: false, token: i, info: undefined });
        words++;
        numbers++;
        break;
      case 'emoji':
        units.push({ norm: t.norm, inTag: false, token: i, info: undefined });
        break;
      case 'hashtag': {
        tags++;
        const parts = hashtagParts(text.slice(t.start + 1, t.end));
        for (let k = 0; k < parts.length; k++) units.push({ norm: parts[k] as string, inTag: true, token: i, info: undefined });
        break;
      }
      case 'mention':
        if (isOfficialHandle(t.norm)) hits.push({ kind: 'official-mention', start: t.start, end: t.end, inTag: false });
        break;
      case 'url':
        // The first link (tokens before `first` are "RT" and a mention, never a link).
        url ??= t;
        break;
    }
  }
  // Hashtags the page reports but the text lacks (rare) still count as hashtags.
  const extraTags: string[] = [];
  if (Array.isArray(msg?.hashtags)) {
    const reported = msg.hashtags;
    const n = Math.min(reported.length, 50);
    for (let r = 0; r < n; r++) {
      const h: unknown = reported[r];
      if (typeof h !== 'string' || h === '') continue;
      const bare = h.charCodeAt(0) === 0x23 ? h.slice(1) : h;
      const norm = bare.toLowerCase();
      let inText = false;
      for (let i = 0; i < tokens.length && !inText; i++) inText = (tokens[i] as Token).kind === 'hashtag' && (tokens[i] as Token).norm === norm;
      if (!inText) extraTags.push(bare.slice(0, 140));
    }
  }

  resolveUnits(lex, units);
  const { mask, lang } = chooseLanguages(lex, units, msg?.lang);

  // Lexicon concepts in words, phrases and hashtag parts.
  // Per unit: a number word ("twee", "deux"), a time or measure ("uur", "km", "Jahre").
  // Reused buffer, zeroed one past the last unit (addNumberCues reads the flags of the unit after a number).
  if (unitFlagsBuf.length <= units.length) unitFlagsBuf = new Uint8Array(Math.max(64, 2 * units.length + 2));
  const unitFlags = unitFlagsBuf;
  unitFlags.fill(0, 0, units.length + 1);
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
  if (tags > 0 || extraTags.length > 0) {
    const tagConcepts: number[] = [];
    for (let i = first; i < tokens.length && tags > 0; i++) {
      const t = tokens[i] as Token;
      if (t.kind !== 'hashtag') continue;
      tagConcepts.length = 0;
      matchHashtag(lex, t.norm, mask, tagConcepts);
      for (let c = 0; c < tagConcepts.length; c++) hits.push({ kind: lex.concepts[tagConcepts[c] as number] as string, start: t.start, end: t.end, inTag: true });
    }
    for (let e = 0; e < extraTags.length; e++) {
      const h = extraTags[e] as string;
      tagConcepts.length = 0;
      matchHashtag(lex, h.toLowerCase(), mask, tagConcepts);
      for (let c = 0; c < tagConcepts.length; c++) hits.push({ kind: lex.concepts[tagConcepts[c] as number] as string, start: 0, end: 0, inTag: true, evidence: `#${h}` });
    }
  }

  // Structural cues.
  const phones = findPhones(text);
  for (let i = 0; i < phones.length; i++) hits.push({ kind: 'phone', start: (phones[i] as Span).start, end: (phones[i] as Span).end, inTag: false });
  // An e-mail address needs an '@', and most messages with one have it in a mention only.
  if (text.includes('@')) {
    const emails = findEmails(text);
    for (let i = 0; i < emails.length; i++) hits.push({ kind: 'email', start: (emails[i] as Span).start, end: (emails[i] as Span).end, inTag: false });
  }
  const clockTime = addTokenCues(text, tokens, units, hits);
  // What the body (outside hashtags) holds so far, as KindMeta.body bits.
  let body = 0;
  let bodyScanned = 0;
  for (; bodyScanned < hits.length; bodyScanned++) {
    const h = hits[bodyScanned] as Hit;
    if (!h.inTag) body |= metaOf(h.kind).body;
  }
  const offerContext = (body & (BODY_CONTACT_DM | BODY_OFFER)) !== 0;
  addNumberCues(text, tokens, units, unitFlags, matched, lex.concepts, offerContext, hits);
  const official = isOfficialHandle(msg?.author) ? msg.author : isOfficialHandle(msg?.retweetedBy) ? msg.retweetedBy : null;
  if (official) hits.push({ kind: 'official-account', start: 0, end: 0, inTag: false, evidence: `@${String(official).replace(/^@/, '')}` });

  for (; bodyScanned < hits.length; bodyScanned++) {
    const h = hits[bodyScanned] as Hit;
    if (!h.inTag) body |= metaOf(h.kind).body;
  }
  addCombinedCues(url, body, clockTime, hits);
  if (truncated) hits.push({ kind: 'long-text', start: 0, end: 0, inTag: false });

  // Features: each kind once, in the order first met (a stamp per message marks the kinds already taken).
  const stamp = nextStamp();
  const feats: string[] = [];
  let clash = false;
  groupCounts.fill(0);
  let comboBits = 0;
  let bodyCues = false;
  let conj = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    const m = metaOf(h.kind);
    if (m.clash) clash = true;
    if (h.inTag) {
      // A crisis hashtag that names help (#hasselthelpt, #PorteOuverte, #HochwasserHilfe) is on every tweet of
      // its timeline, offers, requests and news alike: it says nothing about the one tweet.
      if (!m.helpLike && m.tagStamp !== stamp) {
        m.tagStamp = stamp;
        feats.push(m.tagFeature);
      }
      continue;
    }
    if (m.bodyStamp !== stamp) {
      m.bodyStamp = stamp;
      feats.push(m.kind);
    }
    if (h.kind !== 'link') bodyCues = true;
    conj |= m.conj;
    if (m.actionable) comboBits |= 2;
    if (m.group >= 0) {
      groupCounts[m.group] = (groupCounts[m.group] as number) + 1;
      comboBits |= m.comboBit;
    }
  }
  for (let g = 0; g < GROUPS.length; g++) {
    const c = groupCounts[g] as number;
    if (c > 0) feats.push((GROUP_FEATURES[g] as string[])[c >= 3 ? 3 : c] as string);
  }
  if (!bodyCues) feats.push('f:no-body-cue');
  const question = text.includes('?');
  // "A bed" is offered and asked for in the same words: what goes with it (a need, "available", a
  // question, "I") tells which, and a linear model only sees that as a feature of its own.
  if ((conj & CONJ_OFFER_KIND) !== 0) {
    if ((conj & CONJ_NEED) !== 0) feats.push('x:need+kind');
    if ((conj & CONJ_AVAILABLE) !== 0) feats.push('x:available+kind');
    if ((conj & CONJ_FIRST_PERSON) !== 0) feats.push('x:first-person+kind');
    if (question) feats.push('x:question+kind');
  }
  if ((conj & CONJ_NEED) !== 0 && (conj & CONJ_FIRST_PERSON) !== 0) feats.push('x:first-person+need');
  // Which kinds of content meet in the body: sympathy alone reads differently from sympathy plus news.
  feats.push(COMBOS[comboBits] as string);
  feats.push(lengthBucket(words));
  // No feature for having hashtags or mentions: the training requests are text messages, which have neither,
  // so such a feature learns "a tweet is not a request"; and on a crisis timeline every tweet has the hashtag.
  if (numbers > 0) feats.push('f:number');
  if (question) feats.push('f:question');
  if (text.includes('!')) feats.push('f:exclaim');
  if (words === 0) feats.push('f:no-words');
  // Word weights are learnt from English data: other languages rely on the concepts alone.
  const wordList: string[] = [];
  const wordModel = lang === null || lang === 'en';
  if (wordModel) {
    for (let i = 0; i < units.length; i++) {
      const u = units[i] as Unit;
      if (u.inTag || (tokens[u.token] as Token).kind !== 'word') continue;
      addWord(wordList, u.norm);
    }
    if (wordSeen.size > 0) wordSeen.clear();
  }
  const unsupported = isUnsupportedTag(msg?.lang);
  const sympathyTagsOnly = words === 0 && tags > 0 && url === undefined && sympathyTagOnly(hits);
  // A kind spelt like another feature name (never so in the shipped data) is deduplicated the slow way.
  const features = clash ? [...new Set(feats)] : feats;
  return { text, features, words: wordList, wordModel, unsupported, hits, langMask: mask, lang, truncated, sympathyTagsOnly };
}

function sympathyTagOnly(hits: Hit[]): boolean {
  let sympathy = false;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    const m = metaOf(h.kind);
    if (m.actionable) return false;
    // Emoji ("💔") are the only body a message without words has.
    if (m.group === G_SYMPATHY) sympathy = true;
    else if (!h.inTag) return false;
    // The crisis hashtag itself ("#hasselthelpt", "#HoustonFlood") may name help, rescuers or the event;
    // word classes ("first-person" in "#JeSuisNice") have no group.
    else if (m.group >= 0 && !m.tagOnlyNeutral) return false;
  }
  return sympathy;
}

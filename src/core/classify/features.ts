// Turns a message into language-independent features: lexicon concepts (the
// same "sympathy-prayer" whether the tweet says "praying", "bidden", "prière"
// or "beten"), structural cues (phone, address, capacity...) and a few shape
// features. Training and classification both call analyse(), so the model
// always sees exactly what the extension computes.
import type { Message } from '../types';
import { splitHashtag, tokenize, type Token } from '../text/tokenize';
import { findEmails, findPhones, isClockPair, isClockWord, isPostcode, isRoadRef } from './detectors';
import { ALL_LANGS_MASK, LEXICON_LANGS, countStopwords, langBit, matchHashtag, matchUnits, resolveUnits, type CompiledLexicon, type Unit } from './lexicon';
import { lexicon } from './lexicon-data';
import { isOfficialHandle } from './official';
import { isActionableKind } from './cues';

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
}

/** Language tags that name no language: undetermined, no linguistic content, artificial (X also uses q-codes). */
const NOT_A_LANGUAGE = new Set(['und', 'zxx', 'art', 'mul']);

/** Texts longer than this are read only up to here (tweets are at most 25,000 characters). */
export const MAX_CHARS = 20_000;

const EN_BIT = langBit('en');
const stopCounts = new Int32Array(LEXICON_LANGS.length);

/** Languages to match: the declared one, the one whose stopwords dominate, English; all when unsure. */
function chooseLanguages(lex: CompiledLexicon, units: Unit[], declared: string | null | undefined): { mask: number; lang: string | null } {
  countStopwords(lex, units, stopCounts);
  let best = -1;
  let bestCount = 0;
  for (let b = 0; b < stopCounts.length; b++) {
    const c = stopCounts[b] as number;
    if (c > bestCount) {
      best = b;
      bestCount = c;
    }
  }
  const declaredBit = langBit(declared);
  let mask = declaredBit | EN_BIT;
  // Tied or weak evidence: take every language reaching the best count.
  if (bestCount > 0) for (let b = 0; b < stopCounts.length; b++) if ((stopCounts[b] as number) === bestCount) mask |= 1 << b;
  let lang: string | null = null;
  if (declaredBit !== 0) lang = (declared as string).slice(0, 2).toLowerCase();
  else if (best >= 0) lang = LEXICON_LANGS[best] as string;
  if (declaredBit === 0 && bestCount < 2) mask = ALL_LANGS_MASK; // short or unknown: no language can be excluded
  return { mask, lang };
}

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

function smallNumber(u: Unit, t: Token | undefined, max: number): boolean {
  if (!t || t.kind !== 'number' || u.inTag) return false;
  const v = Number(u.norm);
  return v >= 1 && v <= max;
}

/** "32,000" or "1.200": the digits before or after a separator belong to a bigger number. */
function partOfLargerNumber(text: string, t: Token): boolean {
  const after = text.charCodeAt(t.end);
  const before = text.charCodeAt(t.start - 1);
  const digit = (c: number): boolean => c >= 0x30 && c <= 0x39;
  return ((after === 0x2c || after === 0x2e) && digit(text.charCodeAt(t.end + 1))) || ((before === 0x2c || before === 0x2e) && digit(text.charCodeAt(t.start - 2)));
}

/** "10k", "2k": a count in thousands. */
function isThousands(norm: string): boolean {
  const n = norm.length;
  if (n < 2 || n > 5 || norm.charCodeAt(n - 1) !== 0x6b) return false;
  for (let i = 0; i < n - 1; i++) if (norm.charCodeAt(i) < 0x30 || norm.charCodeAt(i) > 0x39) return false;
  return true;
}

/** "12", "12a", "140B": a house number. */
function isHouseNumber(norm: string): boolean {
  const n = norm.length;
  if (n === 0 || n > 5 || norm === '0') return false;
  let i = 0;
  while (i < n && norm.charCodeAt(i) >= 0x30 && norm.charCodeAt(i) <= 0x39) i++;
  return i >= 1 && i <= 4 && n - i <= 1;
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
const INFO_LIKE = new Set(['info', 'responders'].map((g) => GROUP_INDEX.get(g) as number));
const HELP_LIKE = new Set(['help', 'need', 'offer', 'request'].map((g) => GROUP_INDEX.get(g) as number));
const OTHER_LIKE = new Set(['irony', 'complaint', 'chatter', 'promo'].map((g) => GROUP_INDEX.get(g) as number));
const COMBOS: string[] = Array.from({ length: 32 }, (_, bits) => {
  const name = ['S', 'A', 'I', 'H', 'X'].filter((_, i) => bits & (1 << i)).join('');
  return `combo:${name || '-'}`;
});
/** Link kinds whose presence next to a URL makes the link informative. */
const INFO_LINK_KINDS = new Set(['info-resource', 'info-warning', 'info-instruction', 'info-closure', 'info-missing', 'info-evacuation', 'info-emergency-number']);

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
  let urls = 0;
  let mentions = 0;
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
      case 'url':
        urls++;
        break;
      case 'mention':
        mentions++;
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
  // Per unit: 1 = a number word ("twee", "deux"), 2 = a time or measure ("uur", "km", "Jahre").
  const unitFlags = new Uint8Array(units.length);
  const matched: number[] = [];
  matchUnits(lex, units, mask, matched);
  for (let j = 0; j < matched.length; j += 3) {
    const kind = lex.concepts[matched[j] as number] as string;
    const a = matched[j + 1] as number;
    const ua = units[a] as Unit;
    const ub = units[matched[j + 2] as number] as Unit;
    hits.push({ kind, start: (tokens[ua.token] as Token).start, end: (tokens[ub.token] as Token).end, inTag: ua.inTag && ub.inTag });
    if (kind === 'number-word') unitFlags[a] = (unitFlags[a] as number) | 1;
    else if (kind === 'info-time' || kind === 'measure-unit' || kind === 'duration-unit') unitFlags[a] = (unitFlags[a] as number) | 2;
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
  let clockTime = false;
  for (const s of findPhones(text)) hits.push({ kind: 'phone', start: s.start, end: s.end, inTag: false });
  for (const s of findEmails(text)) hits.push({ kind: 'email', start: s.start, end: s.end, inTag: false });
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as Unit;
    if (unit.inTag) continue;
    const t = tokens[unit.token] as Token;
    if (t.kind === 'word' && isClockWord(t.norm)) {
      hits.push({ kind: 'info-time', start: t.start, end: t.end, inTag: false });
      clockTime = true;
    }
    else if (t.kind === 'word' && isRoadRef(t.norm)) hits.push({ kind: 'info-transport', start: t.start, end: t.end, inTag: false });
    else if (t.kind === 'number') {
      const next = tokens[unit.token + 1];
      if (next && isClockPair(text, t, next)) {
        hits.push({ kind: 'info-time', start: t.start, end: next.end, inTag: false });
        clockTime = true;
      }
      else if (isPostcode(text, t, next)) hits.push({ kind: 'postcode', start: t.start, end: (next as Token).end, inTag: false });
    }
  }
  // Combinations: a number next to a capacity word, a street word or a casualty word.
  const bodyKinds = new Set<string>();
  for (const h of hits) if (!h.inTag) bodyKinds.add(h.kind);
  let offerContext = bodyKinds.has('contact-dm');
  for (const k of bodyKinds) if (k.startsWith('offer-')) offerContext = true;
  for (let j = 0; j < matched.length; j += 3) {
    const k = lex.concepts[matched[j] as number] as string;
    const h = { a: matched[j + 1] as number, b: matched[j + 2] as number };
    if (k !== 'capacity-unit' && k !== 'street-word' && k !== 'info-casualties' && k !== 'measure-unit' && !(k === 'people-unit' && offerContext)) continue;
    if ((units[h.a] as Unit).inTag) continue;
    const reach = k === 'info-casualties' ? 4 : 2;
    const from = Math.max(0, h.a - reach);
    const to = Math.min(units.length - 1, h.b + reach);
    for (let u = from; u <= to; u++) {
      if (u >= h.a && u <= h.b) continue;
      const unit = units[u] as Unit;
      const tok = tokens[unit.token] as Token;
      let ok: boolean;
      if (k === 'street-word') ok = !unit.inTag && isHouseNumber(unit.norm);
      else if (k === 'info-casualties') {
        // "12 uur", "3 days", "25 Jahre": a time or measure, not a count of victims.
        ok = (smallNumber(unit, tok, 100000) || ((unitFlags[u] as number) & 1) !== 0 || isThousands(unit.norm)) && ((unitFlags[u + 1] ?? 0) & 2) === 0;
      }
      else if (k === 'measure-unit') ok = u < h.a && (tok.kind === 'number' || isThousands(unit.norm)) && !unit.inTag;
      else ok = (smallNumber(unit, tok, 50) && !partOfLargerNumber(text, tok)) || ((unitFlags[u] as number) & 1) !== 0;
      if (!ok) continue;
      const kind = k === 'street-word' ? 'address' : k === 'info-casualties' ? 'casualty-count' : k === 'measure-unit' ? 'figure' : 'capacity';
      const ta = tokens[(units[Math.min(u, h.a)] as Unit).token] as Token;
      const tb = tokens[(units[Math.max(u, h.b)] as Unit).token] as Token;
      hits.push({ kind, start: ta.start, end: tb.end, inTag: false });
      break;
    }
  }
  for (const handle of [msg?.author, msg?.retweetedBy]) {
    if (isOfficialHandle(handle)) {
      hits.push({ kind: 'official-account', start: 0, end: 0, inTag: false, evidence: `@${String(handle).replace(/^@/, '')}` });
      break;
    }
  }

  // Body cue kinds present (not hashtag-only).
  const body = bodyKinds;
  for (const h of hits) if (!h.inTag) body.add(h.kind);
  // A place with a clock time ("sporthal, vanaf 20u"), or a place said to be open at a given day.
  const hasPlace = body.has('info-venue') || body.has('address') || body.has('postcode');
  if (hasPlace && (clockTime || (body.has('info-time') && body.has('info-open')))) {
    hits.push({ kind: 'place-and-time', start: 0, end: 0, inTag: false });
  }
  if (urls > 0) {
    const urlToken = tokens.find((t) => t.kind === 'url') as Token;
    let informative = false;
    for (const k of INFO_LINK_KINDS) if (body.has(k)) informative = true;
    hits.push({ kind: informative ? 'link-info' : 'link', start: urlToken.start, end: urlToken.end, inTag: false });
  }
  if (truncated) hits.push({ kind: 'long-text', start: 0, end: 0, inTag: false });

  // Features.
  groupCounts.fill(0);
  let comboBits = 0;
  let bodyCues = false;
  for (const h of hits) {
    const m = metaOf(h.kind);
    if (h.inTag) {
      feats.add(m.tagFeature);
      continue;
    }
    feats.add(h.kind);
    if (h.kind !== 'link') bodyCues = true;
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
  // Which kinds of content meet in the body: sympathy alone reads differently from sympathy plus news.
  feats.add(COMBOS[comboBits] as string);
  feats.add(lengthBucket(words));
  if (mentions > 0) feats.add(mentions >= 2 ? 'f:mentions-2+' : 'f:mention');
  if (tags > 0) feats.add(tags >= 3 ? 'f:tags-3+' : 'f:tag');
  if (numbers > 0) feats.add('f:number');
  if (text.includes('?')) feats.add('f:question');
  if (text.includes('!')) feats.add('f:exclaim');
  if (words === 0) feats.add('f:no-words');
  // Word weights are learnt from English data: other languages rely on the concepts alone.
  const wordSet = new Set<string>();
  const wordModel = lang === null || lang === 'en';
  if (wordModel) for (const u of units) if (!u.inTag && (tokens[u.token] as Token).kind === 'word') wordSet.add(u.norm);
  const declared = typeof msg?.lang === 'string' ? msg.lang.toLowerCase() : '';
  // X's language tag is trusted when it names a language without a lexicon, even if a few stopwords look
  // Spanish or French (Portuguese and Tagalog share many of them).
  const unsupported = langBit(declared) === 0 && /^[a-z]{2,3}(-|$)/.test(declared) && !NOT_A_LANGUAGE.has(declared.slice(0, 3)) && !declared.startsWith('q');
  return { text, features: [...feats], words: [...wordSet], wordModel, unsupported, hits, langMask: mask, lang, truncated };
}

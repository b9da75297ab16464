// Splits a tweet into typed tokens that keep their original spelling next to a
// folded form, so that both key building (folded) and pattern matching that
// needs capitals (places) work from one pass.

export type TokenType = 'word' | 'number' | 'hashtag' | 'mention' | 'url';

export interface Token {
  type: TokenType;
  /** As written (without "#" / "@"). */
  raw: string;
  /** Lower case, no accents, hyphens and apostrophes as spaces. */
  norm: string;
  /** Offset of the token in the text it came from. */
  start: number;
  end: number;
  /** First word after the start of the text or after . ! ? : ; or a line break. */
  sentenceStart: boolean;
  /** Starts with a capital and is not written entirely in capitals. */
  capitalised: boolean;
  /** Written entirely in capitals (two letters or more). */
  allCaps: boolean;
  /** Text between the previous token and this one. */
  gap: string;
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** X's API and many exports escape &, < and >; decode the few entities that occur. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return HTML_ENTITIES[body.toLowerCase()] ?? m;
  });
}

const SPECIAL_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', ĳ: 'ij' };

/** True when every code unit is an ASCII letter or digit: lower-casing is then the whole fold. */
function plainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

// Words other than plain ASCII recur (places, "ruimte", "bébé"): folding them
// again costs several regex passes, so recent results are kept.
const FOLD_CACHE_MAX = 4096;
const foldCache = new Map<string, string>();

/** Lower case, accents removed, every non letter/digit a space, spaces collapsed. */
export function fold(text: string): string {
  if (plainAscii(text)) return text.toLowerCase();
  if (text.length > 40) return slowFold(text);
  let out = foldCache.get(text);
  if (out === undefined) {
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    out = slowFold(text);
    foldCache.set(text, out);
  }
  return out;
}

function slowFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđłıĳ]/g, (c) => SPECIAL_FOLDS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Groups: 1 link, 2 mention, 3 hashtag, 4 number, 5 word. The "@" and "#" come
// before their lookbehinds (which then read the character before them): the
// same matches, with the lookbehind run only where there is an "@" or a "#".
const LINK = String.raw`https?:\/\/\S+|www\.[^\s]+|pic\.twitter\.com\/\S+|\b[a-z0-9-]+\.(?:com|be|nl|fr|de|org|net|eu|ly|co)\/\S*`;
const REST = String.raw`@(?<![\p{L}\p{N}_]@)([A-Za-z0-9_]{1,30})|#(?<![\p{L}\p{N}_&]#)([\p{L}\p{N}_]+)|(\p{N}+)|([\p{L}\p{M}]+(?:[-'\u2019][\p{L}\p{M}]+)*)`;
// One pattern only: a second Unicode pattern costs more to compile on first use
// (over a millisecond) than it would save on the texts without a link.
const TOKEN_RE = new RegExp(`(${LINK})|${REST}`, 'gu');

// Punctuation, a line break, or an emoji (U+1F300-U+1FAFF as surrogate pairs,
// U+2600-U+27BF): without the u flag, a pattern far cheaper to compile.
const SENTENCE_END = /[.!?;:\n\u2022|\u2600-\u27BF]|\uD83C[\uDF00-\uDFFF]|\uD83D[\uDC00-\uDFFF]|\uD83E[\uDC00-\uDEFF]/;

const ALL_CAPS = 1;
const CAPITALISED = 2;
/** Every character an ASCII letter or digit: lower-casing is then the whole fold. */
const PLAIN = 4;

/** How a token is capitalised, from its letters only (ALL_CAPS, CAPITALISED or 0), with PLAIN when it holds nothing but ASCII letters and digits. */
function caseOf(raw: string): number {
  let letters = 0;
  let lower = 0;
  let firstUpper = false;
  let plain = PLAIN;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x80) return caseOfUnicode(raw);
    const up = c >= 0x41 && c <= 0x5a;
    const low = c >= 0x61 && c <= 0x7a;
    if (!up && !low) {
      if (c < 0x30 || c > 0x39) plain = 0;
      continue;
    }
    if (letters === 0) firstUpper = up;
    letters++;
    if (low) lower++;
  }
  if (raw.length === 0) plain = 0;
  if (letters >= 2 && lower === 0) return ALL_CAPS | plain;
  return (firstUpper ? CAPITALISED : 0) | plain;
}

function caseOfUnicode(raw: string): number {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return ALL_CAPS;
  const first = letters[0] ?? '';
  return first !== '' && first === first.toUpperCase() && first !== first.toLowerCase() ? CAPITALISED : 0;
}

export function tokenize(text: string): Token[] {
  // Without a "/" or "www." no link can match: the pattern's matches are then
  // taken in one call and placed with indexOf (see tokenizeMatches).
  if (!text.includes('/') && !text.includes('www.')) {
    const fast = tokenizeMatches(text);
    if (fast !== null) return fast;
  }
  return tokenizeEach(text);
}

const IS_NUMBER = /^\p{N}/u;
const IS_LETTER_OR_NUMBER = /^[\p{L}\p{N}]/u;

/** The pattern's lookbehind for "@" (no letter, number or "_" before it) or "#" (nor "&"), at `at`. */
function sigilStarts(text: string, at: number, sigil: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || (sigil === 0x23 && c === 0x26));
  // The code point before, a surrogate pair read as one (as the u flag reads it).
  const from = c >= 0xdc00 && c <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff ? at - 2 : at - 1;
  return !IS_LETTER_OR_NUMBER.test(text.slice(from, at));
}

/**
 * The tokens of a text without links, from one `match` call: each match is
 * placed at the first place it occurs after the previous token. No earlier
 * place can hold it: the pattern tried every position after the previous
 * token, and a word or a number matches wherever its text starts; only a
 * mention's or hashtag's lookbehind depends on what stands before, so a place
 * where that fails is passed over. Null when a match cannot be placed (never
 * expected): the caller then reads the text match by match.
 */
function tokenizeMatches(text: string): Token[] | null {
  const all = text.match(TOKEN_RE);
  const out: Token[] = [];
  if (all === null) return out;
  let prevEnd = 0;
  let atSentenceStart = true;
  for (let k = 0; k < all.length; k++) {
    const s = all[k] as string;
    let start = text.indexOf(s, prevEnd);
    const c = s.charCodeAt(0);
    let type: TokenType;
    let raw: string;
    if (c === 0x40 || c === 0x23) {
      while (start >= 0 && !sigilStarts(text, start, c)) start = text.indexOf(s, start + 1);
      type = c === 0x40 ? 'mention' : 'hashtag';
      raw = s.slice(1);
    } else {
      type = (c >= 0x30 && c <= 0x39) || (c >= 0x80 && IS_NUMBER.test(s)) ? 'number' : 'word';
      raw = s;
    }
    if (start < 0) return null;
    const end = start + s.length;
    const gap = text.slice(prevEnd, start);
    if (gap !== ' ' && gap !== '' && SENTENCE_END.test(gap)) atSentenceStart = true;
    out.push(token(type, raw, start, end, gap, atSentenceStart));
    if (type === 'word' || type === 'number') atSentenceStart = false;
    prevEnd = end;
  }
  return out;
}

function token(type: TokenType, raw: string, start: number, end: number, gap: string, atSentenceStart: boolean): Token {
  const bits = caseOf(raw);
  const shape = bits & (ALL_CAPS | CAPITALISED);
  return {
    type,
    raw,
    norm: type === 'url' ? '' : (bits & PLAIN) !== 0 ? raw.toLowerCase() : fold(raw),
    start,
    end,
    sentenceStart: type === 'word' && atSentenceStart,
    capitalised: shape === CAPITALISED,
    allCaps: shape === ALL_CAPS,
    gap,
  };
}

/** The tokens, one pattern match at a time (any text). */
function tokenizeEach(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  let atSentenceStart = true;
  const re = TOKEN_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const gap = text.slice(prevEnd, start);
    if (gap !== ' ' && gap !== '' && SENTENCE_END.test(gap)) atSentenceStart = true;
    let type: TokenType;
    let raw: string;
    if (m[1] !== undefined) {
      type = 'url';
      raw = m[1];
    } else if (m[2] !== undefined) {
      type = 'mention';
      raw = m[2];
    } else if (m[3] !== undefined) {
      type = 'hashtag';
      raw = m[3];
    } else if (m[4] !== undefined) {
      type = 'number';
      raw = m[4];
    } else {
      type = 'word';
      raw = m[5] ?? '';
    }
    out.push(token(type, raw, start, end, gap, atSentenceStart));
    if (type === 'word' || type === 'number') atSentenceStart = false;
    prevEnd = end;
  }
  return out;
}

/** Appends the words of a folded token ("sint niklaas" gives two; most give one, without splitting). */
export function pushWords(norm: string, out: string[]): void {
  if (norm === '') return;
  if (!norm.includes(' ')) {
    out.push(norm);
    return;
  }
  for (const w of norm.split(' ')) if (w) out.push(w);
}

/** Folded words of a token list, hyphenated words split, in order. */
export function normWords(tokens: readonly Token[]): string[] {
  const words: string[] = [];
  for (const t of tokens) {
    if (t.type === 'url' || t.type === 'mention') continue;
    pushWords(t.norm, words);
  }
  return words;
}

// A single left-to-right pass that cuts a message into words, numbers, hashtags,
// mentions, URLs and emoji. Linear in the input, no backtracking regex, and it
// never throws: lone surrogates, zero-width characters and bidi controls are
// skipped or treated as separators.
import * as fold from './fold';

// Local references: these run once per character.
const foldLatin = fold.foldLatin;
const isIgnorable = fold.isIgnorable;
const isWordUnit = fold.isWordUnit;

export type TokenKind = 'word' | 'number' | 'hashtag' | 'mention' | 'url' | 'emoji';

export interface Token {
  kind: TokenKind;
  /** Folded form: lowercase, no diacritics; hashtags and mentions without '#'/'@'. */
  norm: string;
  /** Offsets in the original text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

const HASH = 0x23;
const AT = 0x40;
const FULLWIDTH_HASH = 0xff03;
const FULLWIDTH_AT = 0xff20;

function isAsciiHandleChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** Code point at i (a lone surrogate is returned as itself). */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Pictographs worth keeping as tokens (hearts, praying hands, candles, crying faces...). */
export function isEmoji(cp: number): boolean {
  return (
    (cp >= 0x1f300 && cp <= 0x1faff && !(cp >= 0x1f3fb && cp <= 0x1f3ff)) ||
    (cp >= 0x1f170 && cp <= 0x1f1e5) || // enclosed letters: 🆘 🆓 (not the flag letters)
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x2300 && cp <= 0x23ff) || // ⌚ ⏰ ⏳
    (cp >= 0x2b00 && cp <= 0x2bff) // ⬇ ⭐ ⭕
  );
}

/** Styled letters (mathematical bold, fullwidth) are read as plain letters. */
function styledLetter(cp: number): string {
  if (cp >= 0xff10 && cp <= 0xff5a) return foldLatin(cp - 0xfee0);
  if (cp >= 0x1d400 && cp <= 0x1d7ff) {
    const plain = String.fromCodePoint(cp).normalize('NFKC');
    return plain.length === 1 ? foldLatin(plain.charCodeAt(0)) : '';
  }
  return '';
}

/** Length in code units of the word-ish character at i, 0 if it is not one. */
function wordUnitLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return foldLatin(c) !== '' ? 1 : 0;
  if (isIgnorable(c)) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = codePointAt(s, i);
    if (cp > 0xffff && styledLetter(cp) !== '') return 2;
    return 0;
  }
  if (c >= 0xff10 && c <= 0xff5a) return styledLetter(c) !== '' ? 1 : 0;
  return isWordUnit(c) ? 1 : 0;
}

/** Folded text of a word span that needs more than ASCII lowercasing. */
function foldSpan(s: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = codePointAt(s, i);
      if (cp > 0xffff) {
        out += styledLetter(cp);
        i++;
        continue;
      }
    }
    const f = c < 0x250 ? foldLatin(c) : styledLetter(c);
    out += f !== '' ? f : s.charAt(i).toLowerCase();
  }
  return out;
}

/** ASCII classes, one table read per character instead of a call: letter or digit, capital, digit. */
const A_WORD = 1;
const A_UPPER = 2;
const A_DIGIT = 4;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (foldLatin(c) === '') continue;
  ASCII_CLASS[c] = A_WORD | (c >= 0x41 && c <= 0x5a ? A_UPPER : 0) | (c >= 0x30 && c <= 0x39 ? A_DIGIT : 0);
}

// Set by scanWord about the run it scanned (module state: no object per word). `plain`: slice().toLowerCase()
// folds it; the others hold for plain runs only: a capital in it, digits only, an underscore in it.
let scannedPlain = true;
let scannedUpper = false;
let scannedDigits = true;
let scannedUnderscore = false;

/** End of a run of word characters starting at i; sets the scanned* flags. */
function scanWord(s: string, i: number, allowUnderscore: boolean): number {
  let plain = true;
  let upper = false;
  let digits = true;
  let underscore = false;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      const k = ASCII_CLASS[c] as number;
      if (k !== 0) {
        i++;
        if ((k & A_UPPER) !== 0) upper = true;
        if ((k & A_DIGIT) === 0) digits = false;
      } else if (allowUnderscore && c === 0x5f) {
        i++;
        underscore = true;
        digits = false;
      } else break;
      continue;
    }
    const len = wordUnitLength(s, i);
    if (len === 0) break;
    plain = false;
    i += len;
  }
  scannedPlain = plain;
  scannedUpper = upper;
  scannedDigits = digits;
  scannedUnderscore = underscore;
  return i;
}

/** Digits only (a number token). */
function allDigits(norm: string): boolean {
  for (let k = 0; k < norm.length; k++) {
    const d = norm.charCodeAt(k);
    if (d < 0x30 || d > 0x39) return false;
  }
  return true;
}

/** "http://", "https://" or "www." at i, in any case. */
function isUrlStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i) | 0x20;
  if (c === 0x68) {
    if ((s.charCodeAt(i + 1) | 0x20) !== 0x74 || (s.charCodeAt(i + 2) | 0x20) !== 0x74 || (s.charCodeAt(i + 3) | 0x20) !== 0x70) return false;
    let j = i + 4;
    if ((s.charCodeAt(j) | 0x20) === 0x73) j++;
    return s.charCodeAt(j) === 0x3a && s.charCodeAt(j + 1) === 0x2f && s.charCodeAt(j + 2) === 0x2f;
  }
  if (c === 0x77) return (s.charCodeAt(i + 1) | 0x20) === 0x77 && (s.charCodeAt(i + 2) | 0x20) === 0x77 && s.charCodeAt(i + 3) === 0x2e;
  return false;
}

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029;
}

/**
 * Cut text into tokens. Apostrophes and hyphens split words ("l'aide" gives "l",
 * "aide"); a hashtag is one token (see splitHashtag for its parts).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const s = typeof text === 'string' ? text : '';
  const n = s.length;
  let i = 0;
  let prevWordEnd = -1; // '#' or '@' glued to a word is not a hashtag/mention
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && ASCII_CLASS[c] === 0 && c !== HASH && c !== AT) {
      i++;
      continue;
    }
    if ((c === HASH || c === FULLWIDTH_HASH) && prevWordEnd !== i && i + 1 < n && wordUnitLength(s, i + 1) > 0) {
      const end = scanWord(s, i + 1, true);
      let norm: string;
      if (scannedPlain) {
        const raw = s.slice(i + 1, end);
        norm = scannedUpper ? raw.toLowerCase() : raw;
        if (scannedUnderscore) norm = norm.split('_').join('');
      } else {
        norm = foldSpan(s, i + 1, end);
        if (norm.indexOf('_') >= 0) norm = norm.split('_').join('');
      }
      out.push({ kind: 'hashtag', norm, start: i, end });
      i = prevWordEnd = end;
      continue;
    }
    if ((c === AT || c === FULLWIDTH_AT) && prevWordEnd !== i && i + 1 < n && isAsciiHandleChar(s.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && isAsciiHandleChar(s.charCodeAt(j))) j++;
      out.push({ kind: 'mention', norm: s.slice(i + 1, j).toLowerCase(), start: i, end: j });
      i = prevWordEnd = j;
      continue;
    }
    if (prevWordEnd !== i && ((c | 0x20) === 0x68 || (c | 0x20) === 0x77) && isUrlStart(s, i)) {
      let j = i;
      while (j < n && !isSpace(s.charCodeAt(j))) j++;
      out.push({ kind: 'url', norm: s.slice(i, j).toLowerCase(), start: i, end: j });
      i = j;
      continue;
    }
    // ASCII: a letter or digit starts a word; '#' or '@' that began nothing is skipped (neither is an emoji).
    const word = c < 0x80 ? ASCII_CLASS[c] !== 0 : wordUnitLength(s, i) > 0 && !isIgnorable(c);
    if (word) {
      const end = scanWord(s, i, false);
      let norm: string;
      let digits: boolean;
      if (scannedPlain) {
        const raw = s.slice(i, end);
        norm = scannedUpper ? raw.toLowerCase() : raw;
        digits = scannedDigits;
      } else {
        norm = foldSpan(s, i, end);
        digits = allDigits(norm);
      }
      if (norm !== '') out.push({ kind: digits ? 'number' : 'word', norm, start: i, end });
      i = prevWordEnd = end;
      continue;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    const cp = codePointAt(s, i);
    const width = cp > 0xffff ? 2 : 1;
    if (isEmoji(cp)) {
      out.push({ kind: 'emoji', norm: String.fromCodePoint(cp), start: i, end: i + width });
    }
    i += width;
  }
  return out;
}

/**
 * Words inside a hashtag, from its capitals and digits: "PrayForBoston" gives
 * ["pray", "for", "boston"], "BXLsterk" ["bxl", "sterk"]. One part for
 * "hasselthelpt", which lexicons then match as a whole or by prefix/suffix.
 */
export function splitHashtag(raw: string): string[] {
  const parts: string[] = [];
  let cur = '';
  const n = Math.min(raw.length, 280);
  for (let i = 0; i < n; i++) {
    const ch = raw.charAt(i);
    const lower = ch.toLowerCase();
    const isUpper = lower !== ch;
    const isDigit = ch >= '0' && ch <= '9';
    const prev = i > 0 ? raw.charAt(i - 1) : '';
    const next = i + 1 < n ? raw.charAt(i + 1) : '';
    const prevUpper = prev !== '' && prev.toLowerCase() !== prev;
    const prevDigit = prev >= '0' && prev <= '9';
    const nextLower = next !== '' && next.toUpperCase() !== next;
    const boundary =
      ch === '_' ||
      (isUpper && cur !== '' && (!prevUpper || nextLower)) ||
      (isDigit !== prevDigit && cur !== '' && prev !== '_');
    if (boundary && cur !== '') {
      parts.push(cur);
      cur = '';
    }
    if (ch !== '_') cur += lower;
  }
  if (cur !== '') parts.push(cur);
  return parts.map((p) => foldSpan(p, 0, p.length)).filter((p) => p !== '');
}

// Structural detectors that need no lexicon: phone numbers, e-mail addresses,
// clock times, postcodes. Each is a bounded linear scan (no backtracking regex).
import type { Token } from '../text/tokenize';

export interface Span {
  start: number;
  end: number;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Separators allowed inside a phone number: space, - . / ( ) and no-break space. */
function isPhoneSep(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x2e || c === 0x2f || c === 0x28 || c === 0x29 || c === 0xa0;
}

/**
 * Phone numbers: 8 to 15 digits in groups, starting with "+", "0" or "(", or a
 * North American 3-3-4 grouping. Dates (14.07.2021), times and thousands
 * (1.000.000) are not phone numbers.
 */
const nextDigit = /[0-9]/g;
// Digit groups and the separators between them of the number being read (at most 10 and 9).
const groupLens = new Int32Array(12);
const sepCodes = new Int32Array(12);

function allSeps(ns: number, a: number, b: number): boolean {
  for (let k = 0; k < ns; k++) if (sepCodes[k] !== a && sepCodes[k] !== b) return false;
  return true;
}

/** A phone number's lead or grouping, and not a date or a figure in thousands (groupLens, sepCodes filled). */
function isPhoneShape(text: string, start: number, ng: number, ns: number): boolean {
  const first = text.charCodeAt(start);
  const firstDigit = first === 0x2b || first === 0x28 ? text.charCodeAt(start + 1) : first;
  const lead = first === 0x2b || first === 0x28 || firstDigit === 0x30;
  const g0 = groupLens[0] as number;
  const g1 = groupLens[1] as number;
  const g2 = groupLens[2] as number;
  const nanp = ng === 3 && g0 === 3 && g1 === 3 && g2 === 4;
  if (!lead && !nanp) return false;
  const dotted = ns > 0 && allSeps(ns, 0x2e, 0x2c);
  const date = ng === 3 && g0 <= 2 && g1 <= 2 && (g2 === 4 || g2 === 2) && (allSeps(ns, 0x2e, 0x2e) || allSeps(ns, 0x2f, 0x2f) || allSeps(ns, 0x2d, 0x2d));
  const isoDate = ng === 3 && g0 === 4 && g1 === 2 && g2 === 2;
  let threes = true;
  for (let g = 1; g < ng; g++) if (groupLens[g] !== 3) threes = false;
  const thousands = dotted && threes && !lead;
  return !date && !isoDate && !thousands;
}

export function findPhones(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // A number starts with a digit or has one right after its "+" or "(": with none at i or i + 1, jump
    // to just before the next digit (one native scan) instead of testing each character here.
    if (!isDigit(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i + 1))) {
      nextDigit.lastIndex = i + 2;
      if (!nextDigit.test(text)) break;
      i = nextDigit.lastIndex - 2; // test() leaves lastIndex just past the digit; a match result is not built
    }
    const c = text.charCodeAt(i);
    const startsHere = isDigit(c) || ((c === 0x2b || c === 0x28) && i + 1 < n && isDigit(text.charCodeAt(i + 1)));
    if (!startsHere || (i > 0 && (isDigit(text.charCodeAt(i - 1)) || isLetter(text.charCodeAt(i - 1))))) {
      i++;
      continue;
    }
    const start = i;
    let ng = 0; // groups of digits, in groupLens
    let ns = 0; // separators between them, in sepCodes
    let cur = 0;
    let j = i;
    if (c === 0x2b || c === 0x28) j++;
    let lastDigitEnd = j;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isDigit(d)) {
        cur++;
        j++;
        lastDigitEnd = j;
      } else if (isPhoneSep(d) && cur > 0 && j + 1 < n && (isDigit(text.charCodeAt(j + 1)) || text.charCodeAt(j + 1) === 0x28 || (d === 0x29 && text.charCodeAt(j + 1) === 0x20))) {
        groupLens[ng++] = cur;
        sepCodes[ns++] = d;
        cur = 0;
        j++;
        // "(0) 470" and ") 555": allow one more separator
        if (j < n && !isDigit(text.charCodeAt(j)) && isPhoneSep(text.charCodeAt(j)) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j++;
      } else break;
      if (ng > 8) break;
    }
    if (cur > 0) groupLens[ng++] = cur;
    let digits = 0;
    for (let g = 0; g < ng; g++) digits += groupLens[g] as number;
    // Most numbers are far too short: the shape tests below only run on 8 to 15 digits.
    if (digits >= 8 && digits <= 15 && isPhoneShape(text, start, ng, ns)) out.push({ start, end: lastDigitEnd });
    i = Math.max(j, i + 1);
  }
  return out;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

function isEmailLocal(c: number): boolean {
  return isDigit(c) || isLetter(c) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x2b || c === 0x25;
}

function isDomainChar(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2e;
}

/** E-mail addresses: local part, '@', a domain with a dot and a 2+ letter ending. */
export function findEmails(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let from = 0;
  let prevAt = -1;
  while (from < n) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    let s = at;
    // Bounded look-back (never past the previous '@'), so the scan stays linear.
    while (s > 0 && s > prevAt + 1 && at - s < 64 && isEmailLocal(text.charCodeAt(s - 1))) s--;
    prevAt = at;
    if (s === at) continue;
    let e = at + 1;
    while (e < n && e - at < 254 && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && text.charCodeAt(e - 1) === 0x2e) e--;
    const domain = text.slice(at + 1, e);
    const dot = domain.lastIndexOf('.');
    if (dot <= 0 || domain.length - dot - 1 < 2) continue;
    out.push({ start: s, end: e });
    from = e;
  }
  return out;
}

/** "14u", "14h", "20h30", "9am", "10pm", "14uur", "18.30u": a clock time in one word. */
export function isClockWord(norm: string): boolean {
  const n = norm.length;
  if (n < 2 || n > 7) return false;
  let i = 0;
  while (i < n && i < 2 && isDigit(norm.charCodeAt(i))) i++;
  if (i === 0) return false;
  const hour = Number(norm.slice(0, i));
  if (hour > 24) return false;
  const rest = norm.slice(i);
  if (rest === 'h' || rest === 'u' || rest === 'uur' || rest === 'am' || rest === 'pm' || rest === 'hr' || rest === 'hrs' || rest === 'uhr') return true;
  if ((rest.startsWith('h') || rest.startsWith('u')) && rest.length === 3) {
    const mm = Number(rest.slice(1));
    return Number.isInteger(mm) && mm < 60 && isDigit(rest.charCodeAt(1));
  }
  return false;
}

/** Clock times written "14:30", "9.30 pm", "20.00 uur": a number, ':' or '.', two digits. */
export function isClockPair(text: string, a: Token, b: Token): boolean {
  if (a.kind !== 'number' || b.end - b.start < 2 || b.start !== a.end + 1) return false;
  const sep = text.charCodeAt(a.end);
  if (sep !== 0x3a && sep !== 0x2e && sep !== 0x68 && sep !== 0x48) return false;
  if (a.norm.length > 2 || Number(a.norm) > 24) return false;
  const mm = b.norm.slice(0, 2);
  if (!isDigit(mm.charCodeAt(0)) || !isDigit(mm.charCodeAt(1)) || Number(mm) > 59) return false;
  // "14.07.2021" is a date: the minutes must not be followed by another dot and digits.
  const after = text.charCodeAt(b.start + 2);
  return !(after === 0x2e && isDigit(text.charCodeAt(b.start + 3)));
}

function isUpperAt(text: string, i: number): boolean {
  const ch = text.charAt(i);
  return ch !== ch.toLowerCase();
}

/**
 * Postcodes followed by a place name: "3500 Hasselt", "75011 Paris",
 * "52062 Aachen", "1012 AB Amsterdam". Years (1900-2099) and round numbers
 * ("10000 Helfer") are not taken.
 */
export function isPostcode(text: string, t: Token, next: Token | undefined): boolean {
  if (t.kind !== 'number' || !next || next.kind !== 'word') return false;
  const len = t.norm.length;
  if (len !== 4 && len !== 5) return false;
  if (next.start - t.end > 2 || !isUpperAt(text, next.start)) return false;
  const v = Number(t.norm);
  if (len === 4 && (v < 1000 || (v >= 1900 && v <= 2099))) return false;
  if (t.norm.endsWith('000')) return false;
  return true;
}

/** Road numbers such as "E40", "A12", "N76", "B9", "I-95" already cut to "e40". */
export function isRoadRef(norm: string): boolean {
  const n = norm.length;
  if (n < 2 || n > 4) return false;
  const c = norm.charCodeAt(0);
  if (c !== 0x61 && c !== 0x65 && c !== 0x6e && c !== 0x62 && c !== 0x72 && c !== 0x64) return false; // a e n b r d
  for (let i = 1; i < n; i++) if (!isDigit(norm.charCodeAt(i))) return false;
  return true;
}

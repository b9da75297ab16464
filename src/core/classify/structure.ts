// Cues that come from the shape of the text rather than from one word: clock
// times, road numbers and postcodes, and numbers next to a lexicon word (a
// capacity, an address, a count of victims, a figure), a place with a time, a
// link next to information.
import type { Token } from '../text/tokenize';
import { isClockPair, isClockWord, isPostcode, isRoadRef } from './detectors';
import type { Hit } from './features';
import { BODY_INFO_LINK, BODY_INFO_OPEN, BODY_INFO_TIME, BODY_PLACE } from './kind-meta';
import type { Unit } from './lexicon';

/** Per-unit flags set from the lexicon matches. */
export const NUMBER_WORD = 1; // "twee", "deux", "zwei"
export const TIME_OR_MEASURE = 2; // "uur", "km", "Jahre"

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
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

/** Clock times, road numbers and postcodes; returns whether a clock time was seen. */
export function addTokenCues(text: string, tokens: Token[], units: Unit[], hits: Hit[]): boolean {
  let clockTime = false;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as Unit;
    if (unit.inTag) continue;
    const t = tokens[unit.token] as Token;
    // A clock word starts with a digit ("14u"), a road number has one second ("e40"): most words have neither.
    const digitFirst = isDigitCode(t.norm.charCodeAt(0));
    if (t.kind === 'word' && digitFirst && isClockWord(t.norm)) {
      hits.push({ kind: 'info-time', start: t.start, end: t.end, inTag: false });
      clockTime = true;
    } else if (t.kind === 'word' && !digitFirst && isDigitCode(t.norm.charCodeAt(1)) && isRoadRef(t.norm)) {
      hits.push({ kind: 'info-transport', start: t.start, end: t.end, inTag: false });
    } else if (t.kind === 'number') {
      const next = tokens[unit.token + 1];
      if (next && isClockPair(text, t, next)) {
        hits.push({ kind: 'info-time', start: t.start, end: next.end, inTag: false });
        clockTime = true;
      } else if (isPostcode(text, t, next)) {
        hits.push({ kind: 'postcode', start: t.start, end: (next as Token).end, inTag: false });
      }
    }
  }
  return clockTime;
}

/**
 * A number next to a lexicon word: capacity ("3 slaapplaatsen"; "2 personnes"
 * only in an offer), address ("Kerkstraat 12"), casualty count ("84 morts",
 * not "12 uur"), figure ("44,000 acres"). `matched` holds (concept, first unit,
 * last unit) triples from the lexicon matcher.
 */
export function addNumberCues(
  text: string,
  tokens: Token[],
  units: Unit[],
  unitFlags: Uint8Array,
  matched: number[],
  concepts: string[],
  offerContext: boolean,
  hits: Hit[],
): void {
  for (let j = 0; j < matched.length; j += 3) {
    const k = concepts[matched[j] as number] as string;
    const a = matched[j + 1] as number;
    const b = matched[j + 2] as number;
    if (k !== 'capacity-unit' && k !== 'street-word' && k !== 'info-casualties' && k !== 'measure-unit' && !(k === 'people-unit' && offerContext)) continue;
    if ((units[a] as Unit).inTag) continue;
    const reach = k === 'info-casualties' ? 4 : 2;
    const from = Math.max(0, a - reach);
    const to = Math.min(units.length - 1, b + reach);
    for (let u = from; u <= to; u++) {
      if (u >= a && u <= b) continue;
      const unit = units[u] as Unit;
      const tok = tokens[unit.token] as Token;
      let ok: boolean;
      if (k === 'street-word') ok = !unit.inTag && isHouseNumber(unit.norm);
      else if (k === 'info-casualties') {
        // "12 uur", "3 days", "25 Jahre": a time or measure, not a count of victims.
        ok = (smallNumber(unit, tok, 100000) || ((unitFlags[u] as number) & NUMBER_WORD) !== 0 || isThousands(unit.norm)) && ((unitFlags[u + 1] ?? 0) & TIME_OR_MEASURE) === 0;
      } else if (k === 'measure-unit') ok = u < a && (tok.kind === 'number' || isThousands(unit.norm)) && !unit.inTag;
      else ok = (smallNumber(unit, tok, 50) && !partOfLargerNumber(text, tok)) || ((unitFlags[u] as number) & NUMBER_WORD) !== 0;
      if (!ok) continue;
      const kind = k === 'street-word' ? 'address' : k === 'info-casualties' ? 'casualty-count' : k === 'measure-unit' ? 'figure' : 'capacity';
      const ta = tokens[(units[Math.min(u, a)] as Unit).token] as Token;
      const tb = tokens[(units[Math.max(u, b)] as Unit).token] as Token;
      hits.push({ kind, start: ta.start, end: tb.end, inTag: false });
      break;
    }
  }
}

/**
 * Cues from what the body holds together: a place with a clock time ("sporthal,
 * vanaf 20u") or a place said to be open on a given day; a link, informative
 * when information words stand next to it. `body`: KindMeta.body bits of the
 * kinds found outside hashtags; `url`: the message's first link.
 */
export function addCombinedCues(url: Token | undefined, body: number, clockTime: boolean, hits: Hit[]): void {
  const hasPlace = (body & BODY_PLACE) !== 0;
  if (hasPlace && (clockTime || ((body & BODY_INFO_TIME) !== 0 && (body & BODY_INFO_OPEN) !== 0))) {
    hits.push({ kind: 'place-and-time', start: 0, end: 0, inTag: false });
  }
  if (url) {
    const informative = (body & BODY_INFO_LINK) !== 0;
    hits.push({ kind: informative ? 'link-info' : 'link', start: url.start, end: url.end, inTag: false });
  }
}

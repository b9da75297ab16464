// Everything the repeat index needs to know about one message, computed once.
// What depends on the text alone is shared by the messages with that text and
// is never changed: callers only read parsed, reading, wordSet and allWords.

import { findCloser, type CloserMode } from '../offer/closers';
import { LEXICON, type Lexicon } from '../offer/lexicon';
import type { Message } from '../types';
import { hash64Joined } from './hash';
import { parseText, type ParsedText } from './parse';
import { wordIndex } from '../offer/places';
import { readSlots, slotSignature, type SlotReading } from './slots';
import { tokenize } from './tokens';

export interface Analysed {
  id: string;
  /** X status id when the message carries one: equal ids are one message. */
  statusId: string | null;
  /** Original author: the credited handle of a manual copy, else the record's author. */
  author: string | null;
  parsed: ParsedText;
  reading: SlotReading;
  /** Same for exact copies: hash of the key words and the slots. */
  fingerprint: string;
  /** The slots as one string: equal exactly when slotsEqual holds (every slot list is sorted and distinct). */
  slotSig: string;
  wordSet: Set<string>;
  /** Epoch ms of the original post, when known. */
  postedAt: number | null;
  /** Every folded word of the whole text, hashtags included (what offer kinds and DM phrases are read from). */
  allWords: string[];
  /** Closers found so far, by mode (see closerOf); undefined until asked. Shared by the messages with this text. */
  closers: Record<CloserMode, string | null | undefined>;
  /** The words of wordSet that hold a digit, sorted and joined: a rewording keeps exactly these. */
  digitSig: string;
  /** MinHash band ids of wordSet, once computed (the lookup and the insert both need them). */
  bands: number[] | null;
  /** Hash of the first words (see the index's prefix route), once computed; null before. */
  prefixKey: string | null | undefined;
}

/** findCloser on the analysed text, computed once per mode (the tracker and offer details both ask). */
export function closerOf(a: Analysed, mode: CloserMode, lex: Lexicon): string | null {
  let found = a.closers[mode];
  if (found === undefined) {
    // allWords reads the tokens as normWords does: the words are not read again.
    found = findCloser(a.parsed, mode, lex, a.allWords);
    a.closers[mode] = found;
  }
  return found;
}

const STATUS_ID = /^\d{5,25}$/;
const MAX_TEXT = 4000;

export function normHandle(h: string | null | undefined): string | null {
  const trimmed = (typeof h === 'string' ? h : '').trim();
  // No pattern call: few handles come with their "@".
  const v = (trimmed.startsWith('@') ? trimmed.slice(1) : trimmed).toLowerCase();
  return v ? v : null;
}

export function parseTime(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string' || !iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** Slots of a truncated text are read without its last, possibly cut, token. */
function slotSource(parsed: ParsedText): ParsedText {
  if (!parsed.truncated) return parsed;
  const last = [...parsed.tokens].reverse().find((t) => t.type === 'word' || t.type === 'number');
  if (!last) return parsed;
  const body = parsed.body.slice(0, last.start);
  return { ...parsed, body, tokens: tokenize(body) };
}

export function fingerprintOf(parsed: ParsedText, reading: SlotReading, slotSig = slotSignature(reading.slots)): string {
  return hash64Joined(parsed.words, parsed.words.length, ' ', '\u0001', slotSig);
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

export function digitSignature(words: ReadonlySet<string> | readonly string[]): string {
  let out: string[] | null = null;
  if (Array.isArray(words)) {
    const list = words as readonly string[];
    for (let i = 0; i < list.length; i++) if (hasDigit(list[i] as string)) (out ??= []).push(list[i] as string);
  } else for (const w of words) if (hasDigit(w)) (out ??= []).push(w);
  if (out === null) return '';
  if (out.length === 1) return out[0] as string;
  // Each word once, as from a set: repeats sit side by side once sorted.
  out.sort();
  return out.filter((w, i) => i === 0 || w !== out[i - 1]).join(' ');
}

/** What the text alone decides (everything but the message's id, author and time), shared by every message with that text. */
interface TextReading {
  parsed: ParsedText;
  reading: SlotReading;
  fingerprint: string;
  slotSig: string;
  wordSet: Set<string>;
  digitSig: string;
  allWords: string[];
  closers: Record<CloserMode, string | null | undefined>;
}

function readText(text: string, lex: Lexicon): TextReading {
  const parsed = parseText(text);
  // The words as allWords reads them, with their tokens: the places are read from the same index.
  const index = wordIndex(parsed.tokens);
  const words = index.words;
  const source = slotSource(parsed);
  const reading = source === parsed ? readSlots(parsed, lex, words, index) : readSlots(source, lex);
  const slotSig = slotSignature(reading.slots);
  return {
    parsed,
    reading,
    fingerprint: fingerprintOf(parsed, reading, slotSig),
    slotSig,
    wordSet: new Set(parsed.fullWords),
    digitSig: digitSignature(parsed.fullWords),
    allWords: words,
    // Closers depend on the text only: found once for all its messages.
    closers: { inline: undefined, 'follow-up': undefined },
  };
}

// A crisis timeline shows the same text again and again (reposts, copies, the
// quoted post under each quote): the recent texts' readings are kept, per lexicon.
// Nothing in a reading is changed after it is made.
const READINGS_MAX = 256;
const readings = new WeakMap<Lexicon, Map<string, TextReading>>();

function textReading(text: string, lex: Lexicon): TextReading {
  let byText = readings.get(lex);
  if (byText === undefined) {
    byText = new Map();
    readings.set(lex, byText);
  }
  let r = byText.get(text);
  if (r === undefined) {
    r = readText(text, lex);
    // The oldest text leaves first (a map keeps insertion order).
    if (byText.size >= READINGS_MAX) byText.delete(byText.keys().next().value as string);
    byText.set(text, r);
  }
  return r;
}

export function analyse(msg: Message, lex: Lexicon = LEXICON): Analysed {
  // Long posts are judged by their first few thousand characters: bounded time per message.
  const r = textReading(typeof msg.text === 'string' ? msg.text.slice(0, MAX_TEXT) : '', lex);
  const id = String(msg.id);
  return {
    id,
    statusId: STATUS_ID.test(id) ? id : null,
    author: r.parsed.credit ?? normHandle(msg.author),
    parsed: r.parsed,
    reading: r.reading,
    fingerprint: r.fingerprint,
    slotSig: r.slotSig,
    wordSet: r.wordSet,
    digitSig: r.digitSig,
    postedAt: parseTime(msg.createdAt),
    allWords: r.allWords,
    closers: r.closers,
    bands: null,
    prefixKey: undefined,
  };
}

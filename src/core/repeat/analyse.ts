// Everything the repeat index needs to know about one message, computed once.

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
  /** Closers found so far, by mode (see closerOf); undefined until asked. */
  closers: Record<CloserMode, string | null | undefined>;
  /** The words of wordSet that hold a digit, sorted and joined: a rewording keeps exactly these. */
  digitSig: string;
  /** MinHash band ids of wordSet, once computed (the lookup and the insert both need them). */
  bands: string[] | null;
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
  const v = (typeof h === 'string' ? h : '').trim().replace(/^@/, '').toLowerCase();
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

export function digitSignature(words: ReadonlySet<string>): string {
  let out: string[] | null = null;
  for (const w of words) if (hasDigit(w)) (out ??= []).push(w);
  return out === null ? '' : out.sort().join(' ');
}

export function analyse(msg: Message, lex: Lexicon = LEXICON): Analysed {
  // Long posts are judged by their first few thousand characters: bounded time per message.
  const parsed = parseText(typeof msg.text === 'string' ? msg.text.slice(0, MAX_TEXT) : '');
  // The words as allWords reads them, with their tokens: the places are read from the same index.
  const index = wordIndex(parsed.tokens);
  const words = index.words;
  const source = slotSource(parsed);
  const reading = source === parsed ? readSlots(parsed, lex, words, index) : readSlots(source, lex);
  const id = String(msg.id);
  const slotSig = slotSignature(reading.slots);
  const wordSet = new Set(parsed.fullWords);
  return {
    id,
    statusId: STATUS_ID.test(id) ? id : null,
    author: parsed.credit ?? normHandle(msg.author),
    parsed,
    reading,
    fingerprint: fingerprintOf(parsed, reading, slotSig),
    slotSig,
    wordSet,
    digitSig: digitSignature(wordSet),
    postedAt: parseTime(msg.createdAt),
    allWords: words,
    closers: { inline: undefined, 'follow-up': undefined },
    bands: null,
    prefixKey: undefined,
  };
}

// "Volzet", "complet", "vergeben", "taken": the words with which an author
// closes an offer. Closing hides nothing by itself, but a wrong "closed" can
// make someone skip a real offer, so a closer inside an offer's own text only
// counts where an update is written (opening a sentence: "Volzet!", "Now
// full."; after "EDIT:" or "update"; or in capitals), and never after a
// negation ("nog niet volzet"). "The hospital is full, come here" stays open.

import type { ParsedText } from '../repeat/parse';
import { normWords, type Token } from '../repeat/tokens';
import type { Lexicon } from './lexicon';

export type CloserMode =
  /** The offer's own text, or an edit of it. */
  | 'inline'
  /** A later, separate message of the offer's author. */
  | 'follow-up';

interface W {
  word: string;
  tok: Token;
}

const SHORT_MESSAGE = 12;

function words(tokens: readonly Token[]): W[] {
  const out: W[] = [];
  for (const tok of tokens) {
    if (tok.type === 'url' || tok.type === 'mention') continue;
    for (const word of tok.norm.split(' ')) if (word) out.push({ word, tok });
  }
  return out;
}

/** The phrase starts a sentence, or follows its first word ("Now full", "Al vergeven", "Déjà pris"). */
function opensSentence(ws: readonly W[], start: number): boolean {
  const at = ws[start];
  const before = ws[start - 1];
  if (!at) return false;
  if (at.tok.sentenceStart && before?.tok !== at.tok) return true;
  return before !== undefined && before.tok.sentenceStart && ws[start - 2]?.tok !== before.tok;
}

/**
 * The closing words found, or null when the text does not close an offer.
 * `plain`: normWords(parsed.tokens), when the caller has them already.
 */
export function findCloser(parsed: ParsedText, mode: CloserMode, lex: Lexicon, plain: readonly string[] = normWords(parsed.tokens)): string | null {
  // Most messages hold no closing word: look for one before anything else.
  const strong = lex.closersStrong.find(plain);
  const weak = lex.closersWeak.find(plain);
  if (strong.length === 0 && weak.length === 0) return null;
  const ws = words(parsed.tokens);
  const negatedAt = new Set<number>();
  for (const n of lex.negations.find(plain)) negatedAt.add(n.start + n.length);
  const markerEnds: number[] = lex.updateMarkers.find(plain).map((m) => m.start + m.length);
  const evidence = (start: number, length: number) =>
    ws
      .slice(start, start + length)
      .map((w) => w.tok.raw)
      .filter((raw, i, all) => all.indexOf(raw) === i)
      .join(' ');

  for (const [list, isStrong] of [
    [strong, true],
    [weak, false],
  ] as const) {
    for (const m of list) {
      if (negatedAt.has(m.start) || negatedAt.has(m.start - 1)) continue;
      const capitals = ws.slice(m.start, m.start + m.length).every((w) => w.tok.allCaps);
      const afterMarker = markerEnds.some((e) => e <= m.start && m.start - e <= 3);
      if (mode === 'follow-up') {
        if (isStrong || plain.length <= SHORT_MESSAGE || capitals || afterMarker) return evidence(m.start, m.length);
        continue;
      }
      if (capitals || afterMarker || (isStrong && opensSentence(ws, m.start))) return evidence(m.start, m.length);
    }
  }
  return null;
}

// Reads a tweet's text the way a person would when judging "is this the same
// message?": who it credits as the original author ("RT @user:", "via @user",
// "(@user)"), whether it was cut short ("…"), and which words carry the message
// once tags, links, mentions, emoji, case and punctuation are set aside.

import { decodeEntities, pushWords, tokenize, type Token } from './tokens';

export interface ParsedText {
  /** Text after decoding entities and removing the credit, as written. */
  body: string;
  tokens: Token[];
  /** Lower-cased handle the text credits as original author, or null. */
  credit: string | null;
  /** The text was cut short (ellipsis, or a manual retweet at the length limit). */
  truncated: boolean;
  /** Folded words that carry the message, in order. */
  words: string[];
  /** Words that can be trusted to be complete (the last one dropped when truncated). */
  fullWords: string[];
  /** A short comment written before a manual "RT @user:", when there is one. */
  comment: string | null;
}

// "RT @user:", "MT @user", "RT@user", and the bare quoting form '"@user: text'.
const RT_PREFIX = /^\s*(?:(?:RT|MT|R\/T)\s*:?\s*@([A-Za-z0-9_]{1,30})\s*:?\s*|["\u201c]?@([A-Za-z0-9_]{1,30}):\s+)/i;
const RT_INSIDE = /(?:^|\s)(?:RT|MT)\s*:?\s*@([A-Za-z0-9_]{1,30})\s*:?\s/;
const VIA = /[([]?\s*(?<![\p{L}])(?:via|vía|h\/t)\s*:?\s*@([A-Za-z0-9_]{1,30})\s*[)\]]?/giu;
const PAREN_CREDIT = /\(\s*@([A-Za-z0-9_]{1,30})\s*\)(?=(?:\s+(?:#[\p{L}\p{N}_]+|https?:\/\/\S+))*\s*$)/u;
const ELLIPSIS_END = /(?:\u2026|\.\.\.+)\s*$/;
const TRAILING_LINK = /\s*(?:https?:\/\/\S*|\bhtt?p?s?:?\/{0,2}\S*)$/;
/** The old 140-character limit and the current 280: manual retweets longer than this lose their end. */
const LIMITS = [140, 280];
const MAX_COMMENT_WORDS = 8;

const NON_ASCII = /[\u0080-\uffff]/;

/** Length in code points, as [...text].length counts it, without building the array. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function stripChain(text: string): { rest: string; credit: string | null } {
  let rest = text;
  let credit: string | null = null;
  for (let m = RT_PREFIX.exec(rest); m; m = RT_PREFIX.exec(rest)) {
    credit = (m[1] ?? m[2] ?? '').toLowerCase();
    rest = rest.slice(m[0].length);
  }
  return { rest, credit };
}

const isTagLike = (t: Token) => t.type === 'hashtag' || t.type === 'mention' || t.type === 'url';

/** Tokens whose words form the key: leading and trailing runs of tags, links and mentions dropped. */
export function keyTokens(tokens: readonly Token[]): Token[] {
  const [a, b] = keySpan(tokens);
  return tokens.slice(a, b).filter((t) => t.type !== 'url' && t.type !== 'mention');
}

/** Where keyTokens' run starts and ends. */
function keySpan(tokens: readonly Token[]): [number, number] {
  let a = 0;
  let b = tokens.length;
  while (a < b && isTagLike(tokens[a] as Token)) a++;
  while (b > a && isTagLike(tokens[b - 1] as Token)) b--;
  return [a, b];
}

export function parseText(input: string): ParsedText {
  // Long whitespace runs collapsed first: the patterns below then stay linear.
  const entities = decodeEntities(input);
  // Plain ASCII is already in NFC.
  const decoded = (NON_ASCII.test(entities) ? entities.normalize('NFC') : entities).replace(/\s{2,}/g, (ws) => (ws.includes('\n') ? '\n' : ' '));
  // Every credit form names a handle: without an "@" there is nothing to look for.
  const hasAt = decoded.includes('@');
  let { rest, credit } = hasAt ? stripChain(decoded) : { rest: decoded, credit: null };
  let comment: string | null = null;
  let manualRt = credit !== null;

  if (credit === null && hasAt) {
    const inside = RT_INSIDE.exec(rest);
    if (inside && inside.index > 0) {
      const before = rest.slice(0, inside.index);
      if (tokenize(before).filter((t) => t.type === 'word' || t.type === 'number').length <= MAX_COMMENT_WORDS) {
        comment = before.trim() || null;
        const chained = stripChain(rest.slice(inside.index));
        rest = chained.rest;
        credit = chained.credit;
        manualRt = true;
      }
    }
  }

  const vias = hasAt ? [...rest.matchAll(VIA)] : [];
  if (vias.length) {
    if (credit === null) credit = (vias[0]?.[1] ?? '').toLowerCase() || null;
    rest = rest.replace(VIA, ' ');
  } else if (credit === null && hasAt) {
    const paren = PAREN_CREDIT.exec(rest);
    if (paren) {
      credit = (paren[1] ?? '').toLowerCase();
      rest = rest.slice(0, paren.index) + rest.slice(paren.index + paren[0].length);
    }
  }

  let withoutTail = rest.trimEnd();
  // Links X appends after the ellipsis; a loop, not a nested quantifier, to stay linear.
  // Both link forms start with "ht": without it there is none to cut.
  if (withoutTail.includes('ht')) {
    for (let cut = withoutTail.replace(TRAILING_LINK, ''); cut !== withoutTail; cut = withoutTail.replace(TRAILING_LINK, '')) withoutTail = cut.trimEnd();
  }
  let truncated = ELLIPSIS_END.test(withoutTail);
  if (!truncated && manualRt) {
    const length = codePoints(decoded.trim());
    truncated = LIMITS.some((limit) => length >= limit - 6 && length <= limit);
  }
  const body = rest.trim();
  const tokens = tokenize(body);
  const words: string[] = [];
  // keyTokens' words, read in place (no copied and filtered token list for every message).
  const [from, to] = keySpan(tokens);
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'url' && t.type !== 'mention') pushWords(t.norm, words);
  }
  // Nothing but tags and links: the tags are the message.
  if (words.length === 0) for (const t of tokens) if (t.type === 'hashtag') pushWords(t.norm, words);
  const fullWords = truncated ? words.slice(0, -1) : words;
  return { body, tokens, credit, truncated, words, fullWords, comment };
}

// Days and times named in a message ("vanavond", "samedi", "28/8", "20u30",
// "8pm", "20 Uhr"), in a canonical form, so that two offers that differ only
// in when they are available never count as one.

import type { Lexicon } from './lexicon';
import { wordListBit, wordMasks, wordMasksAny } from './phrases';

const TIME_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number, number] | null; needs?: RegExp }[] = [
  // 20:00, 8:30 pm
  {
    needs: /:/,
    re: /\b([01]?\d|2[0-3]):([0-5]\d)\s*(am|pm|a\.m\.|p\.m\.)?(?!\d)/gi,
    read: (m) => ampm(Number(m[1]), Number(m[2]), m[3]),
  },
  // 20u, 20u30, 20h, 20h30, 20.00u, 20.30 uur, 20 Uhr, 20 heures (every unit holds a "u" or an "h")
  {
    needs: /[uh]/i,
    re: /\b([01]?\d|2[0-3])(?:[.:]([0-5]\d))?\s*(?:u|uur|h|uhr|heures?|hrs?)(?:\s*([0-5]\d))?(?![\p{L}\d])/giu,
    read: (m) => [Number(m[1]), Number(m[2] ?? m[3] ?? 0)],
  },
  // 8pm, 8 pm, 11am
  {
    needs: /[ap]\.?m/i,
    re: /\b(1[0-2]|0?[1-9])\s*(am|pm|a\.m\.|p\.m\.)(?![\p{L}])/giu,
    read: (m) => ampm(Number(m[1]), 0, m[2]),
  },
];

function ampm(h: number, min: number, suffix: string | undefined): [number, number] | null {
  if (!suffix) return [h, min];
  if (h > 12) return null;
  const pm = suffix.toLowerCase().startsWith('p');
  return [pm ? (h % 12) + 12 : h % 12, min];
}

const DIGIT = /\d/;

export function findTimes(text: string): string[] {
  // Every pattern starts with a digit: one scan settles most messages.
  if (!DIGIT.test(text)) return [];
  const out = new Set<string>();
  for (const { re, read, needs } of TIME_PATTERNS) {
    // A character every match holds, tested first: a plain scan instead of a case-folding Unicode one.
    if (needs && !needs.test(text)) continue;
    // exec on the global pattern rather than matchAll, which copies the pattern on every call (no pattern matches empty).
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const t = read(m);
      if (t) out.add(`${String(t[0]).padStart(2, '0')}:${String(t[1]).padStart(2, '0')}`);
    }
  }
  return [...out].sort();
}

const NUMERIC_DATE = /(?<![\d.,:/])(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2,4}))?(?![\d.,:/])/g;

/** Weekdays ("sat"), relative days ("tonight"), dates ("d28m8"). */
export function findDays(words: readonly string[], text: string, lex: Lexicon): string[] {
  const out = new Set<string>();
  // One pass for weekdays and months (the days come out sorted: the order they are found in does not matter),
  // looking up only the words the shared word masks mark as one.
  const weekdayBit = wordListBit(lex.weekdays);
  const monthBit = wordListBit(lex.months);
  // Without a bit for either list (none left), every word is looked up.
  const dayBits = weekdayBit === 0 || monthBit === 0 ? 0 : weekdayBit | monthBit;
  const masks = wordMasks(words);
  const none = dayBits !== 0 && (wordMasksAny(words) & dayBits) === 0;
  for (let i = 0; !none && i < words.length; i++) {
    if (dayBits !== 0 && ((masks[i] as number) & dayBits) === 0) continue;
    const w = words[i] ?? '';
    const d = lex.weekdays.get(w);
    if (d) out.add(d);
    const month = lex.months.get(w);
    if (month === undefined) continue;
    const prev = Number(words[i - 1]);
    const next = Number(words[i + 1]);
    const day = Number.isInteger(prev) && prev >= 1 && prev <= 31 ? prev : Number.isInteger(next) && next >= 1 && next <= 31 ? next : null;
    if (day !== null) out.add(`d${day}m${month}`);
  }
  const dayWords = lex.dayWords.find(words);
  for (let i = 0; i < dayWords.length; i++) out.add((dayWords[i] as { value: string }).value);
  NUMERIC_DATE.lastIndex = 0;
  for (let m = DIGIT.test(text) ? NUMERIC_DATE.exec(text) : null; m !== null; m = NUMERIC_DATE.exec(text)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (m[0] === '24/7') continue;
    // 20.30 is a time, not the 20th of a 30th month; require a real day and month.
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && (m[3] !== undefined || m[0].includes('/') || m[0].includes('-'))) out.add(`d${d}m${mo}`);
  }
  return out.size === 0 ? [] : [...out].sort();
}

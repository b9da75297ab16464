// Character folding for matching: lowercase and drop diacritics, so that
// "Sterkte", "STERKTE" and "sterkté" all meet the lexicon entry "sterkte".
// One table lookup per character; no regex, no allocation per call.

/** Folded form of each code unit below 0x250 ('' = not a word character). */
const TABLE: string[] = buildTable();

function buildTable(): string[] {
  const t: string[] = new Array<string>(0x250).fill('');
  for (let c = 0x30; c <= 0x39; c++) t[c] = String.fromCharCode(c);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = String.fromCharCode(c + 32);
  for (let c = 0x61; c <= 0x7a; c++) t[c] = String.fromCharCode(c);
  const special: Record<number, string> = {
    0xdf: 'ss', 0xe6: 'ae', 0xc6: 'ae', 0x153: 'oe', 0x152: 'oe', 0xf8: 'o', 0xd8: 'o',
    0x141: 'l', 0x142: 'l', 0x110: 'd', 0x111: 'd', 0xf0: 'd', 0xd0: 'd', 0xfe: 'th', 0xde: 'th', 0x131: 'i',
  };
  for (let c = 0xc0; c < 0x250; c++) {
    if (c === 0xd7 || c === 0xf7) continue; // × and ÷ are symbols
    const fixed = special[c];
    if (fixed !== undefined) {
      t[c] = fixed;
      continue;
    }
    const base = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase();
    const code = base.charCodeAt(0);
    if ((code >= 0x61 && code <= 0x7a) || code >= 0xc0) t[c] = base;
  }
  t[0xaa] = 'a'; // ª
  t[0xba] = 'o'; // º
  return t;
}

/**
 * Characters that must not split or alter a word: zero-width spaces and joiners,
 * soft hyphen, bidi controls, variation selectors, combining marks, BOM. They are
 * often inserted to dodge mute lists ("ster\u200Bkte").
 */
export function isIgnorable(c: number): boolean {
  if (c < 0xad) return false;
  return (
    c === 0xad ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff
  );
}

/** Folded text of one code unit if it is a Latin letter or digit, '' otherwise. */
export function foldLatin(c: number): string {
  return c < 0x250 ? (TABLE[c] as string) : '';
}

const OTHER_WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for letters and digits of any script (code unit, BMP only). */
export function isWordUnit(c: number): boolean {
  if (c < 0x250) return (TABLE[c] as string) !== '';
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, dingbats
  return OTHER_WORD_CHAR.test(String.fromCharCode(c));
}

/** Fold a whole string: lowercase, no diacritics, ignorable characters removed. */
export function foldText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (c < 0x250) {
      const f = TABLE[c] as string;
      out += f !== '' ? f : s.charAt(i);
    } else out += s.charAt(i).toLowerCase();
  }
  return out;
}

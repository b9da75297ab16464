// Hostile and adversarial texts for the robustness tests: what scammers, trolls
// and broken clients put in tweets (markup, script links, direction overrides,
// invisible characters, broken UTF-16, floods of emoji), and inputs built to
// make regular expressions backtrack. Pure and deterministic (seeded).

/** Payloads that must only ever appear as text, never as markup or code. */
export const MARKUP_PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned = 1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><iframe srcdoc='<script>parent.__pwned=1</script>'>",
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">klik hier</a>',
  '<style>*{display:none!important}</style>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '&lt;b&gt;entities&lt;/b&gt; &amp;amp; &#60;script&#62;',
  '</div></article><div data-testid="cellInnerDiv">',
];

/** Texts that are not markup but still break naive code. */
export const ODD_TEXTS: readonly string[] = [
  '',
  ' ',
  '\u202Eetalpmet\u202C Slaapplaats in Hasselt, bel 0470 12 34 56', // right-to-left override
  'Sl\u200Baap\u200Cplaats\u200D voor\u2060 2\uFEFF #hasselthelpt', // zero-width characters
  '\uD800 lone high \uDFFF lone low \uDC00\uD800', // broken UTF-16
  '👨‍👩‍👧‍👦'.repeat(50),
  '\u0000\u0001\u0007\u001B[31m control characters \u007F',
  'e\u0301\u0301\u0301\u0301\u0301 combining marks'.repeat(20),
  '#'.repeat(300),
  '@'.repeat(300),
  'RT @a: RT @b: RT @c: RT @d: '.repeat(40) + 'Lit voor 2',
  '\n'.repeat(500) + 'Bed free in Brussels',
  'Ｓｌａａｐｐｌａａｔｓ ｉｎ Ｈａｓｓｅｌｔ', // full-width letters
  '__proto__ constructor prototype toString hasOwnProperty',
];

/** Adversarial families: size n in, a text of roughly n characters (or n units) out. */
export const ADVERSARIAL: Readonly<Record<string, (n: number) => string>> = {
  'a…a!': (n) => 'a'.repeat(n) + '!',
  'digits': (n) => '0'.repeat(n),
  '0 0 0 …': (n) => '0 '.repeat(n >> 1),
  'phone-like digit runs': (n) => '04 70 12 '.repeat(Math.ceil(n / 9)),
  '+32 +32 …': (n) => '+32 '.repeat(n >> 2),
  '@@@@': (n) => '@'.repeat(n),
  '####': (n) => '#'.repeat(n),
  '#a#a#a': (n) => '#a'.repeat(n >> 1),
  'http:// …': (n) => 'http://'.repeat(Math.ceil(n / 7)),
  'http://a.b/ …': (n) => 'http://a.b/'.repeat(Math.ceil(n / 11)),
  'spaces and punctuation': (n) => ' .,;!? '.repeat(Math.ceil(n / 7)),
  'space-dot': (n) => ' .'.repeat(n >> 1),
  'dashes': (n) => '-'.repeat(n),
  'word-dash': (n) => 'a-'.repeat(n >> 1),
  'emoji': (n) => '🙏'.repeat(n >> 1),
  'zero-width joiners': (n) => 'a\u200D'.repeat(n >> 1),
  'lone surrogates': (n) => '\uD83D'.repeat(n),
  'RTL overrides': (n) => '\u202Eab'.repeat(Math.ceil(n / 3)),
  'entities': (n) => '&amp;'.repeat(Math.ceil(n / 5)),
  'RT @a: …': (n) => 'RT @a: '.repeat(Math.ceil(n / 7)),
  'capitals': (n) => 'A '.repeat(n >> 1),
  'Title Case': (n) => 'Rue '.repeat(n >> 2),
  'numbers and units': (n) => '2 pers 3 pl '.repeat(Math.ceil(n / 12)),
  'clock times': (n) => '22u30 '.repeat(Math.ceil(n / 6)),
  'newlines': (n) => 'a\n'.repeat(n >> 1),
  'html': (n) => '<b>'.repeat(Math.ceil(n / 3)),
};

/** A failing input can be reproduced from its seed. */
export { seeded } from './seeded';

const PIECES = [
  'a', 'e', 'é', 'ß', 'ij', ' ', ' ', '\n', '\t', '0', '7', '+32', '04', '.', ',', '!', '?', '-', '/', ':', '#', '@', '_',
  'http://', 'https://t.co/x', 'www.', '&amp;', '<', '>', '"', "'", '🙏', '❤️', '🇧🇪', '\u200D', '\u200B', '\u202E', '\u202C',
  '\uD83D', '\uDE4F', '\u0301', 'RT @x: ', 'bed', 'slaapplaats', 'logement', 'Schlafplatz', 'lift', 'bel', 'DM', 'vol', 'full',
  'Hasselt', 'Paris', 'Köln', 'Rue ', '2 pers', '22u', '#hasselthelpt', '@jan_v', '\u0000', '\uFFFF', '\uFFFD',
];

/** A random string of about `length` characters, mixing words, digits, markup, emoji and invisible characters. */
export function randomText(rand: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    if (rand() < 0.15) out += String.fromCharCode(Math.floor(rand() * 0x10000));
    else out += PIECES[Math.floor(rand() * PIECES.length)];
  }
  return out.slice(0, length);
}

/**
 * Times `work` over n-sized and 16n-sized inputs for equal amounts of text:
 * 16 runs of size n against one of size 16n. Linear work gives a ratio near 1,
 * quadratic near 16. The minimum of `rounds` tries, so a busy machine only
 * makes it look better, never worse.
 */
export function growthRatio(make: (n: number) => string, n: number, work: (text: string) => void, rounds = 5): number {
  const small = make(n);
  const large = make(16 * n);
  work(small); // warm up
  work(large);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 16; i++) work(small);
    const t1 = performance.now();
    work(large);
    const t2 = performance.now();
    const tSmall = Math.max(t1 - t0, 0.05);
    best = Math.min(best, (t2 - t1) / tSmall);
  }
  return best;
}

// Phone numbers as written in Belgian, Dutch, French, German and US tweets,
// reduced to a canonical form so that "0470 12 34 56" and "+32 470/12.34.56"
// compare equal while any other digit makes them differ.

export interface PhoneMatch {
  raw: string;
  /** National number without country code or trunk 0. */
  canonical: string;
  start: number;
}

const SEP = String.raw`[\s.\-\/]?`;
const PHONE_RE = new RegExp(
  [
    // International: +32 470 12 34 56, 0032 (0)470..., +49 171 1234567
    String.raw`(?:\+|\b00)\d{1,3}${SEP}(?:\(0\)${SEP})?\d(?:${SEP}\d){5,12}`,
    // National with trunk 0: 0470 12 34 56, 011/22.33.44, 06-12345678, (0)11 22 33 44
    String.raw`(?:\(0\)|\b0)\d{1,4}\)?(?:${SEP}\d){5,11}`,
    // North American: (555) 123-4567, 555-123-4567
    String.raw`(?:\(\d{3}\)\s?|\b\d{3}[\s.\-])\d{3}[\s.\-]\d{4}`,
  ].join('|'),
  'g',
);

const COUNTRY_CODES = ['352', '32', '31', '33', '49', '44', '41', '43', '39', '34', '1'];
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
const TIME_PAIR = /^\d{1,2}[.:]\d{2}\s*-?\s*\d{1,2}[.:]\d{2}$/;

export function canonicalPhone(raw: string): string | null {
  let digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '');
  const international = /^\s*(\+|00)/.test(raw);
  if (international) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    const cc = COUNTRY_CODES.find((c) => digits.startsWith(c) && digits.length - c.length >= 7);
    if (cc) digits = digits.slice(cc.length);
  }
  digits = digits.replace(/^0+/, '');
  return digits.length >= 7 && digits.length <= 13 ? digits : null;
}

/** Eight digits anywhere: a phone is kept only with at least eight (see digitCount below). */
const EIGHT_DIGITS = /(?:\d\D*){8}/;

export function findPhones(text: string): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  // Every kept match holds eight digits of the text: one scan settles most messages.
  if (!EIGHT_DIGITS.test(text)) return out;
  const seen = new Set<string>();
  // A loop over exec rather than matchAll, which copies the pattern on every call.
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(text); m !== null; m = PHONE_RE.exec(text)) {
    const raw = m[0].trim();
    const start = m.index;
    // Digits glued to letters or further digits are ids, amounts or dates, not phones.
    const before = text[start - 1] ?? ' ';
    const after = text[start + m[0].length] ?? ' ';
    if (/[\p{L}\d]/u.test(before) && !raw.startsWith('+') && !raw.startsWith('(')) continue;
    if (/[\p{L}\d]/u.test(after)) continue;
    if (DATE_LIKE.test(raw) || TIME_PAIR.test(raw)) continue;
    const digitCount = raw.replace(/\D/g, '').length;
    if (digitCount < 8 || digitCount > 15) continue;
    const canonical = canonicalPhone(raw);
    if (!canonical || seen.has(canonical)) continue;
    seen.add(canonical);
    out.push({ raw, canonical, start });
  }
  return out;
}

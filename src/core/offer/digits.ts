// Character tests the offer and repeat readers run on every word: a loop over
// char codes instead of a regex call per word.

/** What /^\d+$/ tests. */
export function allDigits(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

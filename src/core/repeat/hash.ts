// Small, fast, dependency-free string hashes for keys and index buckets.
// Not cryptographic: collisions only need to be rare among a few hundred
// thousand messages.

/** 32-bit FNV-1a over UTF-16 code units, with a seed. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that similar strings spread well.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64-bit hash as 13 base-36 characters (two independent 32-bit halves). */
export function hash64(text: string): string {
  const a = hash32(text, 0x811c9dc5).toString(36).padStart(7, '0');
  const b = hash32(text, 0x9747b28c).toString(36).padStart(7, '0');
  return a + b;
}

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
  return fmix32(h);
}

/** Final avalanche (murmur3 fmix32) so that similar strings spread well. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64-bit hash as 14 base-36 characters: hash32 with two seeds, computed in one pass. */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return fmix32(a).toString(36).padStart(7, '0') + fmix32(b).toString(36).padStart(7, '0');
}

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
  begin();
  feed(text);
  return digest();
}

/**
 * hash64 of `words.slice(0, count).join(sep) + tail1 + tail2`, without building that string
 * (keys are hashed for every message).
 */
export function hash64Joined(words: readonly string[], count: number, sep: string, tail1 = '', tail2 = ''): string {
  begin();
  for (let i = 0; i < count; i++) {
    if (i > 0) feed(sep);
    feed(words[i] as string);
  }
  feed(tail1);
  feed(tail2);
  return digest();
}

/** hash64 of `a + b + c`, without building that string. */
export function hash64Concat(a: string, b: string, c: string): string {
  begin();
  feed(a);
  feed(b);
  feed(c);
  return digest();
}

// The running state of the two hashes (one hash at a time: nothing here is re-entrant).
let ha = 0;
let hb = 0;

function begin(): void {
  ha = 0x811c9dc5;
  hb = 0x9747b28c;
}

function feed(text: string): void {
  let a = ha;
  let b = hb;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  ha = a;
  hb = b;
}

/** Both hashes as `fmix32(x).toString(36).padStart(7, '0')` (2^32 has 7 base-36 digits), in one string built once. */
function digest(): string {
  let a = fmix32(ha);
  let b = fmix32(hb);
  const d = DIGITS;
  for (let i = 6; i >= 0; i--) {
    d[i] = BASE36[a % 36] as number;
    a = Math.floor(a / 36);
    d[7 + i] = BASE36[b % 36] as number;
    b = Math.floor(b / 36);
  }
  return String.fromCharCode(d[0] as number, d[1] as number, d[2] as number, d[3] as number, d[4] as number, d[5] as number, d[6] as number, d[7] as number, d[8] as number, d[9] as number, d[10] as number, d[11] as number, d[12] as number, d[13] as number);
}

const BASE36 = Array.from('0123456789abcdefghijklmnopqrstuvwxyz', (ch) => ch.charCodeAt(0));
const DIGITS: number[] = new Array<number>(14).fill(0);

// Cost of the repeat index: computing a message key, looking a message up and
// inserting one, with 1,000, 10,000 and 100,000 messages already indexed. The
// per-operation cost should stay flat as the index grows (hash buckets only).
// Runnable alone: `npx tsx bench/repeat.ts`.

import { analyse } from '../src/core/repeat/analyse';
import { createRepeatIndex } from '../src/core/repeat/index';
import { SEED_OFFERS } from '../src/content/seed';
import { syntheticOffer } from './lib/synthetic-offers';

const SIZES = [1_000, 10_000, 100_000];
const OPS = 2_000;

function perOpMicros(ops: number, run: (i: number) => void): number {
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) run(i);
  return ((performance.now() - t0) * 1000) / ops;
}

/** A new tab takes in the store's most recent offers (src/content/seed.ts) while its code is still cold: timed first. */
function seedCost(): { ms: number; taken: number } {
  const index = createRepeatIndex({ maxEntries: 10_000 });
  const records = Array.from({ length: SEED_OFFERS }, (_, i) => {
    const m = syntheticOffer(50_000_000 + i);
    return { key: `k${i}`, text: m.text, author: m.author ?? null, firstId: m.id, postedAt: m.createdAt ?? null };
  });
  const t0 = performance.now();
  const taken = index.restore(records);
  return { ms: performance.now() - t0, taken };
}

function main() {
  const seed = seedCost();
  // Warm up the JIT on a separate index.
  const warm = createRepeatIndex();
  for (let i = 0; i < 3000; i++) warm.see(syntheticOffer(10_000_000 + i));

  const keyUs = perOpMicros(OPS, (i) => analyse(syntheticOffer(20_000_000 + i)));
  console.log('repeat index: cost per operation (microseconds; synthetic distinct offers in nl/fr/de/en)');
  console.log(`key (read + normalise + slots + fingerprint): ${keyUs.toFixed(1)} us`);
  console.log(`seeding a new tab's tracker with ${seed.taken} stored offers, cold: ${seed.ms.toFixed(1)} ms (done in slices of a few ms before the first tweet is judged)`);
  console.log('');
  console.log('stored    | lookup of a repeat | lookup of a new msg | insert new | fill time');
  console.log('----------|--------------------|---------------------|------------|----------');
  for (const n of SIZES) {
    const index = createRepeatIndex({ maxEntries: n + OPS * 2 });
    const t0 = performance.now();
    for (let i = 0; i < n; i++) index.see(syntheticOffer(i));
    const fillS = (performance.now() - t0) / 1000;
    const step = Math.max(1, Math.floor(n / OPS));
    const repeatUs = perOpMicros(OPS, (i) => {
      const m = syntheticOffer((i * step) % n);
      index.peek({ ...m, id: `r${i}`, text: `RT @${m.author}: ${m.text}`, author: null });
    });
    const newUs = perOpMicros(OPS, (i) => index.peek(syntheticOffer(30_000_000 + i)));
    const insertUs = perOpMicros(OPS, (i) => index.see(syntheticOffer(40_000_000 + i)));
    console.log(
      `${String(n).padStart(9)} | ${repeatUs.toFixed(1).padStart(15)} us | ${newUs.toFixed(1).padStart(16)} us | ${insertUs.toFixed(1).padStart(7)} us | ${fillS.toFixed(1).padStart(6)} s`,
    );
  }
}

main();

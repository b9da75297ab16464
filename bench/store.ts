// Cost of the offers store (Dexie over fake-indexeddb in Node, so absolute
// figures are slower than a browser's IndexedDB; the trend is what counts):
// recording a batch of sightings, asking "seen before?", reading the first
// board page and marking an offer, with 1,000, 10,000 and 100,000 offers
// stored. Per-operation cost should stay flat as the store grows.
// Runnable alone: `npx tsx bench/store.ts`.

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { SightingInput } from '../src/shared/messages';
import { listOffers, markOffer, seenBefore } from '../src/store/queries';
import type { StoredOffer } from '../src/store/records';
import { openStore } from '../src/store/schema';
import { recordSightings } from '../src/store/sightings';
import { syntheticOffer } from './lib/synthetic-offers';

const SIZES = [1_000, 10_000, 100_000];
const BATCH = 50;
const ROUNDS = 20;
const T0 = Date.parse('2011-08-18T20:00:00Z');

function sightingFor(i: number, seenAt: number): SightingInput {
  const m = syntheticOffer(i);
  return {
    key: `key-${i}`,
    statusId: String(1_000_000 + i),
    author: m.author ?? null,
    reposter: i % 3 === 0 ? 'someone' : null,
    text: m.text,
    lang: null,
    label: 'offer',
    postedAt: m.createdAt ?? null,
    seenAt,
    offer: { kind: 'shelter', capacity: 2, places: ['Hasselt'], contact: { dm: true, phones: [], address: null, handles: [] }, status: 'open', postedAt: m.createdAt ?? null },
    counts: { reposts: i % 50, views: i * 10 },
  };
}

function storedFor(i: number): StoredOffer {
  const s = sightingFor(i, T0 + i);
  return {
    key: s.key,
    statusId: s.statusId,
    author: s.author,
    text: s.text,
    lang: null,
    details: s.offer!,
    status: 'open',
    firstPostedAt: T0,
    firstSeenAt: s.seenAt,
    lastSeenAt: s.seenAt,
    repostsSeen: 0,
    sightings: 1,
    contacted: false,
    taken: false,
  };
}

async function perOpMs(rounds: number, perRound: number, run: (r: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) await run(r);
  return (performance.now() - t0) / (rounds * perRound);
}

async function measure(n: number, print: boolean) {
  const db = openStore(`bench-store-${n}-${process.pid}`);
  for (let i = 0; i < n; i += 5000) {
    const chunk = Array.from({ length: Math.min(5000, n - i) }, (_, j) => storedFor(i + j));
    await db.offers.bulkPut(chunk);
    await db.sightings.bulkAdd(chunk.map((o) => ({ key: o.key, statusId: o.statusId, seenAt: o.firstSeenAt, via: null })));
  }
  let next = n;
  const record = await perOpMs(ROUNDS, BATCH, async () => {
    // Half new offers, half repeats of stored ones.
    const batch = Array.from({ length: BATCH }, (_, j) => (j % 2 ? sightingFor(next++, T0 + next) : sightingFor((next * 7 + j) % n, T0 + next + j)));
    const r = await recordSightings(db, batch);
    if (!r.ok) throw new Error(r.error);
  });
  const seen = await perOpMs(ROUNDS, BATCH, async (r) => {
    const keys = Array.from({ length: BATCH }, (_, j) => `key-${(r * 131 + j * 17) % (n * 2)}`);
    const res = await seenBefore(db, keys, T0 + n);
    if (!res.ok) throw new Error(res.error);
  });
  const page = await perOpMs(ROUNDS, 1, async () => {
    const res = await listOffers(db, { limit: 50, now: T0 });
    if (!res.ok) throw new Error(res.error);
  });
  const mark = await perOpMs(ROUNDS, 1, async (r) => {
    const res = await markOffer(db, `key-${(r * 997) % n}`, 'contacted', true);
    if (!res.ok) throw new Error(res.error);
  });
  if (print) {
    console.log(`${String(n).padStart(9)} | ${record.toFixed(3).padStart(30)} ms | ${seen.toFixed(3).padStart(18)} ms | ${page.toFixed(2).padStart(12)} ms | ${mark.toFixed(2)} ms`);
  }
  db.close();
  await Dexie.delete(db.name);
}

async function main() {
  await measure(500, false);
  console.log('offers store: cost per operation (ms; Dexie 4 on fake-indexeddb in Node)');
  console.log(`stored    | record (batch of ${BATCH}, per sighting) | seen-before (per key) | board page (50) | mark`);
  console.log('----------|-----------------------------------|-----------------------|-----------------|------');
  for (const n of SIZES) await measure(n, true);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

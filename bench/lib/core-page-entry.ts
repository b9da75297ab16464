// Runs in a Chromium page (see bench/core-warmup.ts): the content script's core
// judges fixture tweets in passes, each pass with a fresh repeat tracker, and
// reports the time per message of each pass. In mode "new" each pass brings
// tweets the core has not read yet (as a timeline does): the passes show what
// warmer code saves. In mode "flushed" the same, but 32 MB are read between
// two messages, as the page's own work (layout, paint) does between two
// insertions: what is left is what cold processor caches cost. In mode "same"
// every pass reads the page benchmark's tweets again: the core's caches of
// words then save the rest.
import { loadCore } from '../../src/content/real-core';
import { distinctFixtureMessages } from './fixture-messages';

export interface PassFigures {
  messages: number;
  /** Wall time of the pass / messages (one clock read per pass, not per message). */
  perMessageMs: number;
  classifyMs: number;
  trackerMs: number;
}

const PASSES = 6;
/** Well beyond a core's own caches (about 1 MB here) and most of a shared last-level cache. */
const FLUSH_BYTES = 32 << 20;

async function run(): Promise<PassFigures[]> {
  const core = await loadCore();
  const mode = (window as unknown as { __warmupMode?: string }).__warmupMode;
  const same = mode === 'same';
  const flush = mode === 'flushed' ? new Int32Array(FLUSH_BYTES / 4) : null;
  let sink = 0;
  const base = distinctFixtureMessages(1000);
  // The page benchmark's 1,000 tweets first, then the same generator's next ones (other numbers, phones, streets).
  const all = same ? base : distinctFixtureMessages(1000 * PASSES);
  const per = base.length;
  const out: PassFigures[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    // New ids each pass, as new tweets would have.
    const msgs = same ? base.map((m) => ({ ...m, id: `${m.id}p${pass}` })) : all.slice(pass * per, (pass + 1) * per);
    const tracker = core.tracker(() => Date.parse('2011-08-19T00:00:00Z'));
    let cls = 0;
    let rep = 0;
    const start = performance.now();
    for (const m of msgs) {
      const a = performance.now();
      const c = core.classify(m);
      const b = performance.now();
      const s = tracker.see(m, c.label === 'offer');
      if (c.label === 'offer') tracker.offer(m, s.key);
      cls += b - a;
      rep += performance.now() - b;
      // One read per 64-byte line, outside the core's time.
      if (flush) for (let k = 0; k < flush.length; k += 16) sink += flush[k] as number;
    }
    const n = msgs.length;
    // With flushing, the pass's wall time is mostly the flushing: the core's own reads are summed instead.
    const perMessageMs = flush ? (cls + rep) / n : (performance.now() - start) / n;
    out.push({ messages: n, perMessageMs, classifyMs: cls / n, trackerMs: rep / n });
  }
  // Keeps the flushing reads from being optimised away.
  if (sink === -1) console.log(sink);
  return out;
}

const w = window as unknown as { __result?: PassFigures[] | { error: string } };
run().then(
  (r) => (w.__result = r),
  (e: unknown) => (w.__result = { error: String(e) }),
);

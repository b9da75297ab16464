// Runs in a Chromium page (see bench/core-warmup.ts): the content script's core
// judges the page benchmark's fixture tweets several times over, each pass
// with a fresh repeat tracker, and reports the time per message of each pass.
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

async function run(): Promise<PassFigures[]> {
  const core = await loadCore();
  const base = distinctFixtureMessages();
  const out: PassFigures[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    // New ids each pass, as new tweets would have; the texts are the same.
    const msgs = base.map((m) => ({ ...m, id: `${m.id}p${pass}` }));
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
    }
    const n = msgs.length;
    out.push({ messages: n, perMessageMs: (performance.now() - start) / n, classifyMs: cls / n, trackerMs: rep / n });
  }
  return out;
}

const w = window as unknown as { __result?: PassFigures[] | { error: string } };
run().then(
  (r) => (w.__result = r),
  (e: unknown) => (w.__result = { error: String(e) }),
);

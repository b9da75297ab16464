// Classification throughput on one core: classify() over a corpus of real
// crisis messages (../shared/data when present, else the project's examples),
// in rounds for about three seconds. Also times hostile inputs
// (10,000 characters, zero-width characters, lone surrogates) to show the cost
// stays linear in the input. Target: at least 50,000 messages per second.
// Runnable alone: `npx tsx bench/classify.ts`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { classify } from '../src/core/classify/classify';
import type { Message } from '../src/core/types';

const top = resolve(import.meta.dirname, '..');
const shared = resolve(top, '../shared/data/crisislex-t26.jsonl.gz');

function corpus(): { name: string; messages: Message[] } {
  if (existsSync(shared)) {
    const lines = gunzipSync(readFileSync(shared)).toString('utf8').split('\n').filter(Boolean);
    const messages = lines.slice(0, 20_000).map((l, i) => {
      const r = JSON.parse(l) as { text: string; lang?: string | null };
      return { id: String(i), text: r.text, lang: r.lang ?? null };
    });
    return { name: 'CrisisLexT26 (first 20,000 tweets)', messages };
  }
  const dir = join(top, 'data/examples');
  const messages: Message[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(l) as { id: string; text: string; lang?: string };
      messages.push({ id: r.id, text: r.text, lang: r.lang ?? null });
    }
  }
  return { name: 'data/examples (shared data not found)', messages };
}

/**
 * Rounds of 2,000 messages for about `seconds`: each round's rate is measured
 * on its own, and the best and median rounds are reported. This machine kind is
 * shared by several processes, so a round can lose its core for a while; the
 * best round is what the code achieves when it has the core to itself.
 */
function throughput(messages: Message[], seconds: number): { best: number; median: number; calls: number } {
  // Warm up the JIT first so the figure is the steady state the content script sees.
  for (let i = 0; i < Math.min(messages.length, 5000); i++) classify(messages[i] as Message);
  const rates: number[] = [];
  const chunk = 2000;
  let calls = 0;
  let sink = 0;
  const end = Date.now() + seconds * 1000;
  for (let start = 0; Date.now() < end || rates.length < 5; start = (start + chunk) % Math.max(1, messages.length - chunk)) {
    const round = messages.slice(start, start + chunk);
    const t0 = process.hrtime.bigint();
    for (const m of round) sink += classify(m).confidence;
    const ns = Number(process.hrtime.bigint() - t0);
    rates.push((round.length * 1e9) / ns);
    calls += round.length;
  }
  if (sink < 0) console.log(sink); // keep the work observable
  rates.sort((a, b) => a - b);
  return { best: rates[rates.length - 1] as number, median: rates[Math.floor(rates.length / 2)] as number, calls };
}

/** Best of a few runs, in µs: one call on a long input. */
function timeOne(text: string, reps: number): number {
  const msg: Message = { id: 'x', text };
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    classify(msg);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e3);
  }
  return best;
}

const { name, messages } = corpus();
const avgLen = messages.reduce((a, m) => a + m.text.length, 0) / Math.max(1, messages.length);
const { best, median, calls } = throughput(messages, 3);
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
console.log(`corpus: ${name}, ${messages.length} messages, ${avgLen.toFixed(0)} characters on average`);
console.log(`classify: ${fmt(best)} messages per second on one core (best round; target 50,000)`);
console.log(`          median round ${fmt(median)} per second, ${(1e6 / best).toFixed(1)} µs per message at best, ${fmt(calls)} calls`);

const words = 'Sterkte aan iedereen in Hasselt, wij hebben 2 slaapplaatsen vrij, bel 0470 12 34 56 #hasselthelpt ';
const hostile: [string, string][] = [
  ['1,000 characters of tweet text', words.repeat(10).slice(0, 1000)],
  ['10,000 characters of tweet text', words.repeat(100).slice(0, 10_000)],
  ['10,000 zero-width characters', '\u200b'.repeat(10_000)],
  ['10,000 lone surrogates', '\ud800'.repeat(10_000)],
  ['10,000 digits and dots', '0.'.repeat(5000)],
  ['10,000 "@" and letters', 'a@'.repeat(5000)],
  ['10,000 RTL overrides and letters', '\u202ea'.repeat(5000)],
];
for (const [label, text] of hostile) {
  console.log(`${label.padEnd(34)} ${timeOne(text, 15).toFixed(0).padStart(7)} µs (best of 15)`);
}

// What the classifier adds to the content script: its code and data bundled and
// minified the way the build does, then gzipped. Target: at most 250 KB.
try {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [join(top, 'src/core/classify/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    charset: 'ascii',
    write: false,
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  console.log(`classifier bundle: ${(code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(0)} KB gzipped (target 250 KB)`);
} catch (err) {
  console.log(`classifier bundle: not measured (${err instanceof Error ? err.message : String(err)})`);
}

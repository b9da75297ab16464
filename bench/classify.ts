// Classification throughput on one core: classify() over a corpus of real
// crisis messages (../shared/data when present, else the project's examples),
// in timed chunks over several passes. Also times hostile inputs
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
    const messages = lines.slice(0, 5000).map((l, i) => {
      const r = JSON.parse(l) as { text: string; lang?: string | null };
      return { id: String(i), text: r.text, lang: r.lang ?? null };
    });
    return { name: 'CrisisLexT26 (first 5,000 tweets)', messages };
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
 * The corpus is cut into chunks of 250 messages and classified in several
 * passes, each chunk timed on its own. This machine kind is shared by several
 * processes, so a chunk can lose its core for a while: the figure adds up each
 * chunk's fastest pass (the rate the code reaches when it has the core), and
 * the median pass is printed next to it.
 */
function throughput(messages: Message[], seconds: number): { best: number; median: number; calls: number; passes: number } {
  // Warm up the JIT first so the figure is the steady state the content script sees.
  for (let i = 0; i < Math.min(messages.length, 5000); i++) classify(messages[i] as Message);
  const chunk = 250;
  const chunks: Message[][] = [];
  for (let i = 0; i < messages.length; i += chunk) chunks.push(messages.slice(i, i + chunk));
  const times: number[][] = chunks.map(() => []);
  let calls = 0;
  let sink = 0;
  let passes = 0;
  const end = Date.now() + seconds * 1000;
  while (passes < 8 || (Date.now() < end && passes < 50)) {
    chunks.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      for (const m of c) sink += classify(m).confidence;
      (times[i] as number[]).push(Number(process.hrtime.bigint() - t0));
      calls += c.length;
    });
    passes++;
  }
  if (sink < 0) console.log(sink); // keep the work observable
  const pick = (ts: number[], at: 'min' | 'median'): number => {
    const sorted = [...ts].sort((a, b) => a - b);
    return (at === 'min' ? sorted[0] : sorted[Math.floor(sorted.length / 2)]) as number;
  };
  const total = messages.length;
  const bestNs = times.reduce((a, ts) => a + pick(ts, 'min'), 0);
  const medianNs = times.reduce((a, ts) => a + pick(ts, 'median'), 0);
  return { best: (total * 1e9) / bestNs, median: (total * 1e9) / medianNs, calls, passes };
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
const { best, median, calls, passes } = throughput(messages, 5);
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
console.log(`corpus: ${name}, ${messages.length} messages, ${avgLen.toFixed(0)} characters on average`);
console.log(`classify: ${fmt(best)} messages per second on one core (each chunk's fastest of ${passes} passes; target 50,000)`);
console.log(`          ${(1e6 / best).toFixed(1)} µs per message; median pass ${fmt(median)} per second on this shared machine; ${fmt(calls)} calls`);

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

// The content script's core (classifier + repeat tracker + offer details) in a
// Chromium page, built the way the content script is, judging fixture tweets
// in six passes, in fresh pages (a fresh JavaScript world, as a new tab is).
// Three series: each pass with tweets the core has not read yet, as on a
// timeline; the same with the processor caches flushed between messages, as
// the page's own work flushes them between insertions; and the page
// benchmark's tweets read again and again. The first tells what warmer code
// saves, the second what is left of it with cold caches, the third what the
// core's caches of words save on texts read before. Runnable alone: `npx tsx bench/core-warmup.ts`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness/extension';
import type { PassFigures } from './lib/core-page-entry';

const top = resolve(import.meta.dirname, '..');
const PAGES = Number(process.env.BENCH_ROUNDS ?? 3);
const MODES = ['new', 'flushed', 'same'] as const;
type Mode = (typeof MODES)[number];
const TITLES: Record<Mode, string> = {
  new: 'Each pass with tweets not read before (the next ones of the fixture generator: other numbers, phones, streets)',
  flushed: 'The same tweets not read before, with 32 MB read between two messages, as the page does between two insertions (per message: classify + tracker, summed)',
  same: "Each pass with the page benchmark's tweets again (new ids; the texts were read before)",
};

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'core-warmup-'));
  try {
    // As vite.config.ts builds content.js: one minified IIFE, data files as JSON.parse strings.
    await build({
      configFile: false,
      logLevel: 'error',
      root: top,
      json: { stringify: true, namedExports: false },
      build: {
        outDir,
        emptyOutDir: true,
        target: ['chrome120'],
        lib: { entry: join(top, 'bench/lib/core-page-entry.ts'), formats: ['iife'], name: 'coreWarmup', fileName: () => 'entry.js' },
        rollupOptions: { output: { minify: { compress: true, mangle: true } } },
      },
    });
    const code = readFileSync(join(outDir, 'entry.js'), 'utf8');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const runs: Record<Mode, PassFigures[][]> = { new: [], flushed: [], same: [] };
    try {
      // Modes taking turns, so that a busier moment of the machine weighs on both.
      for (let r = 0; r < PAGES; r++) for (const mode of MODES) {
        const page = await browser.newPage();
        await page.setContent('<html><body></body></html>');
        await page.addScriptTag({ content: `window.__warmupMode = ${JSON.stringify(mode)};` });
        await page.addScriptTag({ content: code });
        await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, null, { timeout: 300_000 });
        const res = await page.evaluate(() => (window as unknown as { __result: PassFigures[] | { error: string } }).__result);
        if (!Array.isArray(res)) throw new Error(res.error);
        runs[mode].push(res);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
    console.log(
      `Core per message in a Chromium page, ${runs.new[0]?.[0]?.messages ?? 0} distinct fixture tweets per pass, a fresh repeat tracker per pass, ${PAGES} fresh pages per series; ms, median over the pages (mean per pass: one clock read per pass; classify and tracker from per-message reads at the page's 0.1 ms resolution, averaged).`,
    );
    for (const mode of MODES) {
      console.log(`\n${TITLES[mode]}`);
      console.log('pass  messages so far  per message  classify  tracker');
      const series = runs[mode];
      for (let p = 0; p < (series[0]?.length ?? 0); p++) {
        const at = (k: keyof PassFigures) => median(series.map((r) => (r[p] as PassFigures)[k]));
        const n = series[0]?.[p]?.messages ?? 0;
        console.log(`${String(p + 1).padStart(4)}  ${String(n * (p + 1)).padStart(15)}  ${at('perMessageMs').toFixed(3).padStart(11)}  ${at('classifyMs').toFixed(3).padStart(8)}  ${at('trackerMs').toFixed(3).padStart(7)}`);
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

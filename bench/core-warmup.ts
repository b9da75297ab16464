// The content script's core (classifier + repeat tracker + offer details) in a
// Chromium page, built the way the content script is, judging the page
// benchmark's distinct fixture tweets six times over. A fresh tab runs the
// core's code cold: its first thousand or so messages cost several times what
// later ones do, and bench/page.ts (1,000 tweets) never gets past that first
// pass. Runnable alone: `npx tsx bench/core-warmup.ts`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness/extension';
import type { PassFigures } from './lib/core-page-entry';

const top = resolve(import.meta.dirname, '..');
const PAGES = Number(process.env.BENCH_ROUNDS ?? 3);

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
    const runs: PassFigures[][] = [];
    try {
      for (let r = 0; r < PAGES; r++) {
        // A new page each time: a fresh JavaScript world, as a new tab is.
        const page = await browser.newPage();
        await page.setContent('<html><body></body></html>');
        await page.addScriptTag({ content: code });
        await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, null, { timeout: 300_000 });
        const res = await page.evaluate(() => (window as unknown as { __result: PassFigures[] | { error: string } }).__result);
        if (!Array.isArray(res)) throw new Error(res.error);
        runs.push(res);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const passes = runs[0]?.length ?? 0;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
    console.log(
      `Core per message in a Chromium page, ${runs[0]?.[0]?.messages ?? 0} distinct fixture tweets per pass, ${PAGES} fresh pages; ms, median over the pages (mean per pass: one clock read per pass; classify and tracker from per-message reads at the page's 0.1 ms resolution, averaged).`,
    );
    console.log('pass  messages so far  per message  classify  tracker');
    for (let p = 0; p < passes; p++) {
      const at = (k: keyof PassFigures) => median(runs.map((r) => (r[p] as PassFigures)[k]));
      const n = runs[0]?.[p]?.messages ?? 0;
      console.log(`${String(p + 1).padStart(4)}  ${String(n * (p + 1)).padStart(15)}  ${at('perMessageMs').toFixed(3).padStart(11)}  ${at('classifyMs').toFixed(3).padStart(8)}  ${at('trackerMs').toFixed(3).padStart(7)}`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

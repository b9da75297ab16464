// Soak test of the content script: 10,000 distinct tweets streamed through the
// virtualised fixture timeline (cells created near the viewport, removed far
// from it, more "fetched" at the bottom) in Chromium with the real build, once
// without and once with the extension. Prints, at load, after a warm-up of
// the first WARM tweets ("before") and after the whole stream ("after"):
// - the JS heap after a forced garbage collection (the page and the content
//   script share one V8 heap, so the extension's share is the difference
//   between the two runs' growth; the warm-up lets the fixture's own start-up
//   garbage go first);
// - the event listeners on window and the whole document (CDP DOMDebugger);
// - the content script's own state (occurrences kept for the page, tweets
//   processed, exceptions it caught), read from its isolated world.
// Runnable alone: `npx tsx bench/soak.ts` (builds first; `--no-build` skips it;
// SOAK_TWEETS changes the count).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, launchWithExtension, routeNetwork } from '../e2e/harness/extension';
import { renderTimelinePage } from '../e2e/fixtures/render';
import { generateTimeline } from '../e2e/fixtures/tweets';

const top = resolve(import.meta.dirname, '..');
const TWEETS = Number(process.env.SOAK_TWEETS ?? 10_000);
const WARM = Math.min(500, Math.floor(TWEETS / 10));
const VIEWPORT = { width: 1000, height: 900 };

interface Sample {
  heapMB: number;
  listeners: number;
  /** DOM nodes in the document. */
  nodes: number;
  ext: ExtState | null;
}

interface ExtState {
  occurrences: number;
  cells: number;
  judged: number;
  failures: number;
}

interface RunResult {
  load: Sample;
  before: Sample;
  after: Sample;
  mounted: number;
  removed: number;
  wallMs: number;
  blocked: string[];
}

async function heapMB(cdp: CDPSession): Promise<number> {
  // Twice: a first collection can leave garbage that finalizers free.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** Listeners on window and on every node of the document, whichever world added them. */
async function listenerCount(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const expr of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    if (!result.objectId) continue;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: expr === 'document' ? -1 : 0, pierce: true });
    total += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return total;
}

/** The content script's state, from its isolated world (invisible to the page). */
async function extState(cdp: CDPSession, contexts: number[]): Promise<ExtState | null> {
  for (const id of contexts) {
    try {
      const r = await cdp.send('Runtime.evaluate', {
        contextId: id,
        returnByValue: true,
        expression: `(() => {
          const t = globalThis.__hashtagTriage;
          if (!t) return null;
          const s = t.controller.current();
          return { occurrences: s ? s.page.size : 0, cells: t.perf.cells, judged: t.perf.judged, failures: t.failures.count };
        })()`,
      });
      if (r.result.value) return r.result.value as ExtState;
    } catch {
      // a context of a page that is gone
    }
  }
  return null;
}

async function sample(page: Page, cdp: CDPSession, contexts: number[]): Promise<Sample> {
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heapMB: await heapMB(cdp), listeners: await listenerCount(cdp), nodes, ext: await extState(cdp, contexts) };
}

/** Scrolls two viewports at a time (every cell is mounted on the way), to the end or until `upTo` cells were mounted. */
async function stream(page: Page, upTo = Infinity): Promise<void> {
  let still = 0;
  for (let i = 0; i < 100_000 && still < 20; i++) {
    const { atEnd, mounted } = await page.evaluate(async () => {
      window.scrollBy(0, 1600);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const s = (window as unknown as { __fixtureStats: { mounted: number } }).__fixtureStats;
      return { atEnd: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2, mounted: s.mounted };
    });
    if (mounted >= upTo) return;
    if (atEnd) {
      // Wait for a pending "fetch"; stop when nothing more comes.
      await page.waitForTimeout(60);
      still += 1;
    } else still = 0;
  }
}

async function run(context: BrowserContext, html: string, withExtension: boolean): Promise<RunResult> {
  const network = await routeNetwork(context, (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null));
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const contexts: number[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.auxData?.type === 'isolated') contexts.push(e.context.id);
  });
  await cdp.send('Runtime.enable');
  // A page of 10,000 tweets is about 35 MB: generous waits on a busy machine.
  await page.goto('https://x.com/hashtag/hasselthelpt?f=live', { timeout: 180_000 });
  if (withExtension) await page.waitForSelector('[data-testid="cellInnerDiv"] > [data-triage]', { timeout: 60_000 });
  else await page.waitForSelector('[data-testid="cellInnerDiv"]');
  await page.waitForTimeout(1500);
  const load = await sample(page, cdp, contexts);
  await stream(page, WARM);
  await page.waitForTimeout(1500);
  const before = await sample(page, cdp, contexts);
  const t0 = Date.now();
  await stream(page);
  const wallMs = Date.now() - t0;
  // Let batched sightings go out and timers settle.
  await page.waitForTimeout(2500);
  const after = await sample(page, cdp, contexts);
  const stats = await page.evaluate(() => (window as unknown as { __fixtureStats: { mounted: number; removed: number } }).__fixtureStats);
  await cdp.detach();
  return { load, before, after, mounted: stats.mounted, removed: stats.removed, wallMs, blocked: network.blocked };
}

async function plainContext(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'triage-soak-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: VIEWPORT, args: CHROMIUM_ARGS });
  return { context, profile };
}

const mb = (n: number) => `${n.toFixed(1)} MB`;
const signed = (n: number, unit = ' MB') => `${n >= 0 ? '+' : ''}${n.toFixed(1)}${unit}`;

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync(process.execPath, [join(top, 'node_modules/.bin/tsx'), join(top, 'scripts/build.ts'), '--quiet'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const items = generateTimeline(TWEETS);
  const html = renderTimelinePage(items, { uiLang: 'en', virtual: true, pageSize: 50, separatorEvery: 0 });

  const plain = await plainContext();
  const without = await run(plain.context, html, false);
  await plain.context.close();
  rmSync(plain.profile, { recursive: true, force: true });

  const ext = await launchWithExtension({ viewport: VIEWPORT });
  const withExt = await run(ext.context, html, true);
  await ext.context.close();
  rmSync(ext.profile, { recursive: true, force: true });

  const growth = (r: RunResult) => r.after.heapMB - r.before.heapMB;
  const share = growth(withExt) - growth(without);
  const streamed = withExt.after.ext && withExt.before.ext ? withExt.after.ext.occurrences - withExt.before.ext.occurrences : TWEETS - WARM;
  const s0 = withExt.before.ext;
  const s1 = withExt.after.ext;
  const lines = [
    `Fixture: ${TWEETS.toLocaleString('en')} distinct tweets in a virtualised timeline, scrolled to the end (with the extension: ${withExt.mounted} cells mounted, ${withExt.removed} removed again); Chromium headless, real build; heap after forced garbage collection.`,
    '',
    `JS heap (page and content script share it)       at load     before      after      growth (before: after the first ${WARM} tweets)`,
    `  without the extension                          ${mb(without.load.heapMB).padEnd(11)} ${mb(without.before.heapMB).padEnd(11)} ${mb(without.after.heapMB).padEnd(10)} ${signed(growth(without))}`,
    `  with the extension                             ${mb(withExt.load.heapMB).padEnd(11)} ${mb(withExt.before.heapMB).padEnd(11)} ${mb(withExt.after.heapMB).padEnd(10)} ${signed(growth(withExt))}`,
    `  the extension's share of the growth            ${signed(share)}   (${Math.round((share * 1024 * 1024) / Math.max(1, streamed))} bytes per tweet, over the ${streamed} tweets streamed after the warm-up)`,
    `  the extension's heap at the end                ${signed(withExt.after.heapMB - without.after.heapMB)}   (with - without: its code, model and lexicons, caches and page state)`,
    "  (the fixture frees its own start-up data while it scrolls, so one run's heap may shrink: compare the runs)",
    '',
    'Event listeners (window + every node of the document)   before   after',
    `  without the extension                                 ${String(without.before.listeners).padEnd(8)} ${without.after.listeners}`,
    `  with the extension                                    ${String(withExt.before.listeners).padEnd(8)} ${withExt.after.listeners}`,
    `DOM nodes in the document: without ${without.before.nodes} -> ${without.after.nodes}; with ${withExt.before.nodes} -> ${withExt.after.nodes}.`,
    '',
    "Content script's own state                       before      after",
    `  occurrences kept for this page                 ${String(s0?.occurrences ?? 'n/a').padEnd(11)} ${s1?.occurrences ?? 'n/a'}   (one per tweet shown on the page; dropped when the page is left)`,
    `  cells processed / tweets judged                ${`${s0?.cells ?? 'n/a'} / ${s0?.judged ?? 'n/a'}`.padEnd(11)} ${s1?.cells ?? 'n/a'} / ${s1?.judged ?? 'n/a'}`,
    `  exceptions caught by its guard                 ${String(s0?.failures ?? 'n/a').padEnd(11)} ${s1?.failures ?? 'n/a'}`,
    `Requests blocked (the extension must make none): ${withExt.blocked.length}. Stream wall time: without ${(without.wallMs / 1000).toFixed(0)} s, with ${(withExt.wallMs / 1000).toFixed(0)} s.`,
  ];
  console.log(lines.join('\n'));
  if (withExt.blocked.length || (s1?.failures ?? 0) > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

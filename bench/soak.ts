// Soak test of the content script: an endless x.com-like timeline (distinct
// crisis tweets in nl/fr/de/en, e2e/fixtures/soak-*.ts) streamed in Chromium
// with the real build, once without and once with the extension. The page
// holds no tweets of its own: cells are rendered here and fed at the bottom as
// the page scrolls, and the page forgets them once far above, so the page's own
// heap stays flat and what grows is the content script's.
//
// At load and every SOAK_EVERY tweets it prints, for both runs:
// - the JS heap after a forced garbage collection (the page and the content
//   script share one V8 heap, so the extension's share is the difference
//   between the two runs at the same point of the stream);
// - the event listeners on window and the whole document (CDP DOMDebugger) and
//   the DOM nodes in the document;
// - the content script's own state (occurrences and message groups kept for
//   the page, verdicts cached, exceptions it caught), read from its isolated world.
//
// Runnable alone: `npx tsx bench/soak.ts` (builds first; `--no-build` skips it).
// Environment: SOAK_TWEETS (tweets streamed, default 16,000: four to five
// minutes on two busy cores, past the 10,000 occurrences and verdicts the
// content script keeps), SOAK_EVERY (tweets between two measurements, default
// 4,000). A long run, past the repeat index's cap too (about ten minutes):
// `SOAK_TWEETS=50000 SOAK_EVERY=5000 npx tsx bench/soak.ts`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, launchWithExtension, routeNetwork } from '../e2e/harness/extension';
import { contentWorld, type ContentWorld } from '../e2e/harness/content-world';
import { renderSoakPage, soakCells } from '../e2e/fixtures/soak-page';

const top = resolve(import.meta.dirname, '..');

function envCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 100) throw new Error(`${name} must be a whole number of tweets, at least 100 (got "${raw}")`);
  return n;
}

const TWEETS = envCount('SOAK_TWEETS', 16_000);
const EVERY = Math.min(TWEETS, envCount('SOAK_EVERY', 4_000));
const VIEWPORT = { width: 1000, height: 900 };
/** Cells per "fetched" page, and how many unseen ones the page should have in hand. */
const PAGE = 50;
const LOOKAHEAD = 60;
/** Scroll per step, px: less than the span of mounted cells (viewport + a viewport each side), so every cell is mounted on the way. */
const STEP = 2000;

interface ExtState {
  occurrences: number;
  groups: number;
  verdicts: number;
  cells: number;
  judged: number;
  failures: number;
}

interface Sample {
  /** Tweets of the stream mounted so far. */
  tweets: number;
  heapMB: number;
  listeners: number;
  nodes: number;
  ext: ExtState | null;
}

interface RunResult {
  samples: Sample[];
  wallMs: number;
  blocked: string[];
  stats: FixtureStats;
}

interface FixtureStats {
  fed: number;
  mounted: number;
  removed: number;
  forgotten: number;
  rebases: number;
  lastMounted: number;
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
function extState(world: ContentWorld): Promise<ExtState | null> {
  return world.evaluate<ExtState>(`(() => {
    const t = globalThis.__hashtagTriage;
    if (!t) return null;
    const s = t.controller.current();
    return {
      occurrences: s ? s.page.size : 0,
      groups: s ? s.page.groupCount : 0,
      verdicts: t.controller.verdictsCached(),
      cells: t.perf.cells,
      judged: t.perf.judged,
      failures: t.failures.count,
    };
  })()`);
}

const fixtureStats = (page: Page) => page.evaluate(() => (window as unknown as { __fixtureStats: FixtureStats }).__fixtureStats);

async function sample(page: Page, cdp: CDPSession, world: ContentWorld): Promise<Sample> {
  // Let batched sightings go out and timers settle first.
  await page.waitForTimeout(2500);
  const stats = await fixtureStats(page);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { tweets: stats.lastMounted + 1, heapMB: await heapMB(cdp), listeners: await listenerCount(cdp), nodes, ext: await extState(world) };
}

/** Feeds and scrolls until `upTo` tweets of the stream were mounted; returns how many were fed. */
async function stream(page: Page, fed: number, upTo: number): Promise<number> {
  let ahead = 0;
  let still = 0;
  for (;;) {
    const cells = ahead < LOOKAHEAD && fed < TWEETS ? soakCells(fed, Math.min(PAGE, TWEETS - fed)) : null;
    if (cells) fed += cells.length;
    const r = await page.evaluate(
      async ({ cells, step }) => {
        const soak = (window as unknown as { __soak: { append(c: string[]): void; ahead(): number } }).__soak;
        if (cells) soak.append(cells);
        window.scrollBy(0, step);
        await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
        const s = (window as unknown as { __fixtureStats: FixtureStats }).__fixtureStats;
        return { ahead: soak.ahead(), mounted: s.lastMounted + 1 };
      },
      { cells, step: STEP },
    );
    if (r.mounted >= upTo) return fed;
    // At the end of what was fed and nothing more to feed: stop rather than spin.
    still = !cells && r.ahead <= 0 ? still + 1 : 0;
    if (still > 50) throw new Error(`the stream stalled at ${r.mounted} tweets`);
    ahead = r.ahead;
  }
}

async function run(context: BrowserContext, html: string, withExtension: boolean): Promise<RunResult> {
  const network = await routeNetwork(context, (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null));
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  const world = await contentWorld(cdp);
  await page.goto('https://x.com/hashtag/hasselthelpt?f=live', { timeout: 60_000 });
  let fed = await stream(page, 0, 1);
  if (withExtension) await page.waitForSelector('[data-testid="cellInnerDiv"] > [data-triage]', { timeout: 60_000 });
  const samples = [await sample(page, cdp, world)];
  const t0 = Date.now();
  let wallMs = 0;
  for (let at = EVERY; at <= TWEETS; at += EVERY) {
    const s0 = Date.now();
    fed = await stream(page, fed, at);
    wallMs += Date.now() - s0;
    samples.push(await sample(page, cdp, world));
    process.stderr.write(`  ${withExtension ? 'with' : 'without'} the extension: ${at} tweets, ${Math.round((Date.now() - t0) / 1000)} s\n`);
  }
  const stats = await fixtureStats(page);
  await cdp.detach();
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
  return { samples, wallMs, blocked: network.blocked, stats };
}

async function plainContext(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'triage-soak-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: VIEWPORT, args: CHROMIUM_ARGS });
  return { context, profile };
}

const pad = (v: string | number, n: number) => String(v).padStart(n);
const fix1 = (n: number) => n.toFixed(1);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;

function table(without: RunResult, withExt: RunResult): string[] {
  const lines = [
    'tweets   heap without  heap with  extension  per tweet  listeners     DOM nodes     occurrences  groups  verdicts',
    'streamed         (MB)       (MB)  (MB)       (bytes)    without/with  without/with  kept         kept    cached',
  ];
  let prev: { tweets: number; share: number } | null = null;
  const n = Math.min(without.samples.length, withExt.samples.length);
  for (let k = 0; k < n; k++) {
    const a = without.samples[k] as Sample;
    const b = withExt.samples[k] as Sample;
    const share = b.heapMB - a.heapMB;
    // Growth of the extension's share since the previous point, per tweet streamed in between.
    const perTweet = prev && b.tweets > prev.tweets ? `${Math.round(((share - prev.share) * 1024 * 1024) / (b.tweets - prev.tweets))}` : '';
    prev = { tweets: b.tweets, share };
    const e = b.ext;
    lines.push(
      `${pad(b.tweets, 8)} ${pad(fix1(a.heapMB), 13)} ${pad(fix1(b.heapMB), 10)}  ${signed(share).padEnd(10)} ${pad(perTweet, 9)}  ` +
        `${`${a.listeners}/${b.listeners}`.padEnd(13)} ${`${a.nodes}/${b.nodes}`.padEnd(13)} ${String(e?.occurrences ?? 'n/a').padEnd(12)} ${String(e?.groups ?? 'n/a').padEnd(7)} ${e?.verdicts ?? 'n/a'}`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync(process.execPath, [join(top, 'node_modules/.bin/tsx'), join(top, 'scripts/build.ts'), '--quiet'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const html = renderSoakPage();

  const plain = await plainContext();
  const without = await run(plain.context, html, false);
  await plain.context.close();
  rmSync(plain.profile, { recursive: true, force: true });

  const ext = await launchWithExtension({ viewport: VIEWPORT });
  const withExt = await run(ext.context, html, true);
  await ext.context.close();
  rmSync(ext.profile, { recursive: true, force: true });

  const last = withExt.samples[withExt.samples.length - 1] as Sample;
  const s = last.ext;
  const lines = [
    `Fixture: an endless virtualised timeline of distinct crisis tweets (nl/fr/de/en; 1 in 8 a repost, 1 in 25 a copy of a recent offer), ${TWEETS.toLocaleString('en')} streamed ` +
      `(with the extension: ${withExt.stats.mounted} cells mounted, ${withExt.stats.removed} removed again; the page forgets tweets far above, so its own heap stays flat); ` +
      'Chromium headless, real build; JS heap after forced garbage collection, page and content script together.',
    "extension = heap with - heap without at the same point; per tweet = growth of that share since the previous line, per tweet streamed.",
    '',
    ...table(without, withExt),
    '',
    `Content script at the end: ${s?.cells ?? 'n/a'} cells processed, ${s?.judged ?? 'n/a'} tweets judged, ${s?.failures ?? 'n/a'} exceptions caught by its guard.`,
    `Requests blocked (the extension must make none): ${withExt.blocked.length}. Stream wall time: without ${(without.wallMs / 1000).toFixed(0)} s, with ${(withExt.wallMs / 1000).toFixed(0)} s.`,
  ];
  console.log(lines.join('\n'));
  if (withExt.blocked.length || (s?.failures ?? 0) > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

// Browser benchmark of the content script: a 1,000-tweet virtualised fixture
// timeline, loaded and scrolled to the end in Chromium without and with the
// extension. Prints:
// - main-thread time the extension adds per tweet: its own per-cell processing
//   time (median, p95; target: median <= 0.2 ms), its whole observer callbacks
//   per tweet, and the difference in the page's total task time between runs;
// - long tasks over 50 ms caused by it (its callbacks over 50 ms; target: none),
//   next to the page's long-task count with and without it;
// - the delay from a cell's insertion to its tag, and how many cells were
//   tagged before the next frame (target: all).
// Runnable alone: `npx tsx bench/page.ts` (builds first; `--no-build` skips it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, launchWithExtension, routeNetwork } from '../e2e/harness/extension';
import { evaluateInContentWorld } from '../e2e/harness/content-world';
import { renderTimelinePage } from '../e2e/fixtures/render';
import { generateTimeline } from '../e2e/fixtures/tweets';
import { scrollToEnd, scrollToTop } from './lib/scroll';

const top = resolve(import.meta.dirname, '..');
const TWEETS = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const VIEWPORT = { width: 1000, height: 900 };

interface FixtureStats {
  mounted: number;
  removed: number;
  loads: number;
  tagDelays: number[];
  untaggedAtFrame: number;
  checkedAtFrame: number;
}

interface ExtPerf {
  cells: number;
  coreInitMs: number;
  coreSteps: number[];
  judged: number;
  coreMs: number;
  batches: number;
  totalMs: number;
  maxBatchMs: number;
  samples: number[];
  longBatches: number;
  tagged: number;
}

interface TraceResult {
  /** Sum of the extension's callbacks (FunctionCall events of content.js), ms. */
  extMs: number;
  /** Each of its callbacks, ms. */
  calls: number[];
  /** Per tweet inserted by the fixture: the extension time until the next insertion, divided by its cells. */
  perTweet: number[];
  /** Per insertion: cells inserted and the extension time until the next insertion, ms. */
  groups: { cells: number; ms: number }[];
  /** Main-thread tasks over 50 ms (CPU time) that ran one of its callbacks: the task's and its own ms. */
  longWithExt: { taskMs: number; extMs: number }[];
  /** All main-thread tasks over 50 ms of CPU time while scrolling. */
  longAll: number;
}

interface RunResult {
  taskMs: number;
  scriptMs: number;
  longTasks: number[];
  fixture: FixtureStats;
  ext: ExtPerf | null;
  trace: TraceResult;
  /** Scrolling back up: cells re-created for tweets already judged. */
  back: TraceResult;
  wallMs: number;
  /** Thread time evaluating core.js on the page in scope, ms (null without the extension). */
  coreEvalMs: number | null;
}

interface TraceEvent {
  name: string;
  tid?: number;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not inflated when the machine is busy with other processes. */
  tdur?: number;
  cat: string;
  args?: { data?: { url?: string } };
}

/** Records the trace events that matter here while `body` runs (µs timestamps, unlike performance.now() in a content script). */
async function traced(page: Page, body: () => Promise<void>): Promise<TraceResult> {
  const cdp = await page.context().newCDPSession(page);
  const kept: TraceEvent[] = [];
  const longTasks: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as unknown as TraceEvent[]) {
      if (ev.name === 'FunctionCall' && ev.args?.data?.url?.startsWith('chrome-extension://')) kept.push(ev);
      else if (ev.cat.includes('user_timing') && ev.name.startsWith('fixture-cells:')) kept.push(ev);
      else if (ev.name === 'RunTask' && ev.ph === 'X' && (ev.tdur ?? 0) > 50_000) longTasks.push(ev);
    }
  });
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  await body();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  kept.sort((a, b) => a.ts - b.ts);
  const calls: number[] = [];
  const perTweet: number[] = [];
  const groups: { cells: number; ms: number }[] = [];
  let cells = 0;
  let acc = 0;
  const close = () => {
    if (cells > 0) for (let i = 0; i < cells; i++) perTweet.push(acc / cells);
    if (cells > 0) groups.push({ cells, ms: acc });
  };
  for (const ev of kept) {
    if (ev.name === 'FunctionCall') {
      const ms = (ev.tdur ?? ev.dur ?? 0) / 1000;
      calls.push(ms);
      acc += ms;
    } else {
      close();
      cells = Number(ev.name.split(':')[1]) || 0;
      acc = 0;
    }
  }
  close();
  const fns = kept.filter((ev) => ev.name === 'FunctionCall');
  const longWithExt = longTasks
    .map((t) => {
      const inside = fns.filter((fn) => fn.ts >= t.ts && fn.ts < t.ts + (t.dur ?? 0) && fn.tid === t.tid);
      return { taskMs: (t.tdur ?? 0) / 1000, extMs: inside.reduce((a, fn) => a + (fn.tdur ?? fn.dur ?? 0) / 1000, 0) };
    })
    .filter((t) => t.extMs > 0);
  return { extMs: calls.reduce((a, b) => a + b, 0), calls, perTweet, groups, longWithExt, longAll: longTasks.length };
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] as number;
};
const median = (xs: number[]) => quantile(xs, 0.5);

/**
 * A line through the insertions, time = perInsertion + perCell * cells: least squares over the
 * median time of each insertion size, weighted by how many insertions had that size (a few slow
 * callbacks, such as the first ones, do not tilt it).
 */
function fitGroups(groups: { cells: number; ms: number }[]): { perInsertion: number; perCell: number } {
  const bySize = new Map<number, number[]>();
  for (const g of groups) bySize.set(g.cells, [...(bySize.get(g.cells) ?? []), g.ms]);
  const points = [...bySize].map(([cells, ms]) => ({ x: cells, y: median(ms), w: ms.length }));
  const w = points.reduce((a, p) => a + p.w, 0);
  const mx = points.reduce((a, p) => a + p.w * p.x, 0) / w;
  const my = points.reduce((a, p) => a + p.w * p.y, 0) / w;
  const sxx = points.reduce((a, p) => a + p.w * (p.x - mx) ** 2, 0);
  const sxy = points.reduce((a, p) => a + p.w * (p.x - mx) * (p.y - my), 0);
  const perCell = sxx > 0 ? sxy / sxx : NaN;
  return { perInsertion: my - perCell * mx, perCell };
}

const f = (n: number, d = 3) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

async function metrics(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (m.find((x) => x.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

/** Reads the content script's counters from its isolated world (invisible to the page). */
function extensionPerf(page: Page): Promise<ExtPerf | null> {
  return evaluateInContentWorld<ExtPerf>(
    page,
    `(() => {
      const t = globalThis.__hashtagTriage;
      if (!t) return null;
      const p = t.perf;
      const n = Math.min(p.cells, p.samples.length);
      const s = Array.from(p.samples.slice(0, n));
      const cur = t.controller.current();
      return { cells: p.cells, coreInitMs: p.coreInitMs, coreSteps: p.coreSteps, judged: p.judged, coreMs: p.coreMs, batches: p.batches, totalMs: p.totalMs, maxBatchMs: p.maxBatchMs, samples: s,
               longBatches: 0, tagged: cur ? cur.page.size : 0 };
    })()`,
  );
}

async function run(context: BrowserContext, html: string, withExtension: boolean, home = ''): Promise<RunResult> {
  await routeNetwork(context, (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : url.pathname === '/home' && home ? home : null));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no long task API: counted as none
    }
  });
  let coreEvalMs: number | null = null;
  if (withExtension) {
    const load = await scriptCost(page, async () => {
      await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
      await page.waitForSelector('[data-testid="cellInnerDiv"] > [data-triage]', { timeout: 15_000 });
    });
    coreEvalMs = load.evaluate['core.js'] ?? null;
  } else {
    await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
    await page.waitForSelector('[data-testid="cellInnerDiv"]');
  }
  await page.waitForTimeout(300);
  // Measure the scroll only: cells present at load were there before the content script started.
  await page.evaluate(() => {
    const s = (window as unknown as { __fixtureStats: FixtureStats }).__fixtureStats;
    s.tagDelays.length = 0;
    s.untaggedAtFrame = 0;
    s.checkedAtFrame = 0;
  });
  const perf = await context.newCDPSession(page);
  await perf.send('Performance.enable');
  const t0 = Date.now();
  const m0 = await metrics(perf);
  const trace = await traced(page, async () => {
    await scrollToEnd(page);
    await page.waitForTimeout(200);
  });
  const m1 = await metrics(perf);
  await perf.detach();
  const wallMs = Date.now() - t0;
  const fixture = await page.evaluate(() => (window as unknown as { __fixtureStats: FixtureStats }).__fixtureStats);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const back = await traced(page, async () => {
    await scrollToTop(page);
    await page.waitForTimeout(200);
  });
  const ext = withExtension ? await extensionPerf(page) : null;
  return { taskMs: m1.task - m0.task, scriptMs: m1.script - m0.script, longTasks, fixture, ext, trace, back, wallMs, coreEvalMs };
}

/**
 * The extension's scripts while `body` runs: thread time evaluating each of its files (content.js at load,
 * core.js when the background runs it on a page in scope), and of its callbacks, ms.
 */
async function scriptCost(page: Page, body: () => Promise<void>): Promise<{ evaluate: Record<string, number>; callsMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  const evaluate: Record<string, number> = {};
  let callsMs = 0;
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as unknown as TraceEvent[]) {
      const url = ev.args?.data?.url;
      if (!url?.startsWith('chrome-extension://')) continue;
      const ms = (ev.tdur ?? ev.dur ?? 0) / 1000;
      // v8.compile nests inside EvaluateScript: count the outer event only.
      if (ev.name === 'EvaluateScript') {
        const file = new URL(url).pathname.slice(1);
        evaluate[file] = (evaluate[file] ?? 0) + ms;
      } else if (ev.name === 'FunctionCall') callsMs += ms;
    }
  });
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8'] }, transferMode: 'ReportEvents' });
  await body();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { evaluate, callsMs };
}

/** The content script's cost on an x.com page out of scope: evaluating the bundle, then watching the URL. */
async function startupCost(context: BrowserContext): Promise<{ evaluateMs: number; laterMs: number }> {
  const page = await context.newPage();
  const cost = await scriptCost(page, async () => {
    await page.goto('https://x.com/home');
    await page.waitForTimeout(2000);
  });
  await page.close();
  return { evaluateMs: cost.evaluate['content.js'] ?? 0, laterMs: cost.callsMs };
}

async function plainContext(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'triage-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: VIEWPORT, args: CHROMIUM_ARGS });
  return { context, profile };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    // The build's own lines go to stderr: stdout is the figures (bench/run.ts copies it into docs/benchmarks.md).
    const b = spawnSync(process.execPath, [join(top, 'node_modules/.bin/tsx'), join(top, 'scripts/build.ts'), '--quiet'], { stdio: ['ignore', 2, 2] });
    if (b.status !== 0) throw new Error('build failed');
  }
  const html = renderTimelinePage(generateTimeline(TWEETS), { uiLang: 'en', virtual: true, pageSize: 50, instrument: true });

  const home = renderTimelinePage(generateTimeline(20), { uiLang: 'en', path: '/home' });
  const without: RunResult[] = [];
  const withExt: RunResult[] = [];
  const startup: { evaluateMs: number; laterMs: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    {
      const { context, profile } = await plainContext();
      without.push(await run(context, html, false));
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    {
      const { context, profile } = await launchWithExtension({ viewport: VIEWPORT });
      withExt.push(await run(context, html, true, home));
      startup.push(await startupCost(context));
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  const perTweet = withExt.flatMap((r) => r.trace.perTweet);
  const fit = fitGroups(withExt.flatMap((r) => r.trace.groups));
  const calls = withExt.flatMap((r) => r.trace.calls);
  const extPerTweet = withExt.map((r) => r.trace.extMs / Math.max(1, r.fixture.checkedAtFrame));
  const selfSamples = withExt.flatMap((r) => r.ext?.samples ?? []);
  const coreShare = withExt.map((r) => (r.ext && r.ext.judged ? r.ext.coreMs / r.ext.judged : NaN));
  const addedTask = withExt.map((r, i) => (r.taskMs - (without[i] as RunResult).taskMs) / TWEETS);
  const delays = withExt.flatMap((r) => r.fixture.tagDelays);
  const checked = withExt.reduce((a, r) => a + r.fixture.checkedAtFrame, 0);
  const untagged = withExt.reduce((a, r) => a + r.fixture.untaggedAtFrame, 0);
  const long = (rs: RunResult[]) => rs.map((r) => r.longTasks.filter((d) => d > 50).length);
  const first = withExt[0];
  const bundle = readFileSync(join(top, 'dist/chrome/content.js'));
  const coreBundle = readFileSync(join(top, 'dist/chrome/core.js'));
  const coreEval = withExt.map((r) => r.coreEvalMs ?? NaN);

  const lines = [
    `Fixture: ${TWEETS} tweets, virtualised, scrolled to the end (per round: ${first?.fixture.mounted} cells mounted, ${first?.fixture.removed} removed and re-created later, ${first?.fixture.loads} "fetches"); ${ROUNDS} rounds without and with the extension; Chromium headless; the extension's times are thread (CPU) times from a Chrome trace, in microseconds, so other load on the machine does not inflate them.`,
    '',
    'Main-thread time the extension adds per tweet (target: median <= 0.2 ms)',
    `  new tweet (scrolling down), median     ${f(median(perTweet))} ms   (p90 ${f(quantile(perTweet, 0.9))} ms, p99 ${f(quantile(perTweet, 0.99))} ms; ${perTweet.length} cells: its callbacks after each insertion / cells inserted)`,
    `  re-created cell (scrolling back), median ${f(median(withExt.flatMap((r) => r.back.perTweet)))} ms   (p90 ${f(quantile(withExt.flatMap((r) => r.back.perTweet), 0.9))} ms; ${withExt.flatMap((r) => r.back.perTweet).length} cells: the verdict comes from its cache)`,
    `  all its callbacks / cells, mean        ${f(median(extPerTweet))} ms   (median of rounds; includes timers and the first, cold calls)`,
    `  per insertion, fitted                  ${f(fit.perInsertion)} ms + ${f(fit.perCell)} ms per cell   (a line through the median time of each insertion size, ${withExt.flatMap((r) => r.trace.groups).length} insertions: the first cell after the page's own work costs more than the next ones)`,
    `  its own batch timer / cells, median    ${f(median(selfSamples))} ms   (performance.now() in the content script, 0.1 ms resolution)`,
    `  of which the core, per new tweet, mean ${f(median(coreShare))} ms   (the batches' judging passes / tweets judged: classifier + repeat tracker + offer details, once per distinct tweet)`,
    `  page task time, with - without /tweet  ${f(median(addedTask))} ms   (rounds: ${addedTask.map((x) => f(x)).join(', ')}; includes style work for its attributes; noisy)`,
    '',
    'Long tasks over 50 ms caused by the extension (target: none)',
    `  its callbacks over 50 ms               ${calls.filter((x) => x > 50).length}   (longest ${f(Math.max(0, ...calls), 2)} ms over ${calls.length} callbacks while scrolling)`,
    `  tasks over 50 ms CPU running its code  ${withExt.map((r) => r.trace.longWithExt.length).join(', ')}   (per round, of ${withExt.map((r) => r.trace.longAll).join(', ')} such tasks with it and ${without.map((r) => r.trace.longAll).join(', ')} without; its share of them: ${withExt.flatMap((r) => r.trace.longWithExt).map((t) => `${f(t.extMs, 1)} of ${f(t.taskMs, 1)} ms`).join('; ') || 'none'})`,
    `  page long tasks, without / with        ${long(without).join(',')} / ${long(withExt).join(',')}   (per round, Long Tasks API, wall time, whatever caused them)`,
    '',
    "Delay from a cell's insertion to its tag (target: before the next frame is painted)",
    `  tagged before the next frame           ${checked - untagged} of ${checked} cells`,
    `  insertion -> tag                       median ${f(median(delays), 2)} ms, p95 ${f(quantile(delays, 0.95), 2)} ms, max ${f(Math.max(...delays), 2)} ms (${delays.length} cells; includes the page's own work in the same task)`,
    '',
    'Cost on every other x.com page (out of scope: a URL check only)',
    `  content.js                             ${f(bundle.length / 1024, 1)} KB, ${f(gzipSync(bundle).length / 1024, 1)} KB gzipped`,
    `  evaluating content.js at page load     ${f(median(startup.map((x) => x.evaluateMs)), 1)} ms   (rounds: ${startup.map((x) => f(x.evaluateMs, 1)).join(', ')}; the core and its data are not in it: a page in scope gets them from the background)`,
    `  its callbacks in the next 2 s           ${f(median(startup.map((x) => x.laterMs)), 2)} ms`,
    '',
    'Once per tab, on the first page in scope',
    `  core.js                                ${f(coreBundle.length / 1024, 1)} KB, ${f(gzipSync(coreBundle).length / 1024, 1)} KB gzipped   (run by the background next to the content script)`,
    `  evaluating core.js                     ${f(median(coreEval), 1)} ms   (rounds: ${coreEval.map((x) => f(x, 1)).join(', ')})`,
    `  building the core                      ${f(median(withExt.map((r) => (r.ext?.coreSteps ?? []).reduce((a, b) => a + b, 0))), 1)} ms in ${withExt[0]?.ext?.coreSteps.length ?? 0} tasks, longest ${f(median(withExt.map((r) => Math.max(0, ...(r.ext?.coreSteps ?? [])))), 1)} ms   (lexicons, model, classifier, offer lexicon, repeat tracker: ${(withExt[0]?.ext?.coreSteps ?? []).map((x) => f(x, 0)).join(', ')} ms)`,
    '',
    `Scroll wall time per round: without ${without.map((r) => r.wallMs).join(', ')} ms; with ${withExt.map((r) => r.wallMs).join(', ')} ms.`,
  ];
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

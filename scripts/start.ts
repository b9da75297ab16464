// `npm start`: builds the extension and opens Chromium with it on the bundled
// demo timeline, served as https://x.com/hashtag/hasselthelpt. With a display it
// opens a window; without one it runs headless and writes screenshots before and
// after filtering plus a summary into a folder it names.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, routeNetwork } from '../e2e/harness/extension';
import { renderTimelinePage, type TimelineItem } from '../e2e/fixtures/render';
import { defaults } from '../src/core/settings';

const top = resolve(import.meta.dirname, '..');
const HASHTAG = 'hasselthelpt';
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

function loadDemo(): TimelineItem[] {
  const lines = readFileSync(join(top, 'demo/timeline.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const items = lines.map((l, i) => {
    try {
      return JSON.parse(l) as TimelineItem;
    } catch {
      throw new Error(`demo/timeline.jsonl line ${i + 1} is not valid JSON`);
    }
  });
  return replayNow(items);
}

/** Moves the night of the demo so that its newest tweet is from a few minutes ago: offers are then open, closed or stale as they would be live. */
function replayNow(items: TimelineItem[]): TimelineItem[] {
  const times = items.flatMap((it) => [it.created_at, it.shown_at]).map((t) => (t ? Date.parse(t) : Number.NaN));
  const newest = Math.max(...times.filter(Number.isFinite));
  if (!Number.isFinite(newest)) return items;
  const shift = Date.now() - 5 * 60_000 - newest;
  const move = (t: string | null | undefined) => (t && Number.isFinite(Date.parse(t)) ? new Date(Date.parse(t) + shift).toISOString() : t);
  return items.map((it) => ({ ...it, created_at: move(it.created_at), shown_at: move(it.shown_at) }));
}

async function countVerdicts(page: Page): Promise<{ labels: Record<string, number>; hidden: Record<string, number>; visibleTweets: number }> {
  return page.evaluate(() => {
    const labels: Record<string, number> = {};
    const hidden: Record<string, number> = {};
    let visibleTweets = 0;
    for (const cell of document.querySelectorAll('div[data-testid="cellInnerDiv"]')) {
      const first = cell.firstElementChild as HTMLElement | null;
      if (!first) continue;
      const label = first.getAttribute('data-triage');
      if (label) labels[label] = (labels[label] ?? 0) + 1;
      const h = first.getAttribute('data-triage-hidden');
      if (h && getComputedStyle(first).display === 'none') hidden[h] = (hidden[h] ?? 0) + 1;
      else if (first.querySelector('article')) visibleTweets += 1;
    }
    return { labels, hidden, visibleTweets };
  });
}

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [join(top, 'node_modules/.bin/tsx'), join(top, 'scripts/build.ts'), '--quiet'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);

  const items = loadDemo();
  const html = renderTimelinePage(items, { uiLang: 'en', hashtag: HASHTAG, virtual: false });
  const { context, worker } = await launchWithExtension({ headless: !headed, viewport: headed ? null : { width: 1000, height: 2400 } });
  const network = await routeNetwork(context, (url) => (url.pathname.toLowerCase() === `/hashtag/${HASHTAG}` ? html : null));
  const setSettings = (enabled: boolean) =>
    worker.evaluate(async (s) => {
      const ext = (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome;
      await ext.storage.local.set({ settings: s });
    }, { ...defaults, enabled, hashtags: [...defaults.hashtags] });

  const page = context.pages()[0] ?? (await context.newPage());
  const url = `https://x.com/hashtag/${HASHTAG}?src=hashtag_click&f=live`;

  if (headed) {
    await setSettings(true);
    await page.goto(url);
    console.log(`Demo timeline open at ${url}. Use the toolbar icon to switch filters; close the window to finish.`);
    await new Promise<void>((done) => context.on('close', () => done()));
    return;
  }

  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const outDir = join(top, 'out', `demo-${stamp}`);
  mkdirSync(outDir, { recursive: true });

  await setSettings(false);
  await page.goto(url);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(outDir, 'before.png') });
  const before = await countVerdicts(page);

  await setSettings(true);
  await page.reload();
  await page.waitForSelector('div[data-testid="cellInnerDiv"] > [data-triage]', { timeout: 15_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(outDir, 'after.png') });
  const after = await countVerdicts(page);
  await context.close();

  const summary = {
    url,
    tweets: items.length,
    labels: after.labels,
    hiddenByFilter: after.hidden,
    visibleTweets: { before: before.visibleTweets, after: after.visibleTweets },
    extensionRequests: network.blocked.length,
  };
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  const lines = [
    `Demo timeline: ${items.length} tweets on #${HASHTAG}`,
    `Labels: ${Object.entries(after.labels).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `Hidden by filter: ${Object.entries(after.hidden).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    `Tweets shown: ${before.visibleTweets} before filtering, ${after.visibleTweets} after`,
    `Requests made by the extension: ${network.blocked.length}`,
  ];
  writeFileSync(join(outDir, 'summary.txt'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
  console.log(`\nScreenshots and summary in ${outDir}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

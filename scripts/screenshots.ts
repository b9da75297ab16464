// Screenshots of the popup, the offers board and the host page in the real
// extension in Chromium, with sample data that arrives the way real data does:
// the bundled demo timeline is served as https://x.com/hashtag/hasselthelpt,
// the content script reads it (three times, with growing counts, so that the
// host page has snapshots), the background stores what it saw, then the pages
// are opened. Writes PNGs into docs/screenshots/. Run after `npm run build`:
//   npx tsx scripts/screenshots.ts
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { renderTimelinePage, type TimelineItem } from '../e2e/fixtures/render';
import { CHROMIUM, CHROMIUM_ARGS, DIST_CHROME } from '../e2e/harness/extension';

const top = resolve(import.meta.dirname, '..');
const outDir = join(top, 'docs/screenshots');
const HASHTAG = 'hasselthelpt';
/** The demo's most reposted host. */
const HOST = 'pieter_vdb';

interface Shot {
  lang: 'en' | 'nl' | 'fr' | 'de';
  scheme: 'light' | 'dark';
  suffix: string;
}

const SHOTS: Shot[] = [
  { lang: 'en', scheme: 'light', suffix: '' },
  { lang: 'nl', scheme: 'dark', suffix: '-nl-dark' },
  { lang: 'fr', scheme: 'light', suffix: '-fr' },
  { lang: 'de', scheme: 'dark', suffix: '-de-dark' },
];

function loadDemo(): TimelineItem[] {
  return readFileSync(join(top, 'demo/timeline.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TimelineItem);
}

/** The demo with its counts scaled: visit 1 shows a third, visit 3 the full counts. */
function timelineAt(items: TimelineItem[], visit: number): string {
  const scale = [0.3, 0.65, 1][visit - 1] ?? 1;
  const scaled = items.map((it) => ({
    ...it,
    counts: Object.fromEntries(Object.entries(it.counts ?? {}).map(([k, v]) => [k, Math.round((v as number) * scale)])),
  }));
  return renderTimelinePage(scaled, { uiLang: 'en', hashtag: HASHTAG, virtual: false });
}

async function launch(lang: string, scheme: 'light' | 'dark'): Promise<{ context: BrowserContext; extensionId: string; profile: string; blocked: string[] }> {
  const profile = mkdtempSync(join(tmpdir(), 'triage-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    colorScheme: scheme,
    deviceScaleFactor: 1,
    viewport: { width: 1100, height: 900 },
    args: [...CHROMIUM_ARGS, `--lang=${lang}`, `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const items = loadDemo();
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.hostname === 'x.com' && url.pathname === `/hashtag/${HASHTAG}` && req.resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: timelineAt(items, Number(url.searchParams.get('visit') ?? 3)) });
    }
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, extensionId, profile, blocked };
}

/** Shows the whole demo timeline to the content script, top to bottom. */
async function readTimeline(page: Page, visit: number): Promise<void> {
  await page.goto(`https://x.com/hashtag/${HASHTAG}?f=live&visit=${visit}`);
  await page.waitForSelector('[data-triage]', { timeout: 15_000 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1500); // the background writes sightings in batches
}

async function shoot(shot: Shot): Promise<void> {
  const { context, extensionId, profile, blocked } = await launch(shot.lang, shot.scheme);
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    for (const visit of [1, 2, 3]) await readTimeline(tab, visit);
    await tab.evaluate(() => window.scrollTo(0, 0));

    // Popup: opened as a page, with the x.com tab active so that it shows that tab's counts.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await tab.bringToFront();
    await popup.reload();
    await popup.waitForSelector('.filter-row .count:not(:empty)', { timeout: 15_000 });
    await popup.screenshot({ path: join(outDir, `popup${shot.suffix}.png`), fullPage: true });

    const board = await context.newPage();
    await board.goto(`chrome-extension://${extensionId}/board.html`);
    await board.waitForSelector('.summary:not(:empty)');
    await board.waitForTimeout(500);
    await board.screenshot({ path: join(outDir, `board${shot.suffix}.png`), clip: { x: 0, y: 0, width: 1100, height: 1400 }, fullPage: true });

    const host = await context.newPage();
    await host.goto(`chrome-extension://${extensionId}/host.html`);
    await host.fill('#handles', `@${HOST}`);
    await host.press('#handles', 'Enter');
    await host.waitForSelector('.results');
    await host.waitForTimeout(500);
    await host.screenshot({ path: join(outDir, `host${shot.suffix}.png`), clip: { x: 0, y: 0, width: 1100, height: 1500 }, fullPage: true });

    if (blocked.length) throw new Error(`unexpected requests:\n${blocked.join('\n')}`);
    console.log(`${shot.lang} ${shot.scheme}: popup${shot.suffix}.png board${shot.suffix}.png host${shot.suffix}.png`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const only = process.argv.slice(2);
  for (const shot of SHOTS) if (!only.length || only.includes(shot.lang)) await shoot(shot);
  console.log(`screenshots in ${outDir}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

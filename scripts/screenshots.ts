// Screenshots of the popup, the offers board and the host page in the real
// extension in Chromium, with sample data that arrives the way real data does:
// the bundled demo timeline (its times moved to end now) is served as
// https://x.com/hashtag/hasselthelpt, the content script reads it, the
// background stores what it saw, then the pages are opened. A screenshot run
// lasts seconds, not a night, so the host's offer gets an earlier history of
// count snapshots and sightings written into the store. Writes PNGs into
// docs/screenshots/. Run after `npm run build`:
//   npx tsx scripts/screenshots.ts [en nl fr de]
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { renderTimelinePage, type TimelineItem } from '../e2e/fixtures/render';
import { CHROMIUM, CHROMIUM_ARGS, DIST_CHROME } from '../e2e/harness/extension';
import type { StoredSighting, StoredSnapshot } from '../src/store';

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

/** The demo timeline with its times moved so that its last tweet was shown a few minutes ago. */
function timelineNow(items: TimelineItem[], now: number): string {
  const last = Math.max(...items.map((it) => Date.parse(it.shown_at ?? it.created_at ?? '') || 0));
  const shift = now - 5 * 60_000 - last;
  const move = (iso: string | null | undefined) => (iso ? new Date(Date.parse(iso) + shift).toISOString() : iso);
  const moved = items.map((it) => ({ ...it, created_at: move(it.created_at), shown_at: move(it.shown_at) }));
  return renderTimelinePage(moved, { uiLang: 'en', hashtag: HASHTAG, virtual: false });
}

/**
 * Runs in an extension page: gives the host's offer a night of history, as if
 * the timeline had been read every hour: earlier snapshots with lower counts,
 * and its sightings spread over the last hours.
 */
async function addHistory(args: { author: string; now: number; hours: number }): Promise<number> {
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((ok, fail) => {
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
  const db = await req(indexedDB.open('hashtag-triage'));
  const tx = db.transaction(['offers', 'sightings', 'snapshots'], 'readwrite');
  const offers = (await req(tx.objectStore('offers').index('author').getAll(args.author))) as { key: string; statusId: string | null }[];
  let added = 0;
  for (const o of offers) {
    if (!o.statusId) continue;
    const snaps = (await req(tx.objectStore('snapshots').index('statusId').getAll(o.statusId))) as StoredSnapshot[];
    const latest = snaps[snaps.length - 1];
    if (!latest) continue;
    for (let h = args.hours; h >= 1; h--) {
      const share = ((args.hours - h + 1) / (args.hours + 1)) ** 1.6;
      const counts = Object.fromEntries(Object.entries(latest.counts).map(([k, v]) => [k, Math.round((v as number) * share)]));
      const snap: StoredSnapshot = { statusId: o.statusId, at: args.now - h * 3_600_000, counts };
      await req(tx.objectStore('snapshots').add(snap));
      added += 1;
    }
    const seen = (await req(tx.objectStore('sightings').index('key').getAll(o.key))) as StoredSighting[];
    seen.forEach((s, i) => {
      s.seenAt = args.now - Math.round(((seen.length - i) / seen.length) * args.hours * 3_600_000);
    });
    for (const s of seen) await req(tx.objectStore('sightings').put(s));
  }
  await new Promise((done) => (tx.oncomplete = done));
  db.close();
  return added;
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
  const now = Date.now();
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.hostname === 'x.com' && url.pathname === `/hashtag/${HASHTAG}` && req.resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: timelineNow(items, now) });
    }
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, extensionId, profile, blocked };
}

/** Shows the whole demo timeline to the content script, top to bottom. */
async function readTimeline(page: Page): Promise<void> {
  await page.goto(`https://x.com/hashtag/${HASHTAG}?f=live`);
  await page.waitForSelector('[data-triage]', { timeout: 15_000 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1500); // the background writes sightings in batches
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function shoot(shot: Shot): Promise<void> {
  const { context, extensionId, profile, blocked } = await launch(shot.lang, shot.scheme);
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    await readTimeline(tab);

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
    await board.screenshot({ path: join(outDir, `board${shot.suffix}.png`), clip: { x: 0, y: 0, width: 1100, height: 1050 }, fullPage: true });

    const host = await context.newPage();
    await host.goto(`chrome-extension://${extensionId}/host.html`);
    // tsx keeps function names with a `__name` helper that the page does not have.
    await host.evaluate('globalThis.__name = (f) => f');
    if (!(await host.evaluate(addHistory, { author: HOST, now: Date.now(), hours: 7 }))) throw new Error(`no offer by @${HOST} in the store`);
    await host.fill('#handles', `@${HOST}`);
    await host.press('#handles', 'Enter');
    await host.waitForSelector('.results');
    await host.locator('#handles').blur();
    await host.waitForTimeout(500);
    await host.screenshot({ path: join(outDir, `host${shot.suffix}.png`), clip: { x: 0, y: 0, width: 1100, height: 1150 }, fullPage: true });

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

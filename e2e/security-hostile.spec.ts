// Tweets written to attack: markup and script payloads in the text and the
// display name, script links, direction overrides, invisible characters, a
// 10,000-character text, thousands of emoji. In the real extension on an x.com
// fixture page (which renders text as text nodes, as X does) and in the offers
// board: nothing runs, nothing becomes markup, the text shows literally.
// Also: the page cannot reach the extension, and malformed messages from the
// extension's own pages are refused and counted by the background.
import type { Page, Worker } from '@playwright/test';
import { MARKUP_PAYLOADS } from '../src/core/hostile-inputs';
import { CELL, setSettings } from './content-support';
import { renderTimelinePage, type TimelineItem } from './fixtures/render';
import { expect, test } from './harness/extension';

const T = (m: number) => new Date(Date.now() - (120 - m) * 60_000).toISOString();

// Written for this test: each payload inside an offer (kept, badged, recorded) and a sympathy message (hidden).
const items: TimelineItem[] = [
  ...MARKUP_PAYLOADS.flatMap((p, i): TimelineItem[] => [
    {
      id: `o${i}`,
      status_id: String(500100 + i),
      author: `host_${i}`,
      author_name: p,
      text: `Spare room for 2 in Hasselt tonight ${p} send me a DM #hasselthelpt`,
      lang: 'en',
      created_at: T(i),
      counts: { reposts: 2, views: 40 },
    },
    { id: `s${i}`, status_id: String(500200 + i), author: `fan_${i}`, author_name: p, text: `Thoughts and prayers ${p} #hasselthelpt`, lang: 'en', created_at: T(i) },
  ]),
  { id: 'r1', status_id: '500301', author: 'rtl_user', text: '\u202Etxet desrever\u202C Slaapplaats voor 3 in Genk, bel 0470 11 22 33 #hasselthelpt', lang: 'nl', created_at: T(30) },
  { id: 'z1', status_id: '500302', author: 'zw_user', text: 'Sl\u200Baap\u200Dplaats\u2060 voor 2\uFEFF in Hasselt, stuur DM #hasselthelpt', lang: 'nl', created_at: T(31) },
  { id: 'l1', status_id: '500303', author: 'long_user', text: `Lift to Brussels for 3, DM ${'very long '.repeat(1000)}#hasselthelpt`, lang: 'en', created_at: T(32) },
  { id: 'e1', status_id: '500304', author: 'emoji_user', text: `Sterkte iedereen ${'🙏❤️'.repeat(2500)} #hasselthelpt`, lang: 'nl', created_at: T(33) },
];
const html = renderTimelinePage(items, { uiLang: 'en' });
test.use({ xcom: { serve: (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null) } });

/** Elements that could run code or load something, anywhere in the document. */
function dangerous(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel = 'iframe, object, embed, [onerror], [onload], [onclick], [onmouseover], [srcdoc]';
    for (const el of document.querySelectorAll(sel)) out.push(el.outerHTML.slice(0, 100));
    // The only scripts: the fixture's own inline ones, and the extension page's from its own package.
    for (const s of document.querySelectorAll('script')) {
      const own = s.id === 'fixture-data' || s.textContent?.includes('__fixtureStats') || (s.src && new URL(s.src).origin === location.origin);
      if (!own) out.push(s.outerHTML.slice(0, 100));
    }
    for (const a of document.querySelectorAll('a[href]')) if (/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) out.push(a.outerHTML.slice(0, 100));
    return out;
  });
}

async function rejected(worker: Worker): Promise<{ shape: number; sender: number }> {
  return worker.evaluate(() => (globalThis as unknown as { __hashtagTriage: { rejected: { shape: number; sender: number } } }).__hashtagTriage.rejected);
}

test('hostile tweets stay text on the page and in the offers board', async ({ page, context, extensionId, worker }) => {
  await setSettings(worker, { filters: { sympathy: true, repeat: true, seen: false, stale: false, offtopic: true } });
  await page.goto('https://x.com/hashtag/hasselthelpt');
  expect(await dangerous(page)).toEqual([]); // the fixture renders text as text
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((c) => c.firstElementChild?.hasAttribute('data-triage')), CELL);
  await page.mouse.wheel(0, 20_000);
  await page.waitForTimeout(300);

  // Nothing ran, nothing became markup, the page cannot see or call the extension.
  expect(await dangerous(page)).toEqual([]);
  const world = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __hashtagTriage?: unknown; chrome?: { runtime?: { sendMessage?: unknown } } };
    return { pwned: w.__pwned, internals: w.__hashtagTriage, messaging: typeof w.chrome?.runtime?.sendMessage };
  });
  expect(world).toEqual({ pwned: undefined, internals: undefined, messaging: 'undefined' });

  // Every tweet is tagged; placeholders and badges hold the extension's own words in plain elements.
  const labels = await page.$$eval(`${CELL} > :first-child`, (els) => els.map((e) => e.getAttribute('data-triage')));
  expect(labels.length).toBe(items.length);
  expect(labels.every((l) => l && ['offer', 'request', 'info', 'sympathy', 'other'].includes(l))).toBe(true);
  const added = await page.$$eval('.ht-ph, .ht-badge', (els) =>
    els.map((e) => ({ text: e.textContent ?? '', tags: [...e.querySelectorAll('*')].map((c) => c.tagName.toLowerCase()) })),
  );
  expect(added.length).toBeGreaterThan(0);
  for (const a of added) {
    expect(a.tags.every((t) => t === 'span' || t === 'button'), a.tags.join(',')).toBe(true);
    for (const p of MARKUP_PAYLOADS) expect(a.text).not.toContain(p);
  }
  // The offers carrying a payload are shown, not hidden.
  const offersHidden = await page.$$eval(`${CELL} > [data-triage="offer"][data-triage-hidden]`, (els) => els.length);
  expect(offersHidden).toBe(0);

  // In the offers board the payloads appear literally, as text.
  const board = await context.newPage();
  const errors: string[] = [];
  board.on('pageerror', (e) => errors.push(String(e)));
  await expect(async () => {
    await board.goto(`chrome-extension://${extensionId}/board.html`);
    await expect(board.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).first()).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  const shown = await board.evaluate(() => document.body.innerText);
  let found = 0;
  for (const p of MARKUP_PAYLOADS) if (shown.includes(p)) found += 1;
  expect(found).toBeGreaterThanOrEqual(MARKUP_PAYLOADS.length - 2);
  expect(await dangerous(board)).toEqual([]);
  expect(await board.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('malformed messages from an extension page are refused and counted', async ({ context, extensionId, worker }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const before = await rejected(worker);
  const replies = await popup.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
    const send = (m: unknown) => c.runtime.sendMessage(m).then((r) => r ?? null, (e: unknown) => `error: ${String(e).slice(0, 40)}`);
    return Promise.all([
      send({ type: 'evil' }),
      send({ type: 'tab/get-status', tabId: 'all' }),
      send({ type: 'sightings/record', sightings: [{ key: '<script>' }] }),
      // A content-script message from a page: the right shape, the wrong sender.
      send({ type: 'offers/seen-before', keys: ['k'], since: 0 }),
    ]);
  });
  // No answer at all: the sender learns nothing.
  for (const r of replies) expect(r === null || String(r).startsWith('error:'), String(r)).toBe(true);
  expect(await rejected(worker)).toEqual({ shape: before.shape + 3, sender: before.sender + 1 });
});

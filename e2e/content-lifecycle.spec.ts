// Across visits and extension updates: offers shown are recorded through the
// background and marked on the next visit; an extension reload leaves the page
// without errors; the popup learns when x.com's page stops matching, or when
// the extension's own core could not start.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderTimelinePage } from './fixtures/render';
import { OFFER_DE, OFFER_EN, OFFER_NL, REWORDED_OFFER, SYMPATHY_DE, SYMPATHY_EN } from './fixtures/tweets';
import { DIST_CHROME, expect, test } from './harness/extension';
import { allTagged, CELL, setSettings, tabStatus } from './content-support';

const visit = [OFFER_EN, SYMPATHY_EN, OFFER_NL, SYMPATHY_DE, OFFER_DE];
const html = renderTimelinePage(visit, { uiLang: 'de' });
// X renamed its test ids: nothing a tweet needs can be found.
const broken = renderTimelinePage(Array.from({ length: 8 }, (_, i) => ({ ...OFFER_EN, id: `b${i}`, status_id: String(7000 + i), text: `${OFFER_EN.text} (${i})` })), {})
  .replaceAll('data-testid="User-Name"', 'data-testid="UserName"')
  .replaceAll('data-testid="tweetText"', 'data-testid="postText"')
  .replace(/<a href="\/[^"]+\/status\/\d+" dir="ltr"[^>]*>(<time[^>]*>[^<]*<\/time>)<\/a>/g, '<span>$1</span>');
// The next visit, on the hashtag's search page: the host posted her offer again, in other words.
const reworded = renderTimelinePage([REWORDED_OFFER, SYMPATHY_DE], { uiLang: 'en' });
test.use({
  xcom: {
    serve: (url) =>
      url.pathname === '/hashtag/hasselthelpt' ? html : url.pathname === '/search' ? reworded : url.pathname === '/hashtag/brokenpage' ? broken : null,
  },
});

const URL = 'https://x.com/hashtag/hasselthelpt';

test('an offer displayed on a first visit is marked "seen before" on the next one', async ({ page, worker }) => {
  await page.goto(URL);
  await allTagged(page);
  await expect(page.locator('[data-triage-seen]')).toHaveCount(0);
  // Sightings are sent in batches about a second apart.
  await page.waitForTimeout(2000);
  await page.reload();
  await allTagged(page);
  const offers = page.locator(`${CELL} > [data-triage="offer"]`);
  const count = await offers.count();
  expect(count).toBeGreaterThan(0);
  await expect(page.locator(`${CELL} > [data-triage="offer"][data-triage-seen]`)).toHaveCount(count);
  await expect(offers.first().locator('.ht-badge')).toContainText(/seen before|schon gesehen/);
  // With the "seen" filter on, they collapse to placeholders.
  await setSettings(worker, { filters: { sympathy: true, repeat: true, seen: true, stale: false, offtopic: false } });
  await expect(offers.first().locator('article')).toBeHidden();
  await expect(page.locator(CELL).first().locator('.ht-ph')).toBeVisible();
});

test('a rewording of an offer from an earlier visit is marked "seen before" and joins its entry on the board', async ({ page, context, extensionId }) => {
  await page.goto(URL);
  await allTagged(page);
  await page.waitForTimeout(2000);
  // A new tab: the content script starts afresh and takes the store's offers in.
  const next = await context.newPage();
  await next.goto('https://x.com/search?q=%23hasselthelpt&f=live');
  await allTagged(next);
  const offer = next.locator(`${CELL} > [data-triage="offer"]`);
  await expect(offer).toHaveCount(1);
  await expect(offer).toHaveAttribute('data-triage-seen', '');
  await expect(offer.locator('.ht-badge')).toContainText('seen before');
  // One entry on the board for the offer and its rewording.
  await next.waitForTimeout(2000);
  const board = await context.newPage();
  await board.goto(`chrome-extension://${extensionId}/board.html`);
  await expect(board.getByRole('article').filter({ hasText: '@annelies_h' })).toHaveCount(1);
});

test('the popup gets the tab status: tweets tagged, hidden counts, health', async ({ page, context, extensionId }) => {
  await page.goto(URL);
  await allTagged(page);
  await expect.poll(async () => (await tabStatus(context, extensionId))?.tagged, { timeout: 10_000 }).toBe(visit.length);
  const status = await tabStatus(context, extensionId);
  expect(status).toMatchObject({ url: URL, active: true, health: { ok: true, failing: [] } });
  expect(Object.keys(status!.hidden).sort()).toEqual(['offtopic', 'repeat', 'seen', 'stale', 'sympathy']);
});

test('a health check names what stopped matching instead of failing silently', async ({ page, context, extensionId, worker }) => {
  await setSettings(worker, { hashtags: ['brokenpage'] });
  await page.goto('https://x.com/hashtag/brokenpage');
  await expect
    .poll(async () => (await tabStatus(context, extensionId))?.health.failing ?? [], { timeout: 15_000 })
    .toEqual(expect.arrayContaining(['statusLink', 'userName', 'tweetText']));
  expect((await tabStatus(context, extensionId))?.health.ok).toBe(false);
});

test('an extension reload leaves the page working and without errors', async ({ page, context }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(URL);
  await allTagged(page);
  const sympathy = page.locator(CELL).nth(1);
  await expect(sympathy.locator('article')).toBeHidden();

  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  await page.waitForTimeout(1000);
  // Keep the page busy after the reload: X keeps adding cells and changing the URL.
  await page.mouse.wheel(0, 400);
  await page.evaluate(() => history.pushState({}, '', '/hashtag/hasselthelpt?f=live'));
  await page.waitForTimeout(2500);
  // What the user relied on is still there and still works.
  await expect(page.locator(`${CELL} > [data-triage]`)).toHaveCount(visit.length);
  await expect(sympathy.locator('article')).toBeHidden();
  await sympathy.locator('.ht-show').click();
  await expect(sympathy.locator('article')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test.describe('when the core cannot be run in the tab', () => {
  // The real build without core.js: the background's request to run it fails.
  test.use({
    // Playwright reads a fixture's dependencies from this pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    extensionDir: async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'triage-no-core-'));
      cpSync(DIST_CHROME, dir, { recursive: true });
      rmSync(join(dir, 'core.js'));
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  });

  test('every tweet stays shown, nothing reaches the page, and the popup says sorting could not start', async ({ page, context, extensionId }) => {
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(URL);
    await expect
      .poll(async () => (await tabStatus(context, extensionId))?.health.failing ?? [], { timeout: 15_000 })
      .toEqual(['core']);
    const status = await tabStatus(context, extensionId);
    // In scope, so the popup does not tell the user to add the hashtag they already listed.
    expect(status?.active).toBe(true);
    expect(status?.tagged).toBe(0);
    await expect(page.locator(`${CELL} > [data-triage]`)).toHaveCount(0);
    await expect(page.locator(`${CELL} article`)).toHaveCount(visit.length);
    for (const article of await page.locator(`${CELL} article`).all()) await expect(article).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});

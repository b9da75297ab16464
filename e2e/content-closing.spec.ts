// A host's "full" on a Latest timeline, which shows the newest post first: the
// message comes before the offer it is about and after the offers posted since.
// The real build closes the older offer (its badge, the board) and leaves the
// newer one open.
import { renderTimelinePage, type TimelineItem } from './fixtures/render';
import { OFFER_EN } from './fixtures/tweets';
import { expect, test } from './harness/extension';
import { allTagged, CELL } from './content-support';

const now = Date.now();
const ago = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
const host = (n: number, text: string, hours: number): TimelineItem => ({
  id: `h${n}`,
  status_id: String(106000 + n),
  author: 'lies_v',
  author_name: 'Lies',
  text,
  lang: 'nl',
  created_at: ago(hours),
});
const timeline = [
  host(1, 'Nieuwe slaapplaats voor 3 in Genk, stuur een DM #hasselthelpt', 1),
  { ...OFFER_EN, created_at: ago(1.5) },
  host(2, 'Slaapplaats in Hasselt is volzet, bedankt iedereen! #hasselthelpt', 2),
  host(3, 'Slaapplaats voor 2 in Hasselt, stuur een DM #hasselthelpt', 3),
];
const html = renderTimelinePage(timeline, { uiLang: 'en' });
// A later visit, on the hashtag's search page: only the host's "full" about the offer of the first visit.
const later = renderTimelinePage([{ ...host(4, 'Bedankt iedereen, de kamer is vergeven ❤️ #hasselthelpt', 0.5), author: 'kim_b', author_name: 'Kim' }], { uiLang: 'en' });
const first = renderTimelinePage([{ ...host(5, 'Logeerkamer voor 2 personen in Hasselt (Kiewit), stuur een DM #hasselthelpt', 3), author: 'kim_b', author_name: 'Kim' }], {
  uiLang: 'en',
  hashtag: 'hasselthelpt',
});
test.use({
  xcom: {
    serve: (url) =>
      url.pathname === '/hashtag/hasselthelpt' ? (url.searchParams.has('kim') ? first : html) : url.pathname === '/search' ? later : null,
  },
});

test('a "full" closes the older offer it is about, not the one posted after it, on the page and on the board', async ({ page, context, extensionId, network }) => {
  await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
  await allTagged(page);
  const cell = (statusId: string) => page.locator(CELL).filter({ has: page.locator(`a[href$="/status/${statusId}"]`) }).locator('> [data-triage]');
  await expect(cell('106003')).toHaveAttribute('data-triage', 'offer');
  await expect(cell('106003').locator('.ht-badge')).toContainText('closed');
  await expect(cell('106001')).toHaveAttribute('data-triage', 'offer');
  await expect(cell('106001').locator('.ht-badge')).not.toContainText('closed');
  // The store hears of it with the next sightings (about a second).
  await page.waitForTimeout(2000);
  const board = await context.newPage();
  await board.goto(`chrome-extension://${extensionId}/board.html`);
  const items = board.getByRole('article');
  await expect(items.filter({ hasText: 'Slaapplaats voor 2 in Hasselt' }).locator('.badge.status')).toHaveText('Closed');
  await expect(items.filter({ hasText: 'Nieuwe slaapplaats voor 3 in Genk' }).locator('.badge.status')).toHaveText('Open');
  expect(network.blocked).toEqual([]);
});

test('a "full" on a later visit closes the offer stored on an earlier one', async ({ page, context, extensionId, network }) => {
  await page.goto('https://x.com/hashtag/hasselthelpt?f=live&kim=1');
  await allTagged(page);
  await expect(page.locator(`${CELL} > [data-triage="offer"]`)).toHaveCount(1);
  await page.waitForTimeout(2000);
  const board = await context.newPage();
  await board.goto(`chrome-extension://${extensionId}/board.html`);
  const offer = board.getByRole('article').filter({ hasText: 'Logeerkamer voor 2 personen' });
  await expect(offer.locator('.badge.status')).toHaveText('Open');
  // A new tab: its repeat tracker takes the stored offers in, then reads the host's "full".
  const next = await context.newPage();
  await next.goto('https://x.com/search?q=%23hasselthelpt&f=live');
  await allTagged(next);
  // The board follows the store without a reload.
  await expect(offer.locator('.badge.status')).toHaveText('Closed', { timeout: 10_000 });
  expect(network.blocked).toEqual([]);
});

// A virtualised timeline like X's: cells far from the viewport are removed and
// re-created (new elements, same tweet) on the way back, more tweets arrive at
// the bottom. Every cell must be tagged whenever it exists, with the same
// verdict as before, and a tweet the user revealed stays revealed.
import { renderTimelinePage } from './fixtures/render';
import { generateTimeline } from './fixtures/tweets';
import { expect, test } from './harness/extension';
import { allTagged, CELL } from './content-support';

const items = generateTimeline(240);
const html = renderTimelinePage(items, { uiLang: 'nl', virtual: true, pageSize: 30 });
test.use({ xcom: { serve: (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null) } });

interface Snapshot {
  mounted: { id: string; label: string | null; hidden: string | null; revealed: boolean }[];
  untagged: number;
}

function snapshot(page: import('@playwright/test').Page): Promise<Snapshot> {
  return page.evaluate((sel) => {
    const mounted = [...document.querySelectorAll(sel)].map((cell) => {
      const first = cell.firstElementChild!;
      const link = first.querySelector('a[href*="/status/"] > time')?.parentElement?.getAttribute('href') ?? '';
      const reposter = first.querySelector('[data-testid="socialContext"]')?.closest('a')?.getAttribute('href') ?? '';
      return {
        id: `${link}|${reposter}`,
        label: first.getAttribute('data-triage'),
        hidden: first.getAttribute('data-triage-hidden'),
        revealed: first.hasAttribute('data-triage-revealed'),
      };
    });
    return { mounted, untagged: mounted.filter((m) => !m.label).length };
  }, CELL);
}

test('cells removed and re-created while scrolling keep their verdict', async ({ page, network }) => {
  await page.goto('https://x.com/hashtag/hasselthelpt');
  await allTagged(page);
  const verdicts = new Map<string, string>();
  const record = (s: Snapshot) => {
    for (const m of s.mounted) {
      const v = `${m.label}/${m.hidden}`;
      const before = verdicts.get(m.id);
      if (before !== undefined) expect(v, `verdict of ${m.id} changed`).toBe(before);
      verdicts.set(m.id, v);
    }
  };

  // Reveal the first hidden tweet near the top: it must stay revealed after a round trip.
  const hiddenCell = page.locator(`${CELL}:has(.ht-ph:visible)`).first();
  const revealedId = await hiddenCell.evaluate((c) => c.querySelector('a[href*="/status/"] > time')?.parentElement?.getAttribute('href') ?? '');
  await hiddenCell.locator('.ht-show').click();

  let guard = 0;
  while (guard++ < 200) {
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(40);
    // Tagged in the insertion's own task, or in the next one when a batch exceeded its time budget.
    await expect.poll(async () => (await snapshot(page)).untagged, { timeout: 2000 }).toBe(0);
    record(await snapshot(page));
    const stats = await page.evaluate(() => (window as unknown as { __fixtureStats: { removed: number } }).__fixtureStats);
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 5);
    if (atEnd && stats.removed > 0 && verdicts.size >= items.length * 0.9) break;
  }
  const stats = await page.evaluate(() => (window as unknown as { __fixtureStats: { removed: number; loads: number } }).__fixtureStats);
  expect(stats.loads).toBeGreaterThan(3);
  expect(stats.removed).toBeGreaterThan(50);

  // Back to the top: cells are re-created and tagged as before.
  while ((await page.evaluate(() => window.scrollY)) > 0) {
    await page.mouse.wheel(0, -1500);
    await page.waitForTimeout(30);
    await expect.poll(async () => (await snapshot(page)).untagged, { timeout: 2000 }).toBe(0);
    record(await snapshot(page));
  }
  const top = await snapshot(page);
  const revealed = top.mounted.find((m) => m.id.startsWith(revealedId + '|'));
  expect(revealed?.revealed).toBe(true);
  expect(revealed?.hidden).toBeNull();
  expect(network.blocked).toEqual([]);
});

// x.com is a single-page app: the content script follows pushState navigation,
// filters the listed crisis hashtags only (or every timeline when asked), and
// does nothing on other pages.
import { renderTimelinePage } from './fixtures/render';
import { CRISIS_TIMELINE, OFFER_NL, PROFILE_TIMELINE, SYMPATHY_EN } from './fixtures/tweets';
import { expect, test } from './harness/extension';
import { allTagged, CELL, coreScriptRan, FIRST, setSettings } from './content-support';

const home = [
  { ...OFFER_NL, id: 'h1', text: 'Opvang nodig? Kijk op #hasselthelpt en #nietgelijst voor hulp' },
  { ...SYMPATHY_EN, id: 'h2' },
  { ...SYMPATHY_EN, id: 'h3', status_id: '104099', text: 'Thoughts and prayers with everyone 🙏 see @stad_hasselt' },
];
const html = renderTimelinePage(home, {
  uiLang: 'fr',
  path: '/home',
  routes: {
    '/hashtag/hasselthelpt': { items: CRISIS_TIMELINE, hashtag: 'hasselthelpt' },
    '/hashtag/nietgelijst': { items: CRISIS_TIMELINE.slice(0, 6), hashtag: 'nietgelijst' },
    '/stad_hasselt': { items: PROFILE_TIMELINE, title: 'Stad Hasselt (@stad_hasselt)' },
  },
});
const PATHS = ['/home', '/hashtag/hasselthelpt', '/hashtag/nietgelijst', '/stad_hasselt'];
test.use({ xcom: { serve: (url) => (PATHS.includes(url.pathname) ? html : null) } });

const tagged = (page: import('@playwright/test').Page) => page.locator(`${FIRST}[data-triage]`).count();

test('follows single-page navigation in and out of scope', async ({ page, network }) => {
  await page.goto('https://x.com/home');
  await page.waitForTimeout(800);
  // Out of scope: nothing tagged, nothing injected, and the core (core.js) never loaded.
  expect(await tagged(page)).toBe(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-triage-filters', /.*/);
  await expect(page.locator('#hashtag-triage-style')).toHaveCount(0);
  expect(await coreScriptRan(page)).toBe(false);
  expect(await page.evaluate(() => '__hashtagTriageCore' in globalThis)).toBe(false);

  await page.locator(CELL).first().getByRole('link', { name: '#hasselthelpt' }).click();
  await expect(page).toHaveURL(/\/hashtag\/hasselthelpt/);
  await allTagged(page);
  await expect(page.locator('html')).toHaveAttribute('data-triage-filters', 'sympathy repeat');
  expect(await tagged(page)).toBe(CRISIS_TIMELINE.length);
  // The first page in scope brought the core into the content script's world, not into x.com's.
  expect(await coreScriptRan(page)).toBe(true);
  expect(await page.evaluate(() => '__hashtagTriageCore' in globalThis)).toBe(false);

  // A hashtag that is not listed: filters off on that page.
  await page.evaluate(() => (window as unknown as { __fixture: { navigate(p: string): void } }).__fixture.navigate('/hashtag/nietgelijst'));
  await expect(page).toHaveURL(/nietgelijst/);
  await expect(page.locator('html')).not.toHaveAttribute('data-triage-filters', /.*/);
  await page.waitForTimeout(300);
  expect(await tagged(page)).toBe(0);

  await page.goBack();
  await expect(page).toHaveURL(/\/hashtag\/hasselthelpt/);
  await allTagged(page);
  await expect(page.locator('html')).toHaveAttribute('data-triage-filters', 'sympathy repeat');
  expect(network.blocked).toEqual([]);
});

test('coming back to the timeline (Back from a profile) is the same visit: its offers are not "seen before"', async ({ page, worker }) => {
  await setSettings(worker, { filters: { sympathy: true, repeat: true, seen: true, stale: false, offtopic: false } });
  await page.goto('https://x.com/hashtag/hasselthelpt');
  await allTagged(page);
  const offers = page.locator(`${FIRST}[data-triage="offer"]`);
  const count = await offers.count();
  expect(count).toBeGreaterThan(0);
  // Sightings reach the store about a second apart.
  await page.waitForTimeout(2000);
  await page.evaluate(() => (window as unknown as { __fixture: { navigate(p: string): void } }).__fixture.navigate('/stad_hasselt'));
  await expect(page).toHaveURL(/stad_hasselt/);
  await page.waitForTimeout(300);
  await page.goBack();
  await expect(page).toHaveURL(/\/hashtag\/hasselthelpt/);
  await allTagged(page);
  await expect(offers).toHaveCount(count);
  // The store's answer rides with the next sightings, about a second later: give it the time to come.
  await page.waitForTimeout(2500);
  await expect(page.locator(`${FIRST}[data-triage-seen]`)).toHaveCount(0);
  await expect(page.locator(`${FIRST}[data-triage-hidden="seen"]`)).toHaveCount(0);
});

test('a hashtag turned on from the page starts filtering without a reload', async ({ page, worker }) => {
  await page.goto('https://x.com/hashtag/nietgelijst');
  await page.waitForTimeout(500);
  expect(await tagged(page)).toBe(0);
  await setSettings(worker, { hashtags: ['hasselthelpt', 'nietgelijst'] });
  await allTagged(page);
  await expect(page.locator('html')).toHaveAttribute('data-triage-filters', 'sympathy repeat');
});

test('"every timeline" filters profiles and home too, pinned and reposts included', async ({ page, worker }) => {
  await page.goto('https://x.com/home');
  await page.waitForTimeout(300);
  await setSettings(worker, { everywhere: true });
  await allTagged(page);
  await page.evaluate(() => (window as unknown as { __fixture: { navigate(p: string): void } }).__fixture.navigate('/stad_hasselt'));
  await expect(page).toHaveTitle(/Stad Hasselt/);
  await allTagged(page);
  expect(await tagged(page)).toBe(PROFILE_TIMELINE.length);
});

// The popup as the real extension page in Chromium: settings persist in
// storage.local, the current x.com page can be turned on, keyboard use and
// language follow the browser.
import { renderTimelinePage } from './fixtures/render';
import { OFFER_EN, OFFER_NL, REPOST_OF_OFFER, REQUEST_NL, SYMPATHY_EN } from './fixtures/tweets';
import { expect, focusRing, openPage, storedSettings, test } from './pages-support';

// An offer, its native repost (a repeat), a request, another offer, a sympathy message.
const timeline = (tag: string) => renderTimelinePage([OFFER_EN, REPOST_OF_OFFER, REQUEST_NL, OFFER_NL, SYMPATHY_EN], { hashtag: tag });

test.use({
  xcom: {
    serve: (url) => {
      const m = /^\/hashtag\/(\w+)/.exec(url.pathname);
      return m?.[1] ? timeline(m[1]) : null;
    },
  },
});

test('switches persist in storage and survive reopening the popup', async ({ context, extensionId, worker, network }) => {
  const { page, errors } = await openPage(context, extensionId, 'popup');
  const master = page.getByRole('switch', { name: 'Filter crisis hashtags' });
  await expect(master).toBeChecked();
  await master.click();
  await expect(master).not.toBeChecked();
  await page.getByRole('switch', { name: 'Off-topic, spam and ads' }).click();
  await expect.poll(async () => (await storedSettings(worker))?.enabled).toBe(false);
  expect(((await storedSettings(worker))?.filters as Record<string, boolean>).offtopic).toBe(true);

  await page.close();
  const again = await openPage(context, extensionId, 'popup');
  await expect(again.page.getByRole('switch', { name: 'Filter crisis hashtags' })).not.toBeChecked();
  await expect(again.page.getByRole('switch', { name: 'Off-topic, spam and ads' })).toBeChecked();
  expect([...errors, ...again.errors]).toEqual([]);
  expect(network.blocked).toEqual([]);
});

test('turns the filters on for the x.com page in the active tab', async ({ context, extensionId, worker, page }) => {
  await page.goto('https://x.com/hashtag/Watersnood?f=live');
  const popup = await openPage(context, extensionId, 'popup');
  // The popup asks for the active tab: make the x.com tab active, then load the popup again.
  await page.bringToFront();
  await popup.page.reload();
  const button = popup.page.getByRole('button', { name: 'Turn on for #Watersnood' });
  await expect(button).toBeVisible();
  await button.click();
  await expect(popup.page.getByText('Filtering is on for #Watersnood.')).toBeVisible();
  await expect.poll(async () => (await storedSettings(worker))?.hashtags).toContain('Watersnood');
  expect(popup.errors).toEqual([]);
});

test('shows what the filters hid on the active tab, and a change applies to the tab at once', async ({ context, extensionId, page }) => {
  await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
  const visibleTweets = page.locator('article[data-testid="tweet"]:visible');
  const popup = await openPage(context, extensionId, 'popup');
  await page.bringToFront();
  await popup.page.reload();
  await expect(popup.page.getByText('Tweets sorted on this tab: 5')).toBeVisible();
  // The native repost of the offer is a repeat: its filter hid at least that one.
  const repeats = popup.page.getByRole('switch', { name: 'Repeats of a message already shown' });
  await expect(repeats).toHaveAccessibleDescription(/^[1-9]\d* hidden$/);
  const countId = await repeats.getAttribute('aria-describedby');
  const hidden = Number.parseInt((await popup.page.locator(`#${countId}`).textContent()) ?? '', 10);
  const before = await visibleTweets.count();
  expect(before).toBeLessThanOrEqual(5 - hidden);

  await repeats.click();
  await expect(visibleTweets).toHaveCount(before + hidden);
  await repeats.click();
  await expect(visibleTweets).toHaveCount(before);
  await popup.page.getByRole('switch', { name: 'Filter crisis hashtags' }).click();
  await expect(visibleTweets).toHaveCount(5);
  expect(popup.errors).toEqual([]);
});

test('works with the keyboard alone, with a visible focus ring', async ({ context, extensionId, worker }) => {
  const { page } = await openPage(context, extensionId, 'popup');
  await expect(page.getByRole('switch', { name: 'Filter crisis hashtags' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch', { name: 'Filter crisis hashtags' })).toBeFocused();
  const ring = await focusRing(page);
  expect(ring.style).toBe('solid');
  expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await storedSettings(worker))?.enabled).toBe(false);

  // Type a hashtag and add it with Enter.
  await page.getByRole('textbox', { name: 'Hashtag to add' }).focus();
  await page.keyboard.type('#Inondations');
  await page.keyboard.press('Enter');
  await expect(page.getByText('#Inondations')).toBeVisible();
  await expect.poll(async () => (await storedSettings(worker))?.hashtags).toContain('Inondations');
});

test('follows the system theme', async ({ context, extensionId }) => {
  const { page } = await openPage(context, extensionId, 'popup');
  await page.emulateMedia({ colorScheme: 'light' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bg()).toBe('rgb(21, 32, 43)');
});

test.describe('in Dutch', () => {
  test.use({ uiLocale: 'nl-NL' });
  test('speaks the browser language', async ({ context, extensionId }) => {
    const { page } = await openPage(context, extensionId, 'popup');
    await expect(page.getByRole('switch', { name: 'Crisishashtags filteren' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', /^nl/);
  });
});

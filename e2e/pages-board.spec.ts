// The offers board as the real extension page in Chromium.
import { expect, focusRing, openPage, test } from './pages-support';

test('renders with no offers yet, makes no request, and is keyboard usable', async ({ context, extensionId, network }) => {
  const { page, errors } = await openPage(context, extensionId, 'board');
  await expect(page.getByRole('heading', { level: 1, name: 'Offers board' })).toBeVisible();
  await expect(page).toHaveTitle('Offers board - Hashtag Triage');
  await expect(page.getByText(/No offers seen yet/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  expect((await focusRing(page)).style).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toBeFocused();
  expect(errors).toEqual([]);
  expect(network.blocked).toEqual([]);
});

test.describe('in German', () => {
  test.use({ uiLocale: 'de-DE' });
  test('speaks the browser language', async ({ context, extensionId }) => {
    const { page } = await openPage(context, extensionId, 'board');
    await expect(page.getByRole('heading', { level: 1, name: 'Angebotsübersicht' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Art' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  });
});

// The offers board as the real extension page in Chromium, fed the way real
// data arrives: an x.com timeline read by the content script, stored by the
// background, read by the page from the store.
import { readFileSync } from 'node:fs';
import { expect, focusRing, openPage, serveRecentTimeline, test } from './pages-support';

test.describe('with offers seen on x.com', () => {
  test.use({ xcom: serveRecentTimeline });

  test('fills as the timeline is read, one entry per offer, and marks persist', async ({ context, extensionId, page, network }) => {
    const board = await openPage(context, extensionId, 'board');
    await expect(board.page.getByText(/No offers seen yet/)).toBeVisible();

    // The board is open while the timeline is read: it follows the store without a reload.
    await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
    const items = board.page.getByRole('article');
    await expect(items.filter({ hasText: '@annelies_h' })).toHaveCount(1);
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(3);
    // Newest post first.
    const posted = await items.locator('time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
    expect(posted).toEqual([...posted].sort((a, b) => b - a));

    const offer = items.filter({ hasText: '@annelies_h' });
    await expect(offer.getByRole('link', { name: 'Open on X' })).toHaveAttribute('href', 'https://x.com/annelies_h/status/104001');
    await expect(offer.locator('.badge.status')).toHaveText('Open');
    await offer.getByRole('button', { name: 'Contacted' }).click();
    await expect(offer.getByRole('button', { name: 'Contacted' })).toHaveAttribute('aria-pressed', 'true');

    await board.page.reload();
    const again = board.page.getByRole('article').filter({ hasText: '@annelies_h' });
    await expect(again.getByRole('button', { name: 'Contacted' })).toHaveAttribute('aria-pressed', 'true');
    await expect(again.getByRole('button', { name: 'Taken' })).toHaveAttribute('aria-pressed', 'false');
    expect(board.errors).toEqual([]);
    expect(network.blocked).toEqual([]);
  });

  test('filters and exports the current view', async ({ context, extensionId, page }) => {
    await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
    const { page: board } = await openPage(context, extensionId, 'board');
    await expect.poll(() => board.getByRole('article').count()).toBeGreaterThanOrEqual(3);

    await board.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await expect(board.getByRole('article')).toHaveCount(1);
    await expect(board.getByRole('article')).toContainText('@camille_lg');

    const [download] = await Promise.all([board.waitForEvent('download'), board.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^offers-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[0]).toMatch(/^key,kind,status,author,/);
    expect(csv[1]).toContain('camille_lg');

    await board.getByRole('searchbox', { name: 'Search' }).fill('nothing like this');
    await expect(board.getByText('No offer matches these filters.')).toBeVisible();
    await expect(board.getByRole('button', { name: 'Export JSON' })).toBeDisabled();
  });
});

test.describe('backup and restore', () => {
  test.use({ xcom: serveRecentTimeline });

  test('backs up the store, refuses a broken file without losing anything, restores the backup', async ({ context, extensionId, page, network }) => {
    await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
    const { page: board, errors } = await openPage(context, extensionId, 'board');
    await expect.poll(() => board.getByRole('article').count()).toBeGreaterThanOrEqual(3);
    const count = await board.getByRole('article').count();

    const [download] = await Promise.all([board.waitForEvent('download'), board.getByRole('button', { name: 'Back up everything (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hashtag-triage-backup-.*\.json$/);
    const backup = readFileSync(await download.path());
    await expect(board.getByText(`Backup saved: ${count} offers with their sightings and counts.`)).toBeVisible();

    const file = board.locator('input[type="file"]');
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"hashtag-triage-offers","offers":[{"key":1}') });
    await expect(board.getByRole('alert')).toContainText('Import refused: the file is not valid JSON');
    await expect(board.getByRole('alert')).toContainText('Nothing was changed.');
    await expect(board.getByRole('article')).toHaveCount(count);

    await file.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    await expect(board.getByText(`Backup restored: 0 offers added, ${count} already stored were merged. Nothing stored was lost.`)).toBeVisible();
    await expect(board.getByRole('article')).toHaveCount(count);
    expect(errors).toEqual([]);
    expect(network.blocked).toEqual([]);
  });
});

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

// The "Was my offer seen?" page as the real extension page in Chromium.
import { expect, openPage, serveRecentTimeline, storedSettings, test } from './pages-support';

test.describe('with an offer seen on x.com', () => {
  test.use({ xcom: serveRecentTimeline });

  test("shows the host's offer with the counts X showed and the accounts that carried it", async ({ context, extensionId, page, network }) => {
    await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
    const host = await openPage(context, extensionId, 'host');
    await host.page.getByRole('textbox', { name: 'Your handle(s) on X' }).fill('@Annelies_H');
    await host.page.getByRole('button', { name: 'Show' }).click();
    await expect(host.page.getByRole('heading', { name: 'Offers by @Annelies_H seen in this browser: 1' })).toBeVisible();

    const offer = host.page.getByRole('article');
    await expect(offer).toContainText('Spare room in Hasselt');
    // The counts the fixture's action bar shows (views 116,524; reposts 1,530).
    await expect(offer.getByRole('definition').first()).toHaveText('116,524');
    await expect(offer.getByRole('definition').nth(1)).toHaveText('1,530');
    await expect(offer.getByRole('img', { name: /^Views: from 116,524 to 116,524/ })).toBeVisible();
    await expect(offer.getByText(/^Times it came by in timelines read here: \d+$/)).toBeVisible();
    await expect(offer.getByRole('link', { name: 'Reposted by @sofie_p' })).toHaveAttribute('href', 'https://x.com/sofie_p');
    await expect(offer.getByRole('link', { name: 'Open on X' })).toHaveAttribute('href', 'https://x.com/annelies_h/status/104001');
    expect(host.errors).toEqual([]);
    expect(network.blocked).toEqual([]);
  });
});

test('explains its numbers, remembers the handles, makes no request', async ({ context, extensionId, worker, network }) => {
  const { page, errors } = await openPage(context, extensionId, 'host');
  await expect(page.getByRole('heading', { level: 1, name: 'Was my offer seen?' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Where these numbers come from' })).toContainText('Nothing is sent anywhere');

  await page.getByRole('textbox', { name: 'Your handle(s) on X' }).fill('@lindevh, tom_herk');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Offers by @lindevh, @tom_herk seen in this browser: 0' })).toBeVisible();
  await expect.poll(() => worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('hostHandles')).hostHandles;
  })).toEqual(['lindevh', 'tom_herk']);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your handle(s) on X' })).toHaveValue('@lindevh @tom_herk');
  // The host page never touches the filter settings.
  expect(await storedSettings(worker)).toBeUndefined();
  expect(errors).toEqual([]);
  expect(network.blocked).toEqual([]);
});

test.describe('in French', () => {
  test.use({ uiLocale: 'fr-FR' });
  test('speaks the browser language', async ({ context, extensionId }) => {
    const { page } = await openPage(context, extensionId, 'host');
    await expect(page.getByRole('heading', { level: 1, name: 'Mon offre a-t-elle été vue ?' })).toBeVisible();
    await expect(page.getByText("D'où viennent ces chiffres")).toBeVisible();
  });
});

// The "Was my offer seen?" page as the real extension page in Chromium.
import { expect, openPage, storedSettings, test } from './pages-support';

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

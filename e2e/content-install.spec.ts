// Chrome runs an extension's content scripts only in pages loaded after it was
// installed or updated. An x.com tab already open is filtered anyway: the
// background runs content.js in it (src/background/open-tabs.ts). The extension
// is loaded here while the tab is open, through the DevTools protocol.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CELL } from './content-support';
import { renderTimelinePage } from './fixtures/render';
import { OFFER_EN, SYMPATHY_EN } from './fixtures/tweets';
import { CHROMIUM, CHROMIUM_ARGS, DIST_CHROME, routeNetwork } from './harness/extension';

const html = renderTimelinePage([OFFER_EN, SYMPATHY_EN], { uiLang: 'en' });

test('an x.com tab open when the extension is installed is filtered without a reload', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'triage-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // Extensions.loadUnpacked needs this flag, and extensions allowed at all.
    args: [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging'],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  try {
    const network = await routeNetwork(context, (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null));
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('https://x.com/hashtag/hasselthelpt');
    await expect(page.locator(`${CELL} article`)).toHaveCount(2);
    await expect(page.locator(`${CELL} > [data-triage]`)).toHaveCount(0);

    const browser = context.browser();
    if (!browser) throw new Error('no browser behind the context');
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked', { path: DIST_CHROME });

    await expect(page.locator(`${CELL} > [data-triage="offer"]`)).toHaveCount(1, { timeout: 15_000 });
    await expect(page.locator(`${CELL} > [data-triage="sympathy"]`)).toHaveAttribute('data-triage-hidden', 'sympathy');
    expect(errors).toEqual([]);
    expect(network.blocked).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

import { expect, test } from './harness/extension';

const page1 = `<!doctype html><html lang="en"><head><title>#hasselthelpt - Search / X</title></head><body>
<main><div data-testid="primaryColumn"><section><h1>Timeline</h1><div aria-label="Timeline: Search timeline"><div>
<div data-testid="cellInnerDiv" style="transform: translateY(0px); position: absolute; width: 100%"><div><div>
<article data-testid="tweet" role="article" tabindex="0"><div data-testid="tweetText" lang="en" dir="auto">
<span>Thoughts with everyone at the festival</span></div></article></div></div></div>
</div></div></section></div></main></body></html>`;

test.use({ xcom: { serve: (url) => (url.pathname.startsWith('/hashtag/') ? page1 : null) } });

test('the extension loads in Chromium and its content script runs on an x.com fixture', async ({ page, network, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  await page.goto('https://x.com/hashtag/hasselthelpt?src=hashtag_click&f=live');
  await expect(page.locator('[data-testid="cellInnerDiv"] > div').first()).toHaveAttribute('data-triage', /.+/);
  expect(network.blocked).toEqual([]);
});

test('the popup page renders from the build', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('h1')).toContainText('Hashtag Triage');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchFirefox, type FirefoxSession } from './launch';

const fixture = `<!doctype html><html lang="en"><head><title>#hasselthelpt - Search / X</title></head><body>
<main><div data-testid="primaryColumn"><section><h1>Timeline</h1><div aria-label="Timeline"><div>
<div data-testid="cellInnerDiv" style="transform: translateY(0px); position: absolute; width: 100%"><div><div>
<article data-testid="tweet" role="article" tabindex="0"><div data-testid="tweetText" lang="en" dir="auto">
<span>Thoughts with everyone at the festival</span></div></article></div></div></div>
</div></div></section></div></main></body></html>`;

let ff: FirefoxSession;
before(async () => {
  ff = await launchFirefox((url) => (url.pathname.startsWith('/hashtag/') ? fixture : null));
});
after(async () => {
  await ff?.close();
});

test('Firefox: the content script tags a fixture timeline', async () => {
  const page = await ff.open('https://x.com/hashtag/hasselthelpt');
  await page.waitForSelector('[data-testid="cellInnerDiv"] > div[data-triage]', { timeout: 15_000 });
  assert.deepEqual(ff.blocked, []);
});

// Firefox: the launcher's net catches requests that tab interception never sees
// (as the background page's would be), and hostile tweets stay text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MARKUP_PAYLOADS } from '../../src/core/hostile-inputs';
import { renderTimelinePage } from '../fixtures/render';
import { launchFirefox, type FirefoxSession } from './launch';

const items = MARKUP_PAYLOADS.map((p, i) => ({
  id: `f${i}`,
  status_id: String(600000 + i),
  author: `host_${i}`,
  author_name: p,
  text: `Spare room for 2 in Hasselt tonight ${p} send me a DM #hasselthelpt`,
  lang: 'en',
  created_at: new Date(Date.now() - 3_600_000).toISOString(),
}));
const fixture = renderTimelinePage(items, { uiLang: 'en' });

let ff: FirefoxSession;
before(async () => {
  ff = await launchFirefox((url) => (url.pathname.startsWith('/hashtag/') ? fixture : null));
});
after(async () => {
  await ff?.close();
});

test('Firefox: a request outside tab interception is caught and counted', async () => {
  // A tab without interception stands in for the background page, whose requests no tab handler sees.
  const page = await ff.browser.newPage();
  const outcome = await page.evaluate(() => fetch('https://example.org/from-firefox').then(() => 'answered', () => 'failed'));
  await page.close();
  assert.equal(outcome, 'failed');
  assert.ok(ff.blocked.some((b) => b.includes('example.org')), ff.blocked.join('\n'));
  // The test's own request: cleared, so closing the session does not fail for it.
  ff.blocked.length = 0;
});

test('Firefox: hostile tweets are tagged and stay text', async () => {
  const page = await ff.open('https://x.com/hashtag/hasselthelpt');
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
    return cells.length > 0 && cells.every((c) => c.firstElementChild?.hasAttribute('data-triage'));
  });
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    dangerous: document.querySelectorAll('iframe, object, embed, [onerror], [onload], [srcdoc], a[href^="javascript:"]').length,
    badges: [...document.querySelectorAll('.ht-badge, .ht-ph')].flatMap((b) => [...b.querySelectorAll('*')].map((c) => c.tagName.toLowerCase())),
  }));
  assert.equal(found.pwned, undefined);
  assert.equal(found.dangerous, 0);
  assert.ok(found.badges.every((t) => t === 'span' || t === 'button'), found.badges.join(','));
  assert.deepEqual(ff.blocked, []);
});

// The content script on a crisis hashtag page, in every UI language the
// fixtures cover: every tweet tagged, sympathy-only noise and repeats collapsed
// to placeholders that say why, offers and requests always shown.
import { renderTimelinePage } from './fixtures/render';
import { UI_LANGS } from './fixtures/locales';
import { CRISIS_TIMELINE } from './fixtures/tweets';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, DIST_CHROME, expect, test } from './harness/extension';
import { allTagged, CELL, FIRST, hiddenBy, LABELS, readCells, setSettings } from './content-support';

const URL = 'https://x.com/hashtag/hasselthelpt?src=hashtag_click&f=live';
const index = (id: string) => CRISIS_TIMELINE.findIndex((t) => t.id === id);
const ACTIONABLE = ['e1', 'e3', 'e5', 'e8', 'e10'].map(index); // offers and the request, first occurrences

for (const lang of UI_LANGS) {
  test.describe(`x.com in ${lang}`, () => {
    const html = renderTimelinePage(CRISIS_TIMELINE, { uiLang: lang });
    test.use({ xcom: { serve: (url) => (url.pathname.toLowerCase() === '/hashtag/hasselthelpt' ? html : null) } });

    test('tags every tweet and hides only sympathy-only messages and repeats', async ({ page, network }) => {
      await page.goto(URL);
      await allTagged(page);
      await expect(page.locator('html')).toHaveAttribute('data-triage-filters', 'sympathy repeat');
      const cells = await readCells(page);
      expect(cells).toHaveLength(CRISIS_TIMELINE.length);
      for (const c of cells) expect(LABELS).toContain(c.label);

      // The worst error: an offer or a request hidden.
      for (const i of ACTIONABLE) {
        expect(cells[i]?.tweetVisible, `tweet ${i} must stay visible`).toBe(true);
        expect(['offer', 'request']).toContain(cells[i]?.label);
      }
      // Hidden tweets collapse to a placeholder that says why; runs show one placeholder.
      for (const c of cells) {
        const hiddenNow = hiddenBy(c, ['sympathy', 'repeat']);
        expect(c.tweetVisible).toBe(!hiddenNow);
        if (c.hidden === 'sympathy' || c.also?.includes('sympathy')) expect(c.label).toBe('sympathy');
        if (hiddenNow && !(c.run && ['sympathy', 'repeat'].includes(c.hidden ?? ''))) expect(c.placeholder).toBeTruthy();
        if (!hiddenNow) expect(c.placeholder).toBeNull();
      }
      const sympathy = cells[index('e2')]!;
      expect(sympathy.hidden).toBe('sympathy');
      expect(sympathy.tweetVisible).toBe(false);
      // The repost of the first offer is a repeat; the first one stays with a badge.
      expect(cells[index('e4')]!.hidden).toBe('repeat');
      expect(cells[index('e1')]!.badge).toBeTruthy();
      // The cell itself is never touched: X positions it by its style.
      const cellAttrs = await page.$$eval(CELL, (els) => els.map((e) => e.getAttributeNames().sort().join(',')));
      expect(new Set(cellAttrs)).toEqual(new Set(['data-testid,style']));
      expect(network.blocked).toEqual([]);
    });
  });
}

test.describe('placeholders and filters', () => {
  const html = renderTimelinePage(CRISIS_TIMELINE, { uiLang: 'en' });
  test.use({ xcom: { serve: (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null) } });

  test('a hidden tweet is one keyboard press away', async ({ page }) => {
    await page.goto(URL);
    await allTagged(page);
    const cell = page.locator(CELL).nth(index('e2'));
    const placeholder = cell.locator('.ht-ph');
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toContainText('Sympathy message hidden.');
    await expect(cell.locator('article')).toBeHidden();
    const show = placeholder.getByRole('button', { name: 'Show' });
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(cell.locator('article')).toBeVisible();
    await expect(placeholder).toHaveCount(0);
    await expect(cell.locator('> div').first()).toHaveAttribute('data-triage-revealed', /sympathy/);
  });

  test('switching a filter changes one attribute on the document and no cell', async ({ page, worker }) => {
    await page.goto(URL);
    await allTagged(page);
    const snapshot = () => page.$$eval(FIRST, (els) => els.map((e) => e.getAttributeNames().map((n) => `${n}=${e.getAttribute(n)}`).join(' ')));
    const before = await snapshot();
    // Count the extension's own writes in the timeline (X's fixture re-measures cells when they change size).
    await page.evaluate(() => {
      const w = window as unknown as { __cellMutations: number };
      w.__cellMutations = 0;
      const ours = (n: Node) => n instanceof Element && n.classList.contains('ht-node');
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' || [...r.addedNodes, ...r.removedNodes].some(ours)) w.__cellMutations += 1;
        }
      }).observe(document.querySelector('[data-testid="primaryColumn"]')!, {
        subtree: true,
        childList: true,
        attributeFilter: ['data-triage', 'data-triage-hidden', 'data-triage-also', 'data-triage-run', 'data-triage-group', 'class'],
      });
    });
    const sympathyTweet = page.locator(CELL).nth(index('e2')).locator('article');
    await expect(sympathyTweet).toBeHidden();

    await setSettings(worker, { filters: { sympathy: false, repeat: true, seen: false, stale: false, offtopic: true } });
    await expect(page.locator('html')).toHaveAttribute('data-triage-filters', 'repeat offtopic');
    await expect(sympathyTweet).toBeVisible();
    await expect(page.locator(CELL).nth(index('e13')).locator('article')).toBeHidden(); // the ad
    expect(await snapshot()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { __cellMutations: number }).__cellMutations)).toBe(0);

    await setSettings(worker, { enabled: false });
    await expect(page.locator('html')).not.toHaveAttribute('data-triage-filters', /.*/);
    await expect(sympathyTweet).toBeVisible();
    await expect(page.locator(CELL).nth(index('e4')).locator('article')).toBeVisible();
  });
});

// The extension's UI language is the browser's: launch a Dutch Chromium (Playwright's locale sets only the page's).
const dutch = test.extend({
  // Playwright reads the fixtures a function needs from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'triage-nl-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'nl-NL',
      args: [...CHROMIUM_ARGS, '--lang=nl', `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
    });
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 15_000 });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
});

dutch.describe("placeholders in the extension's UI language", () => {
  const html = renderTimelinePage(CRISIS_TIMELINE, { uiLang: 'ja' });
  dutch.use({ xcom: { serve: (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null) } });

  dutch('a Dutch browser gets Dutch placeholders, whatever language x.com shows', async ({ page }) => {
    await page.goto(URL);
    await allTagged(page);
    const placeholder = page.locator(CELL).nth(index('e2')).locator('.ht-ph');
    await expect(placeholder).toContainText('Bericht van medeleven verborgen.');
    await expect(placeholder.getByRole('button', { name: 'Tonen' })).toBeVisible();
    await expect(page.locator(CELL).nth(index('e1')).locator('.ht-badge')).toContainText(/^Aanbod · eerst gepost /);
  });
});

// Helpers for the tests of the extension's own pages in the real build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { renderTimelinePage, type TimelineItem } from './fixtures/render';
import { COPY_OF_OFFER, OFFER_DE, OFFER_EN, OFFER_FR, OFFER_NL, REPOST_OF_OFFER, REQUEST_NL, SYMPATHY_EN } from './fixtures/tweets';
import { CHROMIUM, CHROMIUM_ARGS, DIST_CHROME, test as base } from './harness/extension';

/**
 * The harness's fixtures, with Chromium started in the UI language: extension
 * strings follow `--lang` (Chromium ships "nl", not "nl-NL"), not the page
 * locale the harness sets.
 */
export const test = base.extend<{ context: BrowserContext }>({
  context: async ({ uiLocale }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'triage-pages-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: uiLocale,
      viewport: { width: 1000, height: 900 },
      args: [...CHROMIUM_ARGS, `--lang=${uiLocale.split('-')[0]}`, `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
});

export { expect } from './harness/extension';

/** The few extension APIs the tests call inside the browser (no @types/chrome here). */
export interface ChromeLike {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
}

export type PageName = 'popup' | 'board' | 'host';

/** Opens an extension page in a new tab and collects its errors and console errors. */
export async function openPage(context: BrowserContext, extensionId: string, name: PageName): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`chrome-extension://${extensionId}/${name}.html`);
  return { page, errors };
}

/** The settings object as stored, read in the background. */
export async function storedSettings(worker: Worker): Promise<Record<string, unknown> | undefined> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    const got = await api.storage.local.get('settings');
    return got.settings as Record<string, unknown> | undefined;
  });
}

/** Computed outline of the focused element: a visible focus ring has a style and a width. */
export async function focusRing(page: Page): Promise<{ tag: string; style: string; width: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return { tag: el.tagName.toLowerCase(), style: cs.outlineStyle, width: cs.outlineWidth };
  });
}

/**
 * A crisis timeline posted in the last hours: four offers (one of them reposted
 * natively by @sofie_p and copied by @pieter_g), a request, a sympathy message.
 */
export function recentTimeline(now = Date.now()): string {
  const items: TimelineItem[] = [OFFER_EN, REPOST_OF_OFFER, REQUEST_NL, OFFER_NL, SYMPATHY_EN, OFFER_FR, OFFER_DE, COPY_OF_OFFER];
  const recent = items.map((it, i) => ({ ...it, created_at: new Date(now - (3 - i * 0.25) * 3_600_000).toISOString() }));
  return renderTimelinePage(recent, { hashtag: 'hasselthelpt' });
}

/** Serves `recentTimeline()` for every x.com hashtag page. */
export const serveRecentTimeline = { serve: (url: URL) => (url.pathname.startsWith('/hashtag/') ? recentTimeline() : null) };

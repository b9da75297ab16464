// Page objects for the content-script browser tests: the x.com timeline as the
// extension leaves it, the settings as the popup would write them, and the
// status the background keeps for the popup.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { defaults, type Settings } from '../src/core/settings';
import type { TabStatus } from '../src/shared/messages';
import { evaluateInContentWorld } from './harness/content-world';

export const CELL = '[data-testid="cellInnerDiv"]';
export const FIRST = `${CELL} > div:first-child`;
export const LABELS = ['offer', 'request', 'info', 'sympathy', 'other'];

type ChromeLike = {
  storage: { local: { set(v: unknown): Promise<void>; get(k: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: unknown): Promise<unknown>; reload(): void };
  tabs: { query(q: unknown): Promise<{ id?: number; url?: string }[]> };
};

export async function setSettings(worker: Worker, patch: Partial<Settings>): Promise<void> {
  await worker.evaluate(
    async (s) => {
      const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
      await c.storage.local.set({ settings: s });
    },
    { ...defaults, ...patch, filters: { ...defaults.filters, ...patch.filters } },
  );
}

/** The status the background keeps for the x.com tab, asked the way the popup asks. */
export async function tabStatus(context: BrowserContext, extensionId: string): Promise<TabStatus | null> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
      const [tab] = await c.tabs.query({ url: ['https://x.com/*'] });
      if (tab?.id === undefined) return null;
      const reply = (await c.runtime.sendMessage({ type: 'tab/get-status', tabId: tab.id })) as { ok: boolean; status: TabStatus | null };
      return reply.status;
    });
  } finally {
    await page.close();
  }
}

export interface CellView {
  label: string | null;
  hidden: string | null;
  also: string | null;
  run: boolean;
  /** The tweet itself is displayed. */
  tweetVisible: boolean;
  /** The placeholder text, when one is displayed for this cell. */
  placeholder: string | null;
  badge: string | null;
  text: string;
}

/** What each cell in the DOM looks like to the user. */
export async function readCells(page: Page): Promise<CellView[]> {
  return page.evaluate((cellSel) => {
    const shown = (el: Element | null) => !!el && (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height > 0;
    return [...document.querySelectorAll(cellSel)].map((cell) => {
      const first = cell.firstElementChild as HTMLElement;
      const ph = first.nextElementSibling?.classList.contains('ht-ph') ? first.nextElementSibling : null;
      const article = first.querySelector('article');
      return {
        label: first.getAttribute('data-triage'),
        hidden: first.getAttribute('data-triage-hidden'),
        also: first.getAttribute('data-triage-also'),
        run: first.hasAttribute('data-triage-run'),
        tweetVisible: shown(article),
        placeholder: ph && shown(ph) ? (ph.querySelector('.ht-ph-text')?.textContent ?? '') : null,
        badge: first.querySelector('.ht-badge')?.textContent ?? null,
        text: first.querySelector('[data-testid="tweetText"]')?.textContent ?? '',
      };
    });
  }, CELL);
}

/** Waits until every tweet cell in the DOM carries a label. */
export async function allTagged(page: Page): Promise<void> {
  await page.waitForFunction((cellSel) => {
    const cells = [...document.querySelectorAll(cellSel)].filter((c) => c.querySelector('article'));
    return cells.length > 0 && cells.every((c) => c.firstElementChild?.hasAttribute('data-triage'));
  }, CELL);
}

/** Whether one of the enabled filters hides this cell (the attributes say which filters would). */
export function hiddenBy(c: Pick<CellView, 'hidden' | 'also'>, enabled: string[]): boolean {
  return [c.hidden, ...(c.also ?? '').split(' ')].some((f) => !!f && enabled.includes(f));
}

/**
 * Whether core.js has run in the page's content script world: null when that world cannot be found
 * (no content script), else whether the core's entry point is there. The page itself never sees it.
 */
export function coreScriptRan(page: Page): Promise<boolean | null> {
  return evaluateInContentWorld<boolean>(page, `globalThis.__hashtagTriage ? typeof globalThis.__hashtagTriageCore === 'object' : null`);
}

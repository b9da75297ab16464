// The content script's world in an x.com page (Chromium's isolated world for
// the extension), reached through the DevTools protocol: what tests and
// benchmarks read there (its counters, whether core.js ran) the page never sees.
import type { CDPSession, Page } from '@playwright/test';

export interface ContentWorld {
  /** The value of `expression` in the first isolated world where it is not null (null when none). */
  evaluate<T>(expression: string): Promise<T | null>;
}

/**
 * Starts following the page's isolated worlds on `cdp` (a session of `page`); call before the page
 * loads to see every world it creates, or after: the worlds that exist are reported on enabling.
 */
export async function contentWorld(cdp: CDPSession): Promise<ContentWorld> {
  const contexts: number[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.auxData?.type === 'isolated') contexts.push(e.context.id);
  });
  await cdp.send('Runtime.enable');
  return {
    async evaluate<T>(expression: string): Promise<T | null> {
      for (const contextId of contexts) {
        try {
          const r = await cdp.send('Runtime.evaluate', { contextId, returnByValue: true, expression });
          if (r.result.value !== null && r.result.value !== undefined) return r.result.value as T;
        } catch {
          // a world of a document that is gone
        }
      }
      return null;
    },
  };
}

/** One expression in the content script's world of `page`, on a session of its own. */
export async function evaluateInContentWorld<T>(page: Page, expression: string): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const world = await contentWorld(cdp);
    // The worlds that already exist are reported right after enabling.
    await new Promise((r) => setTimeout(r, 100));
    return await world.evaluate<T>(expression);
  } finally {
    await cdp.detach();
  }
}

// Scrolling the virtualised fixture timeline as a reader does, for the page
// benchmark and the page profile: a step, then two frames for the page (and the
// content script) to catch up.
import type { Page } from '@playwright/test';

export async function scrollToEnd(page: Page): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const done = await page.evaluate(async () => {
      window.scrollBy(0, 700);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const s = (window as unknown as { __fixtureStats: { loads: number } }).__fixtureStats;
      const cells = document.querySelectorAll('[data-testid="cellInnerDiv"]');
      const lastTime = cells[cells.length - 1]?.querySelector('time')?.getAttribute('datetime');
      return { atEnd: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2, loads: s.loads, lastTime };
    });
    if (done.atEnd) {
      // Give a pending "fetch" the time to arrive; stop when nothing more comes.
      await page.waitForTimeout(80);
      const more = await page.evaluate(() => window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2);
      if (!more) return;
    }
  }
}

/** Back to the top: X re-creates every cell on the way (new elements, same tweets). */
export async function scrollToTop(page: Page): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const top = await page.evaluate(async () => {
      window.scrollBy(0, -700);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return window.scrollY <= 0;
    });
    if (top) return;
  }
}

// Tells the popup when x.com's page stops looking as expected, instead of
// failing silently: counts, per extracted tweet, which expected parts were
// found, and names the selectors that stopped matching.
import type { PageHealth } from '../shared/messages';
import type { Found } from './extract';
import { SEL } from './selectors';

/** Time a page gets to render its timeline before missing parts count as failures. */
export const GRACE_MS = 8000;
/** Tweets to read before judging the parts of a tweet. */
const MIN_TWEETS = 5;

export class Health {
  private tweets = 0;
  private readonly found = { status: 0, userName: 0, text: 0, actions: 0 };

  note(f: Found): void {
    this.tweets += 1;
    if (f.status) this.found.status += 1;
    if (f.userName) this.found.userName += 1;
    if (f.text) this.found.text += 1;
    if (f.actions) this.found.actions += 1;
  }

  get tweetsRead(): number {
    return this.tweets;
  }

  /** `elapsed`: ms since the page (visit) started. Runs a few queries: call it rarely. */
  check(doc: Document, elapsed: number, now: number, errors: number): PageHealth {
    const failing: string[] = [];
    const late = elapsed >= GRACE_MS;
    const column = doc.querySelector(SEL.primaryColumn);
    if (!column) {
      if (late) failing.push('primaryColumn');
    } else {
      const cells = column.querySelectorAll(SEL.cell).length;
      if (late && cells === 0) failing.push('cellInnerDiv');
      if (late && this.tweets === 0 && cells >= MIN_TWEETS && !column.querySelector(SEL.tweet)) failing.push('tweet');
    }
    if (this.tweets >= MIN_TWEETS) {
      const share = (n: number) => n / this.tweets;
      if (share(this.found.status) < 0.5) failing.push('statusLink');
      if (share(this.found.userName) < 0.5) failing.push('userName');
      if (share(this.found.text) < 0.2) failing.push('tweetText');
      if (share(this.found.actions) < 0.5) failing.push('actionBar');
    }
    // Exceptions swallowed in the page's callbacks are reported, not shown in the console.
    if (errors > 0 && errors >= Math.max(3, this.tweets / 10)) failing.push('errors');
    return { ok: failing.length === 0, failing, checkedAt: now };
  }
}

// @vitest-environment happy-dom
// Every selector against the fixture pages, with the number of matches it must
// find, in every UI language: when X changes its DOM, this is the first test to
// say which selector broke.
import { describe, expect, it } from 'vitest';
import { renderTimelinePage } from '../../e2e/fixtures/render';
import { UI_LANGS } from '../../e2e/fixtures/locales';
import { CRISIS_TIMELINE, PROFILE_TIMELINE } from '../../e2e/fixtures/tweets';
import { COUNT_BUTTONS, REPOST_ICON, SEL } from './selectors';

function load(html: string): void {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
}

const count = (sel: string) => document.querySelectorAll(sel).length;

// The crisis timeline: 18 tweets, one quote, one ad, one tweet without permalink, three native reposts.
const EXPECTED: Record<string, number> = {
  primaryColumn: 1,
  cell: 18,
  tweet: 18,
  socialContext: 3,
  userName: 19,
  statusTime: 17,
  tweetText: 19,
  quote: 1,
  placement: 1,
  actionBar: 18,
  analytics: 17,
  separator: 2,
};

describe('selectors on fixture pages', () => {
  for (const lang of UI_LANGS) {
    it(`match what they should in UI language ${lang}`, () => {
      load(renderTimelinePage(CRISIS_TIMELINE, { uiLang: lang }));
      for (const [name, n] of Object.entries(EXPECTED)) expect(count(SEL[name as keyof typeof SEL]), name).toBe(n);
      expect(count(SEL.hashtagLink)).toBe(CRISIS_TIMELINE.filter((t) => /#\w/.test(t.text)).length + 1); // + the quoted offer
      expect(count(REPOST_ICON)).toBe(3);
      for (const [name, sel] of Object.entries(COUNT_BUTTONS)) expect(count(sel), name).toBe(18);
    });
  }

  it('tell the pinned header from a repost header', () => {
    load(renderTimelinePage(PROFILE_TIMELINE, {}));
    const contexts = [...document.querySelectorAll(SEL.socialContext)];
    expect(contexts.map((c) => c.closest('a') !== null)).toEqual([false, true]);
    expect(count(REPOST_ICON)).toBe(1);
  });
});

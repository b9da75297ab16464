import { describe, expect, it } from 'vitest';
import { PageState, type TweetVerdict } from './state';

const verdict = (key: string): TweetVerdict => ({
  label: 'offer',
  confidence: 0.9,
  sympathyOnly: false,
  cues: [],
  key,
  offer: null,
  postedAt: null,
  promoted: false,
});

describe('PageState', () => {
  it('keeps a bounded number of occurrences however long the scroll', () => {
    const page = new PageState(0, 100);
    for (let i = 0; i < 1000; i++) page.add(`t${i}`, verdict(`k${i % 300}`));
    expect(page.size).toBe(100);
    expect(page.get('t0')).toBeUndefined();
    expect(page.get('t999')).toBeDefined();
  });

  it('still shows the first occurrence of a message after it was forgotten and re-created', () => {
    const page = new PageState(0, 2);
    expect(page.add('a', verdict('offer-1')).first).toBe(true);
    expect(page.add('b', verdict('offer-1')).first).toBe(false);
    page.add('c', verdict('other'));
    expect(page.get('a')).toBeUndefined();
    // X re-creates the first cell when the user scrolls back up: it is again the one shown.
    expect(page.add('a', verdict('offer-1')).first).toBe(true);
    expect(page.add('d', verdict('offer-1')).first).toBe(false);
  });
});

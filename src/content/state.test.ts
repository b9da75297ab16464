import { describe, expect, it } from 'vitest';
import { PageState, type TweetVerdict } from './state';

const verdict = (key: string): TweetVerdict => ({
  label: 'offer',
  confidence: 0.9,
  sympathyOnly: false,
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

describe('PageState groups', () => {
  it('forgets a group with the last occurrence it keeps, so distinct messages stay bounded too', () => {
    const page = new PageState(0, 100);
    for (let i = 0; i < 1000; i++) page.add(`t${i}`, verdict(`k${i}`));
    expect(page.groupCount).toBe(100);
    expect(page.groupByKey('k0')).toBeUndefined();
    expect(page.groupByKey('k999')?.count).toBe(1);
  });

  it('keeps a group while any of its occurrences is kept, and its id finds it', () => {
    const page = new PageState(0, 3);
    const first = page.add('a', verdict('offer-1'));
    page.add('b', verdict('offer-1'));
    page.add('c', verdict('x'));
    page.add('d', verdict('y')); // forgets a: offer-1 still has b
    expect(page.get('a')).toBeUndefined();
    expect(page.group(first.group.id)).toBe(first.group);
    page.add('e', verdict('z')); // forgets b: offer-1 has nothing left
    expect(page.groupByKey('offer-1')).toBeUndefined();
    expect(page.group(first.group.id)).toBeUndefined();
    expect(page.groupCount).toBe(3);
  });

  it('shows the next occurrence of a message whose group was forgotten', () => {
    const page = new PageState(0, 2);
    page.add('a', verdict('offer-1'));
    page.add('b', verdict('other-1'));
    page.add('c', verdict('other-2'));
    const again = page.add('d', verdict('offer-1'));
    expect(again.first).toBe(true);
    expect(again.group.count).toBe(1);
    expect(page.add('e', verdict('offer-1')).first).toBe(false);
  });
});

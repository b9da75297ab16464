import { describe, expect, it } from 'vitest';
import { visitKey, Visits, VISIT_GAP_MS } from './visits';

const MIN = 60_000;
const TAG = 'https://x.com/hashtag/hasselthelpt?src=hashtag_click';

describe('Visits', () => {
  it('continues a visit when the tab comes back to the timeline soon (Back from a tweet)', () => {
    const v = new Visits();
    expect(v.begin(TAG, 1000)).toBe(1000);
    v.leave(TAG, 1000 + 2 * MIN);
    expect(v.begin('https://x.com/hashtag/hasselthelpt?f=live', 1000 + 3 * MIN)).toBe(1000);
  });

  it('starts a new visit after a long time away, and for another timeline', () => {
    const v = new Visits();
    v.begin(TAG, 0);
    v.leave(TAG, MIN);
    expect(v.begin('https://x.com/hashtag/PorteOuverte', 2 * MIN)).toBe(2 * MIN);
    expect(v.begin(TAG, MIN + VISIT_GAP_MS + 1)).toBe(MIN + VISIT_GAP_MS + 1);
  });

  it('keys a timeline by its path and search query, not by X\'s own parameters', () => {
    expect(visitKey('https://x.com/search?q=%23Hasselthelpt&f=live&src=typed_query')).toBe(visitKey('https://x.com/search?q=%23hasselthelpt'));
    expect(visitKey('https://x.com/search?q=%23hasselthelpt')).not.toBe(visitKey('https://x.com/search?q=%23porteouverte'));
    expect(visitKey('not a url')).toBe('not a url');
  });
});

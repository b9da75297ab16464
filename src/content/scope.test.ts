import { describe, expect, it } from 'vitest';
import { defaults } from '../core/settings';
import { scopeOf } from './scope';

const s = { ...defaults, hashtags: ['hasselthelpt', 'PorteOuverte', 'Hochwasser_NRW'] };

describe('scopeOf', () => {
  it('is active on the hashtag and search pages of listed hashtags, whatever the case', () => {
    expect(scopeOf('https://x.com/hashtag/hasselthelpt?src=hashtag_click', s).active).toBe(true);
    expect(scopeOf('https://x.com/hashtag/PORTEOUVERTE', s).active).toBe(true);
    expect(scopeOf('https://x.com/hashtag/porte%C3%B6uverte', s).active).toBe(false);
    expect(scopeOf('https://x.com/search?q=%23porteouverte&f=live', s).active).toBe(true);
    expect(scopeOf('https://x.com/search?q=paris%20%23PorteOuverte%20lang%3Afr', s).active).toBe(true);
    expect(scopeOf('https://x.com/search?q=hochwasser_nrw', s).active).toBe(false);
    expect(scopeOf('https://twitter.com/hashtag/Hochwasser_NRW', s).active).toBe(true);
  });

  it('is active on the pages of a listed hashtag written with combining marks', () => {
    const marks = { ...defaults, hashtags: ['भूकंप', 'น้ำท่วม'] };
    expect(scopeOf(`https://x.com/hashtag/${encodeURIComponent('भूकंप')}?src=hashtag_click`, marks).active).toBe(true);
    expect(scopeOf(`https://x.com/search?q=${encodeURIComponent('#น้ำท่วม')}&f=live`, marks).active).toBe(true);
    expect(scopeOf(`https://x.com/search?q=${encodeURIComponent('#भूकंप')}`, marks).hashtags).toEqual(['भूकंप']);
  });

  it('is inactive elsewhere unless "everywhere" is on', () => {
    for (const url of ['https://x.com/home', 'https://x.com/annelies_h', 'https://x.com/hashtag/other', 'https://x.com/a/status/1']) {
      expect(scopeOf(url, s).active).toBe(false);
      expect(scopeOf(url, { ...s, everywhere: true }).active).toBe(true);
    }
    expect(scopeOf('https://x.com/settings/account', { ...s, everywhere: true }).active).toBe(false);
    expect(scopeOf('https://x.com/messages', { ...s, everywhere: true }).active).toBe(false);
  });

  it('is inactive when switched off, on other sites and on bad URLs', () => {
    expect(scopeOf('https://x.com/hashtag/hasselthelpt', { ...s, enabled: false }).active).toBe(false);
    expect(scopeOf('https://example.com/hashtag/hasselthelpt', s).active).toBe(false);
    expect(scopeOf('not a url', s).active).toBe(false);
  });

  it('names the page kind and its hashtags', () => {
    expect(scopeOf('https://x.com/hashtag/hasselthelpt', s)).toMatchObject({ kind: 'hashtag', hashtags: ['hasselthelpt'] });
    expect(scopeOf('https://x.com/search?q=%23a%20OR%20%23b', s)).toMatchObject({ kind: 'search', hashtags: ['a', 'b'] });
    expect(scopeOf('https://x.com/home', s).kind).toBe('home');
    expect(scopeOf('https://x.com/stad_hasselt', s).kind).toBe('profile');
    expect(scopeOf('https://x.com/stad_hasselt/status/123', s).kind).toBe('status');
    expect(scopeOf('https://x.com/explore', s).kind).toBe('other');
  });
});

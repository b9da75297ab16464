import { describe, expect, it } from 'vitest';
import { hashtagFromUrl } from './hashtag-url';

describe('hashtagFromUrl', () => {
  it('reads hashtag pages', () => {
    expect(hashtagFromUrl('https://x.com/hashtag/hasselthelpt?src=hashtag_click&f=live')).toBe('hasselthelpt');
    expect(hashtagFromUrl('https://twitter.com/hashtag/PorteOuverte')).toBe('PorteOuverte');
    expect(hashtagFromUrl('https://x.com/hashtag/Hochwasser%C3%9Cberall')).toBe('HochwasserÜberall');
  });

  it('reads searches for a hashtag', () => {
    expect(hashtagFromUrl('https://x.com/search?q=%23watersnood&src=typed_query&f=live')).toBe('watersnood');
    expect(hashtagFromUrl('https://x.com/search?q=hulp%20%23Inondations%20lang%3Afr')).toBe('Inondations');
    // Vowel signs are combining marks: the whole tag, not its first letter.
    expect(hashtagFromUrl(`https://x.com/search?q=${encodeURIComponent('#भूकंप')}`)).toBe('भूकंप');
    expect(hashtagFromUrl(`https://x.com/hashtag/${encodeURIComponent('น้ำท่วม')}`)).toBe('น้ำท่วม');
  });

  it('returns null elsewhere', () => {
    expect(hashtagFromUrl('https://x.com/home')).toBeNull();
    expect(hashtagFromUrl('https://x.com/search?q=storm')).toBeNull();
    expect(hashtagFromUrl('https://example.com/hashtag/x')).toBeNull();
    expect(hashtagFromUrl('http://x.com/hashtag/x')).toBeNull();
    expect(hashtagFromUrl('not a url')).toBeNull();
    expect(hashtagFromUrl('https://x.com/hashtag/%E0%A4%A')).toBeNull();
  });
});

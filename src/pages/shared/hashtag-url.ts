// The crisis hashtag an x.com URL is about: /hashtag/<tag> or a search for #tag.

import { cleanHashtag } from '../../core/settings';

export function hashtagFromUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !/^(www\.|mobile\.)?(x|twitter)\.com$/.test(u.hostname)) return null;
  const path = /^\/hashtag\/([^/?#]+)/.exec(u.pathname);
  if (path?.[1]) {
    let tag = path[1];
    try {
      tag = decodeURIComponent(tag);
    } catch {
      return null;
    }
    return cleanHashtag(tag) || null;
  }
  if (u.pathname === '/search') {
    const q = u.searchParams.get('q') ?? '';
    const m = /(?:^|\s|\()[#＃]([\p{L}\p{M}\p{N}_]+)/u.exec(q);
    return m?.[1] ? cleanHashtag(m[1]) || null : null;
  }
  return null;
}

// Which x.com pages the filters act on. Pure: a URL and the settings in, a
// decision out. By default only the hashtag and search pages of the crisis
// hashtags the user lists; with `everywhere`, every timeline.
import type { Settings } from '../core/settings';

export type PageKind = 'hashtag' | 'search' | 'home' | 'status' | 'profile' | 'other';

export interface Scope {
  /** The filters run on this page. */
  active: boolean;
  kind: PageKind;
  /** Hashtags the page is about (hashtag page, or "#tag" in a search). */
  hashtags: string[];
}

const NOT_TIMELINES = /^\/(settings|messages|compose|login|logout|signup|tos|privacy|i\/flow|i\/keyboard_shortcuts|i\/display|i\/premium)(\/|$)/;
const RESERVED = new Set(['home', 'explore', 'search', 'notifications', 'messages', 'i', 'settings', 'compose', 'hashtag']);

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const norm = (t: string) => t.normalize('NFC').toLowerCase();

export function pageOf(url: URL): { kind: PageKind; hashtags: string[] } {
  const path = url.pathname;
  const tag = /^\/hashtag\/([^/?#]+)/.exec(path);
  if (tag?.[1]) return { kind: 'hashtag', hashtags: [decode(tag[1])] };
  if (path === '/search') {
    const q = url.searchParams.get('q') ?? '';
    const tags = [...q.matchAll(/(?:^|[\s(])[#＃]([\p{L}\p{M}\p{N}_]+)/gu)].map((m) => m[1] as string);
    return { kind: 'search', hashtags: tags };
  }
  if (path === '/home' || path === '/') return { kind: 'home', hashtags: [] };
  if (/^\/[A-Za-z0-9_]{1,30}\/status\/\d+/.test(path)) return { kind: 'status', hashtags: [] };
  const profile = /^\/([A-Za-z0-9_]{1,30})(\/(with_replies|media|highlights))?\/?$/.exec(path);
  if (profile?.[1] && !RESERVED.has(profile[1].toLowerCase())) return { kind: 'profile', hashtags: [] };
  return { kind: 'other', hashtags: [] };
}

export function scopeOf(href: string, settings: Pick<Settings, 'enabled' | 'hashtags' | 'everywhere'>): Scope {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { active: false, kind: 'other', hashtags: [] };
  }
  const { kind, hashtags } = pageOf(url);
  if (!settings.enabled || !/^(www\.|mobile\.)?(x|twitter)\.com$/.test(url.hostname)) return { active: false, kind, hashtags };
  const listed = new Set(settings.hashtags.map(norm));
  const crisis = (kind === 'hashtag' || kind === 'search') && hashtags.some((t) => listed.has(norm(t)));
  const everywhere = settings.everywhere && !NOT_TIMELINES.test(url.pathname);
  return { active: crisis || everywhere, kind, hashtags };
}

// Words the content script writes into x.com: placeholders and badges, in the
// extension's UI language (extension/_locales/*/messages.json, keys "content_*").
// English is built in as the fallback, so a missing translation never shows a
// blank placeholder.
import type { FilterName } from '../core/settings';
import type { Label } from '../core/types';
import type { ExtApi } from './ext';

export const EN = {
  content_hidden_sympathy_one: 'Sympathy message hidden.',
  content_hidden_sympathy_many: '$1 sympathy messages hidden.',
  content_hidden_offtopic_one: 'Off-topic post hidden.',
  content_hidden_offtopic_many: '$1 off-topic posts hidden.',
  content_hidden_repeat_offer_one: '$1 more repost of this offer.',
  content_hidden_repeat_offer_many: '$1 more reposts of this offer.',
  content_hidden_repeat_request_one: '$1 more repost of this request.',
  content_hidden_repeat_request_many: '$1 more reposts of this request.',
  content_hidden_repeat_other_one: '$1 more repost of this post.',
  content_hidden_repeat_other_many: '$1 more reposts of this post.',
  content_hidden_seen_one: 'Offer seen on an earlier visit hidden.',
  content_hidden_seen_many: '$1 offers seen on an earlier visit hidden.',
  content_hidden_stale_one: 'Old or closed offer hidden.',
  content_hidden_stale_many: '$1 old or closed offers hidden.',
  content_show: 'Show',
  content_badge_offer: 'Offer',
  content_badge_firstPosted: 'first posted $1',
  content_badge_reposts_one: 'reposted once',
  content_badge_reposts_many: 'reposted $1 times',
  content_badge_seenBefore: 'seen before',
  content_badge_closed: 'closed',
  content_badge_stale: 'stale',
} as const;

export type StringKey = keyof typeof EN;
export type Translate = (key: StringKey, sub?: string | number) => string;

/**
 * Translations from the extension's locale files, English when one is missing
 * or the API is gone. Each message is asked of the browser once (with a marker
 * for its placeholder) and filled in here: i18n.getMessage is a costly call.
 */
export function translator(api: ExtApi | null): Translate {
  const MARK = '\u0001';
  const templates = new Map<StringKey, string>();
  return (key, sub) => {
    let tpl = templates.get(key);
    if (tpl === undefined) {
      try {
        tpl = api?.i18n?.getMessage(key, [MARK]) || '';
      } catch {
        tpl = '';
      }
      if (!tpl) tpl = EN[key].replace('$1', MARK);
      templates.set(key, tpl);
    }
    return sub === undefined ? tpl : tpl.replace(MARK, String(sub));
  };
}

/** Text of a placeholder standing for `count` hidden tweets. */
export function placeholderText(t: Translate, reason: FilterName, count: number, label: Label): string {
  const n = count === 1 ? 'one' : 'many';
  if (reason === 'repeat') {
    const what = label === 'offer' || label === 'request' ? label : 'other';
    return t(`content_hidden_repeat_${what}_${n}`, count);
  }
  return t(`content_hidden_${reason}_${n}`, count);
}

/** The UI language for dates in badges. */
export function uiLanguage(api: ExtApi | null): string {
  try {
    return api?.i18n?.getUILanguage?.() || navigator.language || 'en';
  } catch {
    return 'en';
  }
}

// DOM -> plain TweetRecord. Reads structure only (data-testid, href shapes, the
// repost icon, aria-label leading integers), so it works in every UI language.
import type { TweetCounts, TweetRecord } from '../core/types';
import { COUNT_BUTTONS, HASHTAG_HREF, PROFILE_HREF, RESERVED_PATHS, REPOST_ICON_PREFIX, SEL, SOCIAL_CONTEXT_TESTID, STATUS_HREF } from './selectors';

/** What the health check learns from one article: which expected parts were found. */
export interface Found {
  status: boolean;
  userName: boolean;
  text: boolean;
  actions: boolean;
}

export interface Extracted {
  record: TweetRecord;
  found: Found;
  /** The main text element, for completeRecord(). */
  textEl: Element | null;
}

/** Cheap identity of a rendered tweet, read before any text: enough to hit the verdict cache. */
export interface Identity {
  statusId: string | null;
  reposter: string | null;
}

/** quickIdentity() with the permalink's <time> it found: partsOf() reuses both instead of looking again. */
export interface QuickRead {
  ident: Identity;
  time: Element | null;
  /** The first User-Name of the article when no header comes before it; null when there is a header (or none). */
  name: Element | null;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node

/** Visible text of an element, emoji taken from `img[alt]` as X draws them. */
export function textOf(el: Element): string {
  // Most names and many tweets have no image or line break: one native call.
  if (!el.querySelector('img,br')) return el.textContent ?? '';
  let out = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (e.tagName === 'IMG') out += e.getAttribute('alt') ?? '';
        else if (e.tagName === 'BR') out += '\n';
        else walk(e);
      }
    }
  };
  walk(el);
  return out;
}

function handleFromHref(href: string | null): string | null {
  if (!href) return null;
  const m = PROFILE_HREF.exec(href);
  return m?.[1] && !RESERVED_PATHS.has(m[1].toLowerCase()) ? m[1] : null;
}

/** The quote block (or the nested article of an unavailable quote), if any. */
function quoteRoot(article: Element): Element | null {
  // Most tweets quote nothing: one walk of the article tells, instead of one per form.
  if (!article.querySelector(SEL.quoteOrNested)) return null;
  for (const q of article.querySelectorAll(SEL.quote)) {
    if (q.querySelector(SEL.userName) || q.querySelector(SEL.tweetText)) return q;
  }
  return article.querySelector(SEL.tweet);
}

/** First element matching `sel` in the article that is not part of the quote. */
function mainPart(article: Element, sel: string, quote: Element | null): Element | null {
  if (!quote) return article.querySelector(sel);
  for (const el of article.querySelectorAll(sel)) if (!quote.contains(el)) return el;
  return null;
}

function statusLinkTime(article: Element, quote: Element | null): { id: string | null; time: string | null; found: boolean } {
  const t = mainPart(article, SEL.statusTime, quote);
  if (!t) return { id: null, time: null, found: false };
  const m = STATUS_HREF.exec(t.parentElement?.getAttribute('href') ?? '');
  return { id: m?.[2] ?? null, time: t.getAttribute('datetime'), found: true };
}

/** `withName` false: the display name is left null (the core never reads it). */
function authorOf(userName: Element | null, withName = true): { handle: string | null; name: string | null } {
  if (!userName) return { handle: null, name: null };
  // The first profile link holds the display name; the handle is in its href.
  const link = userName.querySelector('a[href]');
  const handle = handleFromHref(link?.getAttribute('href') ?? null);
  if (link && handle) {
    if (!withName) return { handle, name: null };
    const name = textOf(link).trim();
    return { handle, name: name && !name.startsWith('@') ? name : null };
  }
  // A quote's User-Name has no links: the handle is the text that starts with "@".
  const text = textOf(userName);
  const m = /@([A-Za-z0-9_]{1,30})/.exec(text);
  return { handle: m?.[1] ?? null, name: text.split('@')[0]?.trim() || null };
}

/** Handle of the native reposter: socialContext inside a profile link, with the repost icon in the header. */
function reposterOf(article: Element, userName: Element | null, quote: Element | null): string | null {
  for (const ctx of article.querySelectorAll(SEL.socialContext)) {
    if (quote?.contains(ctx)) continue;
    const link = ctx.closest('a[href]');
    if (!link || !article.contains(link)) continue;
    const handle = handleFromHref(link.getAttribute('href'));
    if (!handle) continue;
    // The header's icon tells a repost from other link headers ("X liked"); no icon at all still counts.
    let icons = 0;
    for (const path of article.querySelectorAll('svg path[d]')) {
      if (userName && !(path.compareDocumentPosition(userName) & FOLLOWING)) break;
      icons += 1;
      if ((path.getAttribute('d') ?? '').startsWith(REPOST_ICON_PREFIX)) return handle;
    }
    return icons === 0 ? handle : null;
  }
  return null;
}

function isPinned(article: Element, quote: Element | null): boolean {
  for (const ctx of article.querySelectorAll(SEL.socialContext)) {
    if (!quote?.contains(ctx) && !ctx.closest('a[href]')) return true;
  }
  return false;
}

/** A "Replying to @x" line: a profile link written "@x" between the header and the text. */
function isReply(article: Element, userName: Element | null, text: Element | null, quote: Element | null): boolean {
  const end = text ?? mainPart(article, SEL.actionBar, quote);
  for (const a of article.querySelectorAll('a[href^="/"]')) {
    if (end && !(a.compareDocumentPosition(end) & FOLLOWING)) return false;
    if (quote?.contains(a) || userName?.contains(a) || a.querySelector(SEL.socialContext)) continue;
    if (!handleFromHref(a.getAttribute('href'))) continue;
    if ((a.textContent ?? '').trim().startsWith('@')) return true;
  }
  return false;
}

/** Leading integer of an aria-label ("894 likes", "1,234 Reposts", "99 件の..."); null when none. */
export function leadingCount(label: string | null): number | null {
  if (!label) return null;
  // Digits from the start, allowing a thousands separator only before exactly three digits.
  let i = 0;
  while (i < label.length && label.charCodeAt(i) === 32) i++;
  let n = 0;
  let digits = 0;
  let group = -1; // digits since the last separator, -1 before any separator
  for (; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (group >= 0) group++;
      continue;
    }
    const sep = c === 44 || c === 46 || c === 0xa0 || c === 0x202f || c === 32;
    const next = label.charCodeAt(i + 1);
    if (sep && digits > 0 && (group === -1 ? digits <= 3 : group === 3) && next >= 48 && next <= 57) {
      // "1.5K" is not a count with a separator: three digits must follow.
      let k = i + 1;
      while (k < label.length && label.charCodeAt(k) >= 48 && label.charCodeAt(k) <= 57) k++;
      if (k - (i + 1) !== 3) break;
      group = 0;
      continue;
    }
    break;
  }
  return digits > 0 && Number.isSafeInteger(n) ? n : null;
}

type CountName = keyof typeof COUNT_BUTTONS;
/** data-testid -> count, from COUNT_BUTTONS (each of its selectors is a list of [data-testid="..."]). */
const COUNT_TESTIDS = new Map<string, CountName>(
  (Object.entries(COUNT_BUTTONS) as [CountName, string][]).flatMap(([name, sel]) => [...sel.matchAll(/data-testid="([^"]+)"/g)].map((m) => [m[1] as string, name] as [string, CountName])),
);
const BAR_PARTS = `[data-testid],${SEL.analytics}`;

function countsOf(article: Element, quote: Element | null): { counts: TweetCounts; found: boolean } {
  const counts: TweetCounts = {};
  // The buttons live in the action bar: search that small subtree, not the whole article.
  const bar = mainPart(article, SEL.actionBar, quote);
  if (!bar) return { counts, found: false };
  // One pass over the bar, in document order: the first button of each count and the first analytics link,
  // as one querySelector per selector would find them.
  const labels = new Map<CountName, string | null>();
  let views: Element | null = null;
  for (const el of bar.querySelectorAll(BAR_PARTS)) {
    const name = COUNT_TESTIDS.get(el.getAttribute('data-testid') ?? '');
    if (name !== undefined && !labels.has(name)) labels.set(name, el.getAttribute('aria-label'));
    if (views === null && el.tagName === 'A' && el.matches(SEL.analytics)) views = el;
  }
  for (const name of Object.keys(COUNT_BUTTONS) as CountName[]) {
    const n = leadingCount(labels.get(name) ?? null);
    if (n !== null && n > 0) counts[name] = n;
  }
  const v = leadingCount(views?.getAttribute('aria-label') ?? null);
  if (v !== null && v > 0) counts.views = v;
  return { counts, found: labels.size > 0 };
}

function hashtagsOf(text: Element | null): string[] {
  if (!text) return [];
  const tags: string[] = [];
  for (const a of text.querySelectorAll(SEL.hashtagLink)) {
    const m = HASHTAG_HREF.exec(a.getAttribute('href') ?? '');
    if (!m?.[1]) continue;
    let tag = m[1];
    try {
      tag = decodeURIComponent(tag);
    } catch {
      // keep the raw form
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** The parts of an article both identify() and extractTweet() need, found once. */
export interface Parts {
  article: Element;
  quote: Element | null;
  userName: Element | null;
  status: { id: string | null; time: string | null; found: boolean };
  reposter: string | null;
}

/** `quick`: what readIdentity() found in this article; without a quote it is exactly what partsOf() would read. */
export function partsOf(article: Element, quick?: QuickRead): Parts {
  const quote = quoteRoot(article);
  // Without a quote, the name readIdentity found is the first one (mainPart's answer).
  const userName = !quote && quick?.name ? quick.name : mainPart(article, SEL.userName, quote);
  if (quick && !quote) {
    const t = quick.time;
    const status = { id: quick.ident.statusId, time: t ? t.getAttribute('datetime') : null, found: t !== null };
    return { article, quote, userName, status, reposter: quick.ident.reposter };
  }
  return { article, quote, userName, status: statusLinkTime(article, quote), reposter: reposterOf(article, userName, quote) };
}

/**
 * Status id and reposter with three lookups: the hot path for cells X re-creates.
 * The main tweet's header comes before any quote, and a quote's time is never in
 * a link, so the first status link and the first User-Name are the tweet's own.
 */
export function quickIdentity(article: Element): Identity {
  return readIdentity(article).ident;
}

/** quickIdentity(), keeping the <time> element for partsOf(). */
export function readIdentity(article: Element): QuickRead {
  const time = article.querySelector(SEL.statusTime);
  const m = time ? STATUS_HREF.exec(time.parentElement?.getAttribute('href') ?? '') : null;
  // A repost's header comes before the tweet's name: most tweets have none, and are read no further than the name.
  const head = article.querySelector(SEL.headerOrName);
  const header = head !== null && head.getAttribute('data-testid') === SOCIAL_CONTEXT_TESTID;
  const reposter = header ? reposterOf(article, article.querySelector(SEL.userName), null) : null;
  return { ident: { statusId: m?.[2] ?? null, reposter }, time, name: header ? null : head };
}

/** Status id and reposter only: what the verdict cache is keyed by. */
export function identify(article: Element): Identity {
  const p = partsOf(article);
  return { statusId: p.status.id, reposter: p.reposter };
}

/**
 * The plain record of a tweet. With `full` false, only what the core reads
 * (text, language, author, reposter, time, hashtags, quote, promoted) is read;
 * the author's display name, counts, pinned and reply are left empty: they
 * matter only for offers (see completeRecord).
 */
export function extractTweet(articleOrParts: Element | Parts, full = true): Extracted {
  const p = 'article' in articleOrParts ? articleOrParts : partsOf(articleOrParts);
  const { article, quote, userName, status } = p;
  const textEl = mainPart(article, SEL.tweetText, quote);
  const author = authorOf(userName, full);
  const bar = full ? countsOf(article, quote) : { counts: {}, found: mainPart(article, SEL.actionBar, quote) !== null };
  let quoted: TweetRecord['quote'] = null;
  if (quote) {
    const qText = quote.querySelector(SEL.tweetText);
    quoted = { author: authorOf(quote.querySelector(SEL.userName)).handle, text: qText ? textOf(qText) : '' };
  }
  const record: TweetRecord = {
    statusId: status.id,
    author: author.handle,
    authorName: author.name,
    reposter: p.reposter,
    text: textEl ? textOf(textEl) : '',
    ...(textEl && mainPart(article, SEL.showMore, quote) ? { truncated: true } : {}),
    lang: textEl?.getAttribute('lang') || null,
    time: status.time,
    hashtags: hashtagsOf(textEl),
    quote: quoted,
    promoted: article.parentElement?.closest(SEL.placement) != null,
    pinned: full && isPinned(article, quote),
    reply: full && isReply(article, userName, textEl, quote),
    counts: bar.counts,
  };
  return { record, found: { status: status.found, userName: userName !== null, text: textEl !== null, actions: bar.found }, textEl };
}

/**
 * The record of a partial extraction (`full` false) with counts, pinned and
 * reply read now: what extractTweet(parts, true) gives, without reading the
 * text, author and hashtags a second time.
 */
export function completeRecord(ex: Extracted, p: Parts): TweetRecord {
  const { article, quote, userName } = p;
  return { ...ex.record, authorName: authorOf(userName).name, pinned: isPinned(article, quote), reply: isReply(article, userName, ex.textEl, quote), counts: countsOf(article, quote).counts };
}

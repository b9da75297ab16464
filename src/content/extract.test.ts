// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderTimelinePage } from '../../e2e/fixtures/render';
import { UI_LANGS } from '../../e2e/fixtures/locales';
import * as tw from '../../e2e/fixtures/tweets';
import { completeRecord, extractTweet, identify, leadingCount, partsOf, quickIdentity, readIdentity, textOf } from './extract';
import { SEL } from './selectors';

function load(html: string): void {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
}

function articles(): Element[] {
  return [...document.querySelectorAll(`${SEL.cell} ${SEL.tweet}`)].filter((a) => !a.parentElement?.closest(SEL.tweet));
}

describe('extractTweet on fixture pages', () => {
  for (const lang of UI_LANGS) {
    describe(`UI language ${lang}`, () => {
      beforeEach(() => load(renderTimelinePage(tw.CRISIS_TIMELINE, { uiLang: lang })));

      it('finds one article per cell and reads every record', () => {
        const arts = articles();
        expect(document.querySelectorAll(SEL.cell)).toHaveLength(tw.CRISIS_TIMELINE.length);
        expect(arts).toHaveLength(tw.CRISIS_TIMELINE.length);
        const recs = arts.map((a) => extractTweet(a).record);

        const offer = recs[0]!;
        expect(offer.statusId).toBe('104001');
        expect(offer.author).toBe('annelies_h');
        expect(offer.authorName).toBe('Annelies 🌻');
        expect(offer.reposter).toBeNull();
        expect(offer.text).toBe(tw.OFFER_EN.text);
        expect(offer.lang).toBe('en');
        expect(offer.time).toBe(tw.OFFER_EN.created_at);
        expect(offer.hashtags).toEqual(['hasselthelpt']);
        expect(offer.counts).toEqual({ replies: 12, reposts: 1530, likes: 894, bookmarks: 85, views: 116524 });
        expect(offer.promoted || offer.pinned || offer.reply).toBe(false);
        expect(offer.quote).toBeNull();

        // Emoji come from img[alt].
        expect(recs[1]!.text).toBe(tw.SYMPATHY_EN.text);
        expect(recs[1]!.counts).toEqual({ likes: 3 });

        const repost = recs[3]!;
        expect(repost.statusId).toBe('104001');
        expect(repost.author).toBe('annelies_h');
        expect(repost.reposter).toBe('sofie_p');

        const quote = recs[11]!;
        expect(quote.text).toBe(tw.QUOTE_OF_OFFER.text);
        expect(quote.statusId).toBe('104012');
        expect(quote.author).toBe('ellen_m');
        expect(quote.quote).toEqual({ author: 'annelies_h', text: tw.OFFER_EN.text });

        expect(recs[12]!.promoted).toBe(true);
        expect(recs[13]!.reply).toBe(true);
        expect(recs[13]!.text).toBe(tw.REPLY.text);
        expect(recs[14]!.statusId).toBeNull();
        expect(recs[14]!.time).toBeNull();
        expect(recs[14]!.text).toBe(tw.NO_PERMALINK.text);
        expect(recs.filter((r) => r.reply)).toHaveLength(1);
        expect(recs.filter((r) => r.promoted)).toHaveLength(1);
        expect(recs.filter((r) => r.reposter).map((r) => r.reposter)).toEqual(['sofie_p', 'noor_b', 'wim_d']);
      });

      it('reads pinned tweets and reposts on a profile page', () => {
        load(renderTimelinePage(tw.PROFILE_TIMELINE, { uiLang: lang, hashtag: 'x' }));
        const recs = articles().map((a) => extractTweet(a).record);
        expect(recs.map((r) => r.pinned)).toEqual([true, false, false]);
        expect(recs.map((r) => r.reposter)).toEqual([null, null, 'stad_hasselt']);
        expect(recs[0]!.counts).toEqual({ reposts: 2400, likes: 1100, views: 310000 });
      });
    });
  }

  it('does not take a "liked by" header for a repost', () => {
    load(renderTimelinePage([{ ...tw.OFFER_NL, liked_by: 'someone_else' }], {}));
    const [a] = articles();
    expect(extractTweet(a!).record.reposter).toBeNull();
  });

  it('reports which expected parts were found', () => {
    load(renderTimelinePage([tw.OFFER_EN, tw.NO_PERMALINK], {}));
    const [a, b] = articles().map((x) => extractTweet(x).found);
    expect(a).toEqual({ status: true, userName: true, text: true, actions: true });
    expect(b!.status).toBe(false);
  });

  it('identify() and quickIdentity() read the same id and reposter as the full extraction', () => {
    load(renderTimelinePage([...tw.CRISIS_TIMELINE, ...tw.PROFILE_TIMELINE, { ...tw.OFFER_NL, liked_by: 'x' }, { ...tw.INFO_FR, quote_unavailable: true }], {}));
    for (const a of articles()) {
      const r = extractTweet(a).record;
      expect(identify(a)).toEqual({ statusId: r.statusId, reposter: r.reposter });
      expect(quickIdentity(a)).toEqual({ statusId: r.statusId, reposter: r.reposter });
    }
  });

  it('partsOf() with what readIdentity() found, and completeRecord(), read what the full extraction reads', () => {
    load(renderTimelinePage([...tw.CRISIS_TIMELINE, ...tw.PROFILE_TIMELINE, { ...tw.OFFER_NL, liked_by: 'x' }, { ...tw.INFO_FR, quote_unavailable: true }], {}));
    let completed = 0;
    for (const a of articles()) {
      const parts = partsOf(a, readIdentity(a));
      expect(parts).toEqual(partsOf(a));
      // The same elements, not look-alikes: the name readIdentity() found, the quote (or none) found in one walk.
      expect(parts.userName).toBe(partsOf(a).userName);
      expect(parts.quote).toBe(partsOf(a).quote);
      const full = extractTweet(a).record;
      const record = completeRecord(extractTweet(parts, false), parts);
      expect(record).toEqual(full);
      if (full.reply || full.pinned || Object.keys(full.counts).length) completed += 1;
    }
    expect(completed).toBeGreaterThan(3);
  });

  it('reads the counts of undone actions (unlike, unretweet, removeBookmark), the first button of each', () => {
    load(renderTimelinePage([tw.OFFER_EN], {}));
    const [a] = articles();
    const bar = a!.querySelector(SEL.actionBar)!;
    const button = (id: string) => bar.querySelector(`[data-testid="${id}"]`)!;
    button('like').setAttribute('data-testid', 'unlike');
    button('retweet').setAttribute('data-testid', 'unretweet');
    button('bookmark').setAttribute('data-testid', 'removeBookmark');
    // A second reply button after the first (never read) and one without a number.
    const extra = document.createElement('button');
    extra.setAttribute('data-testid', 'reply');
    extra.setAttribute('aria-label', '777 Replies');
    bar.append(extra);
    button('reply').setAttribute('aria-label', 'Reply');
    expect(extractTweet(a!).record.counts).toEqual({ reposts: 1530, likes: 894, bookmarks: 85, views: 116524 });
    expect(Object.keys(extractTweet(a!).record.counts)).toEqual(['reposts', 'likes', 'bookmarks', 'views']);
  });

  it('treats an unavailable quote as a quote, not as the tweet', () => {
    load(renderTimelinePage([{ ...tw.INFO_FR, quote_unavailable: true }], {}));
    const [a] = articles();
    const r = extractTweet(a!).record;
    expect(r.statusId).toBe('104007');
    expect(r.text).toBe(tw.INFO_FR.text);
    expect(r.quote).not.toBeNull();
  });
});

describe('leadingCount', () => {
  it('takes the leading integer whatever the words', () => {
    expect(leadingCount('894 likes. Like')).toBe(894);
    expect(leadingCount('99 件のリポスト')).toBe(99);
    expect(leadingCount('116524 views. View post analytics')).toBe(116524);
    expect(leadingCount('1,234 Reposts')).toBe(1234);
    expect(leadingCount('1.234 vind-ik-leuks')).toBe(1234);
    expect(leadingCount('12 345 vues')).toBe(12345);
    expect(leadingCount('Reply')).toBeNull();
    expect(leadingCount(null)).toBeNull();
    expect(leadingCount('1.5K')).toBe(1);
  });
});

describe('textOf', () => {
  it('joins text nodes, image alts and line breaks', () => {
    const div = document.createElement('div');
    div.append('a ', Object.assign(document.createElement('img'), { alt: '🙏' }), document.createElement('br'), 'b');
    expect(textOf(div)).toBe('a 🙏\nb');
  });
});

describe('a long post X cut at "Show more"', () => {
  it('is read as cut, and only by its own link, not by one in the post it quotes', () => {
    load(renderTimelinePage([tw.LONG_CUT, tw.QUOTE_OF_OFFER, tw.OFFER_EN]));
    const [cut, quoting, plain] = articles().map((a) => extractTweet(a, false).record);
    expect(cut?.text).toBe(tw.LONG_CUT.text);
    expect(cut?.truncated).toBe(true);
    expect(plain?.truncated).toBeUndefined();
    // X cuts a long quoted post inside the quote block: the quoting post itself is whole.
    const quoteText = articles()[1]!.querySelector(`${SEL.quote} ${SEL.tweetText}`)!;
    const link = document.createElement('button');
    link.setAttribute('data-testid', 'tweet-text-show-more-link');
    quoteText.after(link);
    expect(extractTweet(articles()[1]!, false).record.truncated).toBeUndefined();
    expect(quoting?.quote?.text).toBe(tw.OFFER_EN.text);
  });
});

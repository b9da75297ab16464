// @vitest-environment happy-dom
// The content script on mutilated and hostile pages: fixture timelines with
// parts removed, reordered, duplicated or given hostile attribute values, and
// tweets carrying markup, script links and floods of characters. Extraction
// gives a partial record or nothing, the session never throws (not even into
// its own guard), every sighting it sends passes the background's validation,
// and nothing it adds to the page is markup made from tweet text.
import { afterEach, describe, expect, it } from 'vitest';
import { renderTimelinePage, type TimelineItem } from '../../e2e/fixtures/render';
import { UI_LANGS } from '../../e2e/fixtures/locales';
import * as tw from '../../e2e/fixtures/tweets';
import { defaults, type Settings } from '../core/settings';
import { MARKUP_PAYLOADS, ODD_TEXTS, randomText, seeded } from '../core/hostile-inputs';
import { isSighting, type SightingInput } from '../shared/messages';
import { classify } from '../core/classify/classify';
import { createRepeatTracker } from '../core/repeat/stream';
import { listenForShow } from './apply';
import { extractTweet, identify } from './extract';
import { failures } from './guard';
import { SEL } from './selectors';
import { Session } from './session';
import { Lru, type TweetVerdict } from './state';
import { translator } from './strings';
import type { TriageCore } from './core';

const NOW = Date.parse('2011-08-18T20:00:00Z');

// The real classifier and repeat tracker, wired as the content script wires them.
const realCore: TriageCore = {
  classify,
  tracker(now) {
    const t = createRepeatTracker({ now, maxEntries: 20_000 });
    return { see: (msg, isOffer) => t.see(msg, isOffer), offer: (msg, key) => t.offer(msg, key) };
  },
};

function load(html: string): void {
  // The fixture page's own markup (its text is escaped by the renderer, as X's React renders text nodes).
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
}

const HOSTILE_ATTRS: Record<string, string[]> = {
  href: ['javascript:window.__pwned=1', '/', '//evil.example/x', '/a/status/', '/hashtag/%E0%A4%A', '/i/web/status/99999999999999999999999999', ''],
  datetime: ['not a date', '', '99999-01-01T00:00:00Z', '<script>'],
  lang: ['<img src=x onerror=1>', '', 'x'.repeat(500)],
  'aria-label': ['999999999999999999999 likes', '1,2,3,4 Reposts', '', '\u202E12 likes', 'NaN'],
  'data-testid': ['tweet', 'tweetText', 'User-Name', 'socialContext', 'cellInnerDiv', 'placementTracking', ''],
  d: ['M4.75 3.79l4.603 4.3', ''],
};
const ATTR_NAMES = Object.keys(HOSTILE_ATTRS);

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

/** One random change inside the timeline: what a new X release, an ad or a broken render might do. */
function mutate(rand: () => number, root: Element): void {
  const all = [...root.querySelectorAll('[data-testid="cellInnerDiv"] *')];
  if (!all.length) return;
  const el = pick(rand, all);
  const other = pick(rand, all);
  switch (Math.floor(rand() * 8)) {
    case 0:
      el.remove();
      break;
    case 1:
      // Reorder: move an element elsewhere (unless that would put it inside itself).
      if (!el.contains(other)) other.parentElement?.insertBefore(el, rand() < 0.5 ? other : other.nextSibling);
      break;
    case 2:
      el.removeAttribute(pick(rand, ATTR_NAMES));
      break;
    case 3: {
      const name = pick(rand, ATTR_NAMES);
      el.setAttribute(name, pick(rand, HOSTILE_ATTRS[name] as string[]));
      break;
    }
    case 4:
      // Duplicate: two texts, two status links, a nested article...
      if (!el.contains(other)) other.append(el.cloneNode(true));
      break;
    case 5:
      el.textContent = pick(rand, [...MARKUP_PAYLOADS, ...ODD_TEXTS]);
      break;
    case 6: {
      const wrap = document.createElement('div');
      el.replaceWith(wrap);
      wrap.append(el);
      break;
    }
    default:
      // Empty an element: a cell X has not filled yet.
      el.replaceChildren();
  }
}

function checkRecord(r: ReturnType<typeof extractTweet>['record']): void {
  const strOrNull = (v: unknown) => v === null || typeof v === 'string';
  expect(strOrNull(r.statusId) && strOrNull(r.author) && strOrNull(r.authorName) && strOrNull(r.reposter)).toBe(true);
  expect(strOrNull(r.lang) && strOrNull(r.time)).toBe(true);
  expect(typeof r.text).toBe('string');
  expect(Array.isArray(r.hashtags) && r.hashtags.every((h) => typeof h === 'string')).toBe(true);
  if (r.statusId !== null) expect(r.statusId).toMatch(/^\d{1,25}$/);
  if (r.author !== null) expect(r.author).toMatch(/^[A-Za-z0-9_]{1,30}$/);
  for (const n of Object.values(r.counts)) expect(Number.isSafeInteger(n) && n > 0).toBe(true);
}

interface Run {
  session: Session;
  sightings: SightingInput[];
  ctrl: AbortController;
}
let run: Run | null = null;
afterEach(() => run?.ctrl.abort());

// One tracker for every round, as on a long visit (a fresh one costs more than a round).
const sharedTracker = realCore.tracker(() => NOW);

function startSession(settings: Partial<Settings> = {}): Run {
  const ctrl = new AbortController();
  const sightings: SightingInput[] = [];
  const s = { ...defaults, ...settings, filters: { ...defaults.filters, sympathy: true, repeat: true, offtopic: true, stale: true, seen: true } };
  const session = new Session(
    {
      doc: document,
      core: realCore,
      tracker: sharedTracker,
      cache: new Lru<TweetVerdict>(1000),
      closed: new Set<string>(),
      apply: { t: translator(null), time: (ms) => new Date(ms).toISOString().slice(11, 16) },
      settings: () => s,
      now: () => NOW,
      sighting: (x) => sightings.push(x),
      lookup: () => undefined,
      changed: () => undefined,
      budgetMs: Infinity,
    },
    ctrl.signal,
  );
  session.start();
  ctrl.signal.addEventListener('abort', listenForShow(document, () => session.applyContext));
  run = { session, sightings, ctrl };
  return run;
}

/** What the extension may add to a page: attributes, and its placeholder and badge made of these elements only. */
function foreignMarkup(): string[] {
  const bad: string[] = [];
  for (const el of document.querySelectorAll('script, iframe, object, embed, style:not(#hashtag-triage-style), svg[onload], [onerror], [onload], [onclick]')) {
    bad.push(el.outerHTML.slice(0, 120));
  }
  for (const a of document.querySelectorAll('a[href]')) {
    if (/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) bad.push(a.outerHTML.slice(0, 120));
  }
  for (const node of document.querySelectorAll('.ht-ph, .ht-badge')) {
    for (const child of node.querySelectorAll('*')) {
      if (!['SPAN', 'BUTTON'].includes(child.tagName)) bad.push(`${node.className} holds <${child.tagName.toLowerCase()}>`);
    }
  }
  return bad;
}

describe('extraction and the session on mutilated fixture pages', () => {
  it('90 mutated timelines: partial records or none, never an exception, valid sightings', async () => {
    const rand = seeded(2011);
    const before = failures.count;
    // Parsed once per UI language, then copied: parsing is most of the cost of a round.
    const pages = UI_LANGS.map((lang) => {
      load(renderTimelinePage(tw.CRISIS_TIMELINE, { uiLang: lang, separatorEvery: 3 }));
      return [...document.body.childNodes].map((n) => n.cloneNode(true));
    });
    for (let round = 0; round < 90; round++) {
      document.body.replaceChildren(...pick(rand, pages).map((n) => n.cloneNode(true)));
      const changes = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < changes; i++) mutate(rand, document.body);
      for (const article of document.querySelectorAll(SEL.tweet)) {
        expect(() => identify(article)).not.toThrow();
        checkRecord(extractTweet(article).record);
        checkRecord(extractTweet(article, false).record);
      }
      // The whole session on every third page (it costs ten times the extraction in this DOM).
      if (round % 3 === 0) {
        const r = startSession();
        for (const s of r.sightings) expect(isSighting(s), JSON.stringify(s).slice(0, 300)).toBe(true);
        // More changes while the session watches (X re-rendering), then the page goes away.
        for (let i = 0; i < 3; i++) mutate(rand, document.body);
        await new Promise((done) => setTimeout(done, 0));
        for (const s of r.sightings) expect(isSighting(s), JSON.stringify(s).slice(0, 300)).toBe(true);
        r.session.reapplyAll();
        r.session.hiddenCounts();
        r.ctrl.abort();
      }
      expect(failures.count, `round ${round}: ${failures.last}`).toBe(before);
    }
  }, 120_000);
});

describe('hostile tweets through the session', () => {
  const long = 'Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56. ' + 'x'.repeat(25_000);
  const texts = [...MARKUP_PAYLOADS, ...ODD_TEXTS, long, randomText(seeded(3), 10_000), '🙏'.repeat(5000)];
  const huge = (text: string) => text.length > 5000;
  const items: TimelineItem[] = texts.flatMap((text, i) => [
    // As an offer (so it is recorded and badged), as sympathy and as a repeat.
    {
      id: `h${i}`,
      status_id: String(300000 + i),
      author: `host_${i}`,
      author_name: MARKUP_PAYLOADS[i % MARKUP_PAYLOADS.length] as string,
      text: `Spare room for 2 tonight, DM me ${text}`,
      lang: 'en',
      created_at: '2011-08-18T19:00:00.000Z',
      counts: { reposts: 3 },
      hashtags: ['hasselthelpt'],
    },
    // The huge texts once only: this DOM is slow with thousands of emoji images.
    ...(huge(text)
      ? []
      : [
          { id: `s${i}`, status_id: String(310000 + i), author: `fan_${i}`, text: `Thoughts and prayers ${text}`, lang: 'en', created_at: '2011-08-18T19:05:00.000Z' },
          { id: `r${i}`, status_id: String(300000 + i), author: `host_${i}`, retweeted_by: `fan_${i}`, text: `Spare room for 2 tonight, DM me ${text}`, lang: 'en' },
        ]),
  ]);

  it('tags every tweet, adds no markup made from their text, and sends only valid sightings', () => {
    load(renderTimelinePage(items, { uiLang: 'en' }));
    const injected = foreignMarkup();
    expect(injected).toEqual([]); // the fixture renders text as text
    const before = failures.count;
    const r = startSession();
    expect(failures.count, failures.last).toBe(before);
    const firsts = [...document.querySelectorAll(`${SEL.cell} > :first-child`)];
    expect(firsts.length).toBe(items.length);
    for (const f of firsts) expect(f.getAttribute('data-triage')).toMatch(/^(offer|request|info|sympathy|other)$/);
    expect(foreignMarkup()).toEqual([]);
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
    // Every offer went out, and every sighting is one the background accepts (a 25,000-character post included).
    expect(r.sightings.length).toBeGreaterThan(0);
    for (const s of r.sightings) expect(isSighting(s), `${s.key}: ${s.text.length} characters`).toBe(true);
    // Placeholders and badges speak in the extension's words, never in the tweet's.
    for (const node of document.querySelectorAll('.ht-ph, .ht-badge')) {
      for (const p of MARKUP_PAYLOADS) expect(node.textContent ?? '').not.toContain(p);
    }
  }, 60_000);
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderCell, renderTimelinePage, type TimelineItem } from '../../e2e/fixtures/render';
import * as tw from '../../e2e/fixtures/tweets';
import { defaults, type Settings } from '../core/settings';
import type { Classification, Message } from '../core/types';
import type { SightingInput } from '../shared/messages';
import { ATTR, listenForShow, MAX_RUN } from './apply';
import { createRepeatTracker } from '../core/repeat/stream';
import { exactTracker, type TriageCore } from './core';
import { failures } from './guard';
import { BUDGET_CHECK_EVERY, MAX_CLOSED, Session } from './session';
import { Lru, type TweetVerdict } from './state';
import { translator } from './strings';

// A stand-in classifier with obvious rules, so these tests exercise the page logic, not the model.
function fakeCore(calls: Message[] = []): TriageCore {
  return {
    classify(msg: Message): Classification {
      calls.push(msg);
      const t = msg.text;
      const c = (label: Classification['label'], sympathyOnly = false) => ({ label, confidence: 0.9, cues: [], sympathyOnly });
      if (/boom/.test(t)) throw new Error('boom');
      // A cut text is never sympathy only, as in the real classifier.
      if (/prayers|sterkte|Gedanken|Thinking of/.test(t)) return c('sympathy', msg.truncated !== true);
      if (/Spare room|Schlafplatz|Canapé|rij om|Room for/.test(t)) return c('offer');
      if (/zoeken|need/.test(t)) return c('request');
      if (/Shop now|wedstrijd/.test(t)) return c('other');
      return c('info');
    },
    tracker: () => {
      const exact = exactTracker();
      const offers: string[] = [];
      return {
        see(msg, isOffer) {
          const { key } = exact.see(msg, isOffer);
          // "volzet" closes the author's latest offer, as the real tracker does for a follow-up.
          const closes = /volzet/.test(msg.text) ? offers.slice(-1) : [];
          if (isOffer) offers.push(key);
          return { key, closes };
        },
        offer: (msg) => ({
          kind: 'shelter',
          capacity: 2,
          places: [],
          contact: { dm: true, phones: [], address: null, handles: [] },
          status: /no longer/.test(msg.text) ? 'closed' : 'open',
          postedAt: msg.createdAt ?? null,
        }),
      };
    },
  };
}

const NOW = Date.parse('2011-08-18T20:00:00Z');

interface Harness {
  session: Session;
  sightings: SightingInput[];
  lookups: string[];
  /** What the store was told of offers closed (true) or opened again (false). */
  statuses: [string, boolean][];
  calls: Message[];
  ctrl: AbortController;
  settings: Settings;
}

let h: Harness;

type SetupOptions = { settings?: Partial<Settings>; core?: TriageCore; budgetMs?: number; closed?: Set<string> };

function setup(items: TimelineItem[], opts: SetupOptions = {}): Harness {
  const body = /<body>([\s\S]*)<\/body>/.exec(renderTimelinePage(items, { separatorEvery: 0 }))?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  return startSession(opts);
}

/** A session on the document as it is (a new instance of the content script starts this way). */
function startSession(opts: SetupOptions = {}): Harness {
  const calls: Message[] = [];
  const sightings: SightingInput[] = [];
  const lookups: string[] = [];
  const statuses: [string, boolean][] = [];
  const ctrl = new AbortController();
  const settings = { ...defaults, ...opts.settings };
  const core = fakeCore(calls);
  const session = new Session(
    {
      doc: document,
      core: opts.core ?? core,
      tracker: (opts.core ?? core).tracker(() => NOW),
      cache: new Lru<TweetVerdict>(100),
      closed: opts.closed ?? new Set<string>(),
      apply: { t: translator(null), time: (ms) => new Date(ms).toISOString().slice(11, 16) },
      settings: () => settings,
      now: () => NOW,
      sighting: (s) => sightings.push(s),
      lookup: (k) => lookups.push(k),
      offerStatus: (k, closed) => statuses.push([k, closed]),
      changed: () => undefined,
      budgetMs: opts.budgetMs ?? Infinity,
    },
    ctrl.signal,
  );
  session.start();
  ctrl.signal.addEventListener('abort', listenForShow(document, () => session.applyContext));
  return { session, sightings, lookups, statuses, calls, ctrl, settings };
}

const cells = () => [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
const first = (i: number) => cells()[i]!.firstElementChild as HTMLElement;
const placeholder = (i: number) => {
  const n = first(i).nextElementSibling;
  return n?.classList.contains('ht-ph') ? n : null;
};
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => h?.ctrl.abort());

describe('Session on a crisis timeline', () => {
  beforeEach(() => {
    h = setup(tw.CRISIS_TIMELINE);
  });

  it('tags the first child of every tweet cell, never the cell itself', () => {
    const labels = cells().map((c) => c.firstElementChild?.getAttribute(ATTR.label));
    expect(labels).toEqual([
      'offer', 'sympathy', 'request', 'offer', 'offer', 'sympathy', 'info', 'offer', 'sympathy', 'offer',
      'offer', 'info', 'other', 'info', 'sympathy', 'other', 'sympathy', 'sympathy',
    ]);
    for (const c of cells()) expect([...c.attributes].map((a) => a.name).sort()).toEqual(['data-testid', 'style']);
  });

  it('marks sympathy-only tweets for the sympathy filter and nothing actionable', () => {
    expect(first(1).getAttribute(ATTR.hidden)).toBe('sympathy');
    expect(first(5).getAttribute(ATTR.hidden)).toBe('sympathy');
    for (const i of [0, 2, 4, 6, 7, 9]) expect(first(i).hasAttribute(ATTR.hidden)).toBe(false);
    expect(placeholder(1)?.textContent).toBe('Sympathy message hidden.Show');
    expect(placeholder(1)?.querySelector('button')?.type).toBe('button');
    expect(placeholder(0)).toBeNull();
  });

  it('keeps the first occurrence of an offer and marks reposts and copies as repeats', () => {
    expect(first(0).hasAttribute(ATTR.hidden)).toBe(false);
    expect(first(3).getAttribute(ATTR.hidden)).toBe('repeat'); // native repost
    expect(first(10).getAttribute(ATTR.hidden)).toBe('repeat'); // "RT @..." copy
    expect(first(0).querySelector('.ht-badge')?.textContent).toBe('Offer · first posted 18:40 · reposted 2 times');
    expect(placeholder(3)?.firstElementChild?.textContent).toBe('1 more repost of this offer.');
  });

  it('marks ads and off-topic tweets for the offtopic filter only', () => {
    expect(first(12).getAttribute(ATTR.hidden)).toBe('offtopic');
    expect(first(15).getAttribute(ATTR.hidden)).toBe('offtopic');
  });

  it('gives a repeated sympathy message both reasons, sympathy first', () => {
    expect(first(16).getAttribute(ATTR.hidden)).toBe('sympathy');
    expect(first(16).getAttribute(ATTR.also)).toBe('repeat');
  });

  it('records each offer occurrence once and asks once per key whether it was seen before', () => {
    expect(h.sightings.map((s) => s.statusId)).toEqual(['104001', '104001', '104005', '104008', '104010', '104011']);
    expect(h.sightings[1]).toMatchObject({ reposter: 'sofie_p', label: 'offer', postedAt: tw.OFFER_EN.created_at, seenAt: NOW });
    expect(h.sightings[0]!.counts).toEqual(tw.OFFER_EN.counts);
    expect(new Set(h.lookups).size).toBe(h.lookups.length);
    expect(h.lookups).toHaveLength(4);
  });

  it('judges each tweet once, in timeline order, when its repost arrives in the same batch', () => {
    // The timeline is one batch (read, judged, tagged together); the repost of the first offer is in it.
    const ids = tw.CRISIS_TIMELINE.map((t, i) => t.status_id ?? `none${i}`);
    const judged = h.calls.map((m) => m.id);
    expect(judged.length).toBe(new Set(ids).size);
    expect(judged.filter((id) => id === tw.OFFER_EN.status_id)).toHaveLength(1);
    const withIds = judged.filter((id) => ids.includes(id));
    expect(withIds).toEqual([...new Set(ids.filter((id) => withIds.includes(id)))]);
  });

  it('re-applies the verdict to a re-created cell without classifying again', async () => {
    const before = h.calls.length;
    const list = cells()[0]!.parentElement!;
    cells()[1]!.remove();
    await tick();
    const fresh = document.createElement('template');
    fresh.innerHTML = renderCell(tw.SYMPATHY_EN, {});
    list.insertBefore(fresh.content.firstElementChild!, cells()[1]!);
    await tick();
    expect(first(1).getAttribute(ATTR.hidden)).toBe('sympathy');
    expect(placeholder(1)).not.toBeNull();
    expect(h.calls.length).toBe(before);
  });

  it('tags a cell added later in the mutation callback', async () => {
    const list = cells()[0]!.parentElement!;
    const tpl = document.createElement('template');
    tpl.innerHTML = renderCell({ ...tw.REQUEST_NL, status_id: '555', text: 'We need water at the camp site' }, {});
    list.append(tpl.content.firstElementChild!);
    await tick();
    expect(first(cells().length - 1).getAttribute(ATTR.label)).toBe('request');
  });

  it('marks an offer seen on an earlier visit', () => {
    const key = h.sightings.find((s) => s.statusId === '104005')!.key;
    h.session.markSeenBefore([key]);
    expect(first(4).getAttribute(ATTR.hidden)).toBe('seen');
    expect(first(4).hasAttribute(ATTR.seen)).toBe(true);
    expect(first(4).querySelector('.ht-badge')?.textContent).toContain('seen before');
  });

  it('counts what each enabled filter hides', () => {
    expect(h.session.hiddenCounts()).toEqual({ sympathy: 6, repeat: 4, seen: 0, stale: 0, offtopic: 0 });
  });
});

describe('what the page shows only in part', () => {
  it('never hides as sympathy only a long post X cut at "Show more"', () => {
    h = setup([tw.SYMPATHY_NL, tw.LONG_CUT]);
    expect(first(0).getAttribute(ATTR.hidden)).toBe('sympathy');
    expect(h.calls[1]?.text).toBe(tw.LONG_CUT.text);
    expect(h.calls[1]?.truncated).toBe(true);
    expect(first(1).getAttribute(ATTR.label)).toBe('sympathy');
    expect(first(1).hasAttribute(ATTR.hidden)).toBe(false);
    expect(placeholder(1)).toBeNull();
  });

  it("keys a quote by its quoted author's offer, not by the same words posted by someone else", () => {
    const seen: Message[] = [];
    const core: TriageCore = {
      classify: (msg) => {
        seen.push(msg);
        return { label: /Spare room/.test(msg.text) ? 'offer' : 'info', confidence: 0.9, cues: [], sympathyOnly: false };
      },
      tracker: () => {
        const t = createRepeatTracker({ now: () => NOW });
        return { see: (msg, isOffer) => t.see(msg, isOffer), offer: (msg, key) => t.offer(msg, key) };
      },
    };
    const text = 'Spare room in Genk for 3 people tonight, send a DM #hasselthelpt';
    const alice = { id: 'q1', status_id: '106001', author: 'alice_g', text, lang: 'en', created_at: '2011-08-18T19:00:00.000Z' };
    const bob = { ...alice, id: 'q2', status_id: '106002', author: 'bob_g', created_at: '2011-08-18T19:05:00.000Z' };
    const quote = { id: 'q3', status_id: '106003', author: 'carla_g', text: 'Please share!', lang: 'en', created_at: '2011-08-18T19:10:00.000Z', quote: { author: 'bob_g', text, lang: 'en', created_at: bob.created_at } };
    h = setup([alice, bob, quote], { core });
    expect(seen[2]?.quotedAuthor).toBe('bob_g');
    const group = (i: number) => first(i).getAttribute(ATTR.group);
    expect(group(0)).not.toBe(group(1));
    expect(group(2)).toBe(group(1));
  });
});

describe('stale offers', () => {
  it('marks offers older than the limit, and only offers', () => {
    h = setup([tw.OFFER_EN, tw.OFFER_NL, tw.INFO_FR], { settings: { staleHours: 1 } });
    expect(first(0).getAttribute(ATTR.hidden)).toBe('stale');
    expect(first(0).querySelector('.ht-badge')?.textContent).toBe('Offer · first posted 18:40 · stale');
    expect(first(1).hasAttribute(ATTR.hidden)).toBe(false);
    expect(first(2).hasAttribute(ATTR.hidden)).toBe(false);
  });

  it('marks an offer closed by a later message of its author, wherever it is', () => {
    h = setup([tw.OFFER_NL, tw.SYMPATHY_EN, { ...tw.INFO_FR, author: tw.OFFER_NL.author, text: 'Update: volzet, bedankt!' }]);
    expect(first(0).getAttribute(ATTR.hidden)).toBe('stale');
    expect(first(0).querySelector('.ht-badge')?.textContent).toContain('closed');
  });

  it('on a newest-first timeline, closes the older offer a "full" is about, and opens it again when the "full" turns out unclear', () => {
    // The real repeat tracker behind a classifier that calls every "slaapplaats" or "douche" an offer.
    const core: TriageCore = {
      classify: (msg) => ({ label: /slaapplaats|douche/i.test(msg.text) ? 'offer' : 'info', confidence: 0.9, cues: [], sympathyOnly: false }),
      tracker: () => {
        const t = createRepeatTracker({ now: () => NOW });
        return { see: (msg, isOffer) => t.see(msg, isOffer), offer: (msg, key) => t.offer(msg, key) };
      },
    };
    const at = (m: number) => new Date(NOW - m * 60_000).toISOString();
    const item = (n: number, text: string, minutesAgo: number) => ({ id: `c${n}`, status_id: String(105000 + n), author: 'lies_v', text, lang: 'nl', created_at: at(minutesAgo) });
    const timeline = [
      item(1, 'Nieuwe slaapplaats voor 3 in Genk, stuur een DM', 10),
      item(2, 'Volzet, bedankt iedereen!', 20),
      item(3, 'Slaapplaats voor 2 in Hasselt, stuur een DM', 30),
    ];
    h = setup(timeline, { core });
    expect(first(0).hasAttribute(ATTR.hidden)).toBe(false);
    expect(first(2).getAttribute(ATTR.hidden)).toBe('stale');
    expect(first(2).querySelector('.ht-badge')?.textContent).toContain('closed');
    const hasselt = h.sightings.find((s) => s.statusId === '105003');
    expect(hasselt?.offer?.status).toBe('closed');
    expect(h.statuses).toEqual([[hasselt?.key, true]]);
    h.ctrl.abort();
    // One more offer of hers, older still: the "full" could be about either, so neither is closed.
    h = setup([...timeline, item(4, 'Douche beschikbaar in Genk, stuur een DM', 40)], { core });
    expect(first(2).hasAttribute(ATTR.hidden)).toBe(false);
    expect(first(2).querySelector('.ht-badge')?.textContent).not.toContain('closed');
    expect(first(3).hasAttribute(ATTR.hidden)).toBe(false);
    // Recorded as open: it was opened again before its cell was tagged.
    expect(h.sightings.find((s) => s.statusId === '105003')?.offer?.status).toBe('open');
    expect(h.statuses.map(([, closed]) => closed)).toEqual([true, false]);
  });

  it('remembers a bounded number of closed offers, the oldest going first', () => {
    const closed = new Set(Array.from({ length: MAX_CLOSED }, (_, i) => `old${i}`));
    h = setup([tw.OFFER_NL, { ...tw.INFO_FR, author: tw.OFFER_NL.author, text: 'Update: volzet, bedankt!' }], { closed });
    expect(first(0).getAttribute(ATTR.hidden)).toBe('stale');
    expect(closed.size).toBe(MAX_CLOSED);
    expect(closed.has('old0')).toBe(false);
    expect(closed.has('old1')).toBe(true);
  });

  it('marks an offer its author closed', () => {
    h = setup([{ ...tw.OFFER_NL, text: 'Update: no longer available, thanks all! Spare room taken' }]);
    expect(first(0).getAttribute(ATTR.hidden)).toBe('stale');
    expect(first(0).querySelector('.ht-badge')?.textContent).toContain('closed');
  });
});

describe('runs of hidden cells', () => {
  it('puts consecutive sympathy messages under one placeholder, at most MAX_RUN per placeholder', () => {
    const many = Array.from({ length: MAX_RUN + 3 }, (_, i) => ({ ...tw.SYMPATHY_NL, id: `s${i}`, status_id: String(900 + i), text: `Veel sterkte ${i}` }));
    h = setup([tw.OFFER_EN, ...many, tw.REQUEST_NL]);
    expect(first(1).hasAttribute(ATTR.run)).toBe(false);
    expect(placeholder(1)?.firstElementChild?.textContent).toBe(`${MAX_RUN} sympathy messages hidden.`);
    for (let i = 2; i <= MAX_RUN; i++) expect(first(i).getAttribute(ATTR.run)).toBe('more');
    expect(first(MAX_RUN + 1).hasAttribute(ATTR.run)).toBe(false);
    expect(placeholder(MAX_RUN + 1)?.firstElementChild?.textContent).toBe('3 sympathy messages hidden.');
    expect(first(MAX_RUN + 4).hasAttribute(ATTR.hidden)).toBe(false);
  });

  it('Show reveals the whole run and it stays revealed when X re-creates the cells', async () => {
    const three = [0, 1, 2].map((i) => ({ ...tw.SYMPATHY_NL, id: `s${i}`, status_id: String(900 + i), text: `Veel sterkte ${i}` }));
    h = setup([tw.OFFER_EN, ...three]);
    (placeholder(1)?.querySelector('button') as HTMLButtonElement).click();
    for (const i of [1, 2, 3]) {
      expect(first(i).hasAttribute(ATTR.hidden)).toBe(false);
      expect(first(i).getAttribute(ATTR.revealed)).toBe('sympathy');
      expect(placeholder(i)).toBeNull();
    }
    const list = cells()[0]!.parentElement!;
    cells()[2]!.remove();
    const tpl = document.createElement('template');
    tpl.innerHTML = renderCell(three[1]!, {});
    list.insertBefore(tpl.content.firstElementChild!, cells()[2]!);
    await tick();
    expect(first(2).getAttribute(ATTR.label)).toBe('sympathy');
    expect(first(2).hasAttribute(ATTR.hidden)).toBe(false);
  });

  it('a new instance of the content script (after an extension update) keeps what the user revealed', () => {
    const three = [0, 1, 2].map((i) => ({ ...tw.SYMPATHY_NL, id: `s${i}`, status_id: String(900 + i), text: `Veel sterkte ${i}` }));
    // An offer between the two runs of sympathy messages: the second run is not revealed with the first.
    h = setup([tw.OFFER_EN, ...three, tw.OFFER_NL, { ...tw.SYMPATHY_EN, id: 'late' }]);
    (placeholder(1)?.querySelector('button') as HTMLButtonElement).click();
    expect(first(5).getAttribute(ATTR.hidden)).toBe('sympathy');
    h.ctrl.abort();
    h = startSession();
    for (const i of [1, 2, 3]) {
      expect(first(i).hasAttribute(ATTR.hidden)).toBe(false);
      expect(first(i).getAttribute(ATTR.revealed)).toBe('sympathy');
      expect(placeholder(i)).toBeNull();
    }
    // What was not revealed stays hidden, with its one placeholder.
    expect(first(5).getAttribute(ATTR.hidden)).toBe('sympathy');
    expect(placeholder(5)).not.toBeNull();
    expect(first(0).getAttribute(ATTR.label)).toBe('offer');
  });

  it('a removed run head hands its placeholder to the next cell', async () => {
    const three = [0, 1, 2].map((i) => ({ ...tw.SYMPATHY_NL, id: `s${i}`, status_id: String(900 + i), text: `Veel sterkte ${i}` }));
    h = setup([tw.OFFER_EN, ...three]);
    cells()[1]!.remove();
    await tick();
    expect(first(1).hasAttribute(ATTR.run)).toBe(false);
    expect(placeholder(1)?.firstElementChild?.textContent).toBe('2 sympathy messages hidden.');
  });
});

describe('work budget', () => {
  it('spreads a large batch over several tasks instead of one long task, and tags every cell', async () => {
    h = setup(tw.CRISIS_TIMELINE, { budgetMs: 0 });
    // With no budget, a task judges only the tweets before its first look at the clock.
    expect(tw.CRISIS_TIMELINE.length).toBeGreaterThan(2 * BUDGET_CHECK_EVERY);
    expect(cells().filter((c) => c.firstElementChild?.hasAttribute(ATTR.label))).toHaveLength(BUDGET_CHECK_EVERY);
    for (let i = 0; i < 40 && cells().some((c) => !c.firstElementChild?.hasAttribute(ATTR.label)); i++) await tick();
    expect(cells().every((c) => c.firstElementChild?.hasAttribute(ATTR.label))).toBe(true);
  });
});

describe('failures', () => {
  it('shows a tweet whose classification throws, and counts the failure', () => {
    const before = failures.count;
    h = setup([{ ...tw.INFO_FR, text: 'boom' }, tw.OFFER_EN]);
    expect(first(0).getAttribute(ATTR.label)).toBe('info');
    expect(first(0).hasAttribute(ATTR.hidden)).toBe(false);
    expect(first(1).getAttribute(ATTR.label)).toBe('offer');
    expect(failures.count).toBe(before + 1);
  });

  it('leaves cells without a tweet untouched', () => {
    h = setup([tw.OFFER_EN]);
    const list = cells()[0]!.parentElement!;
    const empty = document.createElement('div');
    empty.setAttribute('data-testid', 'cellInnerDiv');
    empty.append(document.createElement('div'));
    list.append(empty);
    expect(h.session.processCell(empty)).toBe(false);
    expect(empty.firstElementChild!.attributes).toHaveLength(0);
  });
});

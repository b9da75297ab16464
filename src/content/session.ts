// One visit of one timeline page: tags every tweet cell as it appears (in the
// MutationObserver callback, so before the next paint), keeps verdicts per
// tweet and occurrences per page, and re-applies them when X re-creates a cell.
import type { Settings } from '../core/settings';
import { FILTERS } from '../core/settings';
import type { Message, TweetRecord } from '../core/types';
import { fitSighting, type HiddenCounts, type SightingInput } from '../shared/messages';
import { applyVerdict, ATTR, CLS, hasClass, refreshRun, updateBadges, type ApplyContext } from './apply';
import { exactTracker, fnv, type RepeatTracker, type TriageCore } from './core';
import { completeRecord, extractTweet, partsOf, readIdentity, type Extracted, type Parts, type QuickRead } from './extract';
import { noteFailure } from './guard';
import { Health } from './health';
import { later, observe } from './observe';
import { CELL_TESTID, SEL } from './selectors';
import { hiddenReasons, Lru, MAX_OCCURRENCES, type Occurrence, PageState, type TweetVerdict } from './state';

/** Time spent by the content script, read by the benchmark (never leaves the isolated world). */
export interface PerfStats {
  cells: number;
  /** Time to build the core (model, lexicons) on the first page in scope, ms. */
  coreInitMs: number;
  /** Time of each task the core's build was split into, ms. */
  coreSteps: number[];
  /** Tweets judged by the core, and the time of the batches' judging passes (the core, and verdicts found in the cache). */
  judged: number;
  coreMs: number;
  batches: number;
  totalMs: number;
  maxBatchMs: number;
  /** Per-cell processing times, ms (ring buffer). */
  samples: Float64Array;
  next: number;
}

export function newPerfStats(size = 8192): PerfStats {
  return { cells: 0, coreInitMs: 0, coreSteps: [], judged: 0, coreMs: 0, batches: 0, totalMs: 0, maxBatchMs: 0, samples: new Float64Array(size), next: 0 };
}

export interface SessionDeps {
  doc: Document;
  core: TriageCore;
  tracker: RepeatTracker;
  /** Verdicts by tweet, kept across the pages of a visit. */
  cache: Lru<TweetVerdict>;
  /** Offer keys closed by a later message, kept across the pages of a visit. */
  closed: Set<string>;
  apply: Omit<ApplyContext, 'onReveal'>;
  settings: () => Settings;
  now: () => number;
  /** Start of the visit this page belongs to (default: now): offers shown before it were seen "before". */
  since?: number;
  /** An offer occurrence to record in the store. */
  sighting: (s: SightingInput) => void;
  /** A later message closed this offer (closed), or showed that close unclear (not closed): for the store. */
  offerStatus?: (key: string, closed: boolean) => void;
  /** A message key to ask the store about (seen on an earlier visit?). */
  lookup: (key: string) => void;
  /** Something a status report shows changed. */
  changed: () => void;
  /** Called on every mutation batch: lets the caller notice a URL change cheaply. */
  tick?: () => void;
  perf?: PerfStats;
  /** Work budget per task, ms (default BATCH_BUDGET_MS). */
  budgetMs?: number;
}

const NO_ID = 't';
/** Offer keys remembered as closed, per tab. */
export const MAX_CLOSED = 5_000;
/** Longest stretch of work in one task, ms (a long task is 50 ms). */
export const BATCH_BUDGET_MS = 30;
/** Tweets judged between two looks at the clock. */
export const BUDGET_CHECK_EVERY = 4;
/** Cells read, judged and tagged together (see processBatch): a scroll brings a few; a page already full, many. */
const SLICE = 16;
const EXACT = exactTracker();

/** The same test as matching SEL.cell, without a selector. */
const isCell = (el: Element) => el.tagName === 'DIV' && el.getAttribute('data-testid') === CELL_TESTID;

/** A record that adds an element other than the extension's own nodes. */
function addsForeignNode(r: MutationRecord): boolean {
  const added = r.addedNodes;
  for (let i = 0; i < added.length; i++) {
    const n = added[i] as Node;
    if (n.nodeType === 1 && !hasClass(n as Element, CLS.node)) return true;
  }
  return false;
}

function toMessage(r: TweetRecord, id: string): Message {
  return {
    id,
    text: r.text,
    lang: r.lang,
    author: r.author,
    retweetedBy: r.reposter,
    hashtags: r.hashtags,
    createdAt: r.time,
    quotedText: r.quote?.text ?? null,
    // Without it a quote would fit the same words posted by anyone.
    quotedAuthor: r.quote?.author ?? null,
    ...(r.truncated ? { truncated: true } : {}),
  };
}

/** One cell between the passes of a batch. */
interface Reading {
  cell: Element;
  first: HTMLElement;
  article: Element;
  quick: QuickRead;
  parts: Parts | null;
  extracted: Extracted | null;
  /** Status id, or a hash of author and text when the tweet shows none. */
  tweetKey: string;
  /** The tweet and who reposted it: one occurrence on the page. */
  occId: string;
  verdict: TweetVerdict | undefined;
}

/** An offer verdict judged while its key was closed, once the close is undone (its age still makes it stale). */
function openVerdict(v: TweetVerdict): void {
  if (v.offer?.status === 'closed') v.offer = { ...v.offer, status: 'open' };
}

export class Session {
  readonly page: PageState;
  readonly health = new Health();
  private readonly tagged = new WeakMap<Element, string>();
  /** Keys already asked about (bounded: a key asked twice costs one more question, nothing else). */
  private readonly looked = new Lru<true>(MAX_OCCURRENCES);
  /** Offer keys opened again after a close (see reopen): verdicts judged while closed are mended when tagged. */
  private readonly reopened = new Lru<true>(MAX_CLOSED);
  private readonly applyCtx: ApplyContext;
  /** What the Show buttons of this page need. */
  get applyContext(): ApplyContext {
    return this.applyCtx;
  }
  private readonly startedAt: number;
  private mo: MutationObserver | null = null;

  constructor(
    private readonly deps: SessionDeps,
    private readonly signal: AbortSignal,
  ) {
    this.startedAt = deps.now();
    this.page = new PageState(deps.since ?? this.startedAt);
    this.applyCtx = { ...deps.apply, onReveal: (first) => this.onReveal(first) };
  }

  /** Tags what is already there, then follows the page. */
  start(): void {
    const doc = this.deps.doc;
    this.processBatch([...doc.querySelectorAll(SEL.cell)]);
    this.mo = observe(doc.body ?? doc.documentElement, { childList: true, subtree: true }, (records) => this.onMutations(records), this.signal);
  }

  get elapsed(): number {
    return this.deps.now() - this.startedAt;
  }

  private onMutations(records: MutationRecord[]): void {
    this.deps.tick?.();
    if (this.signal.aborted) return;
    const cells = new Set<Element>();
    const neighbours = new Set<Element>();
    for (const r of records) {
      const added = r.addedNodes;
      // Indexed: a NodeList iterator costs a call per step in the content script's world.
      for (let i = 0; i < added.length; i++) {
        const n = added[i] as Node;
        if (n.nodeType !== 1) continue;
        const el = n as Element;
        if (hasClass(el, CLS.node)) continue;
        if (el.getAttribute('data-testid') === CELL_TESTID) {
          cells.add(el);
          continue;
        }
        const cell = el.closest(SEL.cell);
        if (cell) {
          // Content arriving in a cell (or X re-rendering it): re-check it, not our own nodes.
          if (!(r.target as Element).closest?.(`.${CLS.node}`)) cells.add(cell);
          continue;
        }
        if (el.firstElementChild) for (const c of el.querySelectorAll(SEL.cell)) cells.add(c);
      }
      const next = r.nextSibling;
      if (r.removedNodes.length && next !== null && next.nodeType === 1 && isCell(next as Element)) neighbours.add(next as Element);
    }
    if (cells.size || neighbours.size) {
      this.processBatch([...cells], neighbours);
      // Our own insertions queued records: take them now instead of paying for another callback.
      const ours = this.mo?.takeRecords() ?? [];
      const foreign = ours.filter(addsForeignNode);
      if (foreign.length) this.onMutations(foreign);
    }
  }

  /**
   * Tags a batch of cells in three passes over a slice of them: read every cell, judge the new
   * tweets, tag every cell. Each pass runs one kind of code over the cells (DOM reads, the core,
   * DOM writes), so code and data stay in the processor's caches from one cell to the next;
   * running the three per cell made each cell bring them back after the others.
   */
  private processBatch(cells: Element[], neighbours: Set<Element> = new Set()): void {
    const perf = this.deps.perf;
    const start = performance.now();
    const budget = this.deps.budgetMs ?? BATCH_BUDGET_MS;
    const touched: Element[] = [];
    let rest: Element[] = [];
    for (let at = 0; at < cells.length; at += SLICE) {
      // Never a long task: past the budget, the rest waits for the next task (cells already tagged stay so).
      if (at > 0 && performance.now() - start > budget) {
        rest = cells.slice(at);
        break;
      }
      const readings: Reading[] = [];
      const end = Math.min(cells.length, at + SLICE);
      for (let i = at; i < end; i++) {
        try {
          const r = this.read(cells[i] as Element);
          if (r) readings.push(r);
        } catch (e) {
          noteFailure(e);
        }
      }
      let done = readings.length;
      const judging = perf ? performance.now() : 0;
      for (let i = 0; i < readings.length; i++) {
        // The clock is read every few tweets (each read costs about as much as a DOM call): a tweet
        // takes well under a millisecond, so the budget is overrun by a few at most.
        if ((at > 0 || i > 0) && i % BUDGET_CHECK_EVERY === 0 && performance.now() - start > budget) {
          done = i;
          break;
        }
        try {
          this.verdictFor(readings[i] as Reading);
        } catch (e) {
          noteFailure(e);
        }
      }
      if (perf) perf.coreMs += performance.now() - judging;
      for (let i = 0; i < done; i++) {
        const r = readings[i] as Reading;
        try {
          this.tag(r);
          touched.push(r.cell);
        } catch (e) {
          noteFailure(e);
        }
      }
      if (done < readings.length) {
        rest = [...readings.slice(done).map((r) => r.cell), ...cells.slice(end)];
        break;
      }
    }
    if (rest.length) later(0, () => this.processBatch(rest.filter((c) => c.isConnected)), this.signal);
    const labelOf = (first: Element) => (this.occurrenceOf(first)?.verdict.label ?? 'other');
    // Every cell is tagged by now: each run is fixed once, however many of its cells the batch touched.
    const done = new Set<Element>();
    for (const cell of [...touched, ...neighbours]) {
      if (!cell.isConnected) continue;
      refreshRun(cell, this.applyCtx, labelOf, done);
      refreshRun(cell.nextElementSibling, this.applyCtx, labelOf, done);
    }
    if (touched.length) this.deps.changed();
    if (perf) {
      const ms = performance.now() - start;
      // Per cell: the batch's time shared among the cells it tagged (the passes do not run cell by cell).
      for (let i = 0; i < touched.length; i++) {
        perf.samples[perf.next] = ms / touched.length;
        perf.next = (perf.next + 1) % perf.samples.length;
      }
      perf.cells += touched.length;
      perf.batches += 1;
      perf.totalMs += ms;
      if (ms > perf.maxBatchMs) perf.maxBatchMs = ms;
    }
  }

  private occurrenceOf(first: Element): Occurrence | undefined {
    const id = this.tagged.get(first);
    return id === undefined ? undefined : this.page.get(id);
  }

  /** Tags one cell; false when it holds no tweet or was already tagged for the same tweet. */
  processCell(cell: Element): boolean {
    const r = this.read(cell);
    if (!r) return false;
    this.verdictFor(r);
    this.tag(r);
    return true;
  }

  /** First pass: what the cell holds; null when no tweet, or already tagged for the same tweet. */
  private read(cell: Element): Reading | null {
    const first = cell.firstElementChild as HTMLElement | null;
    if (!first || hasClass(first, CLS.node)) return null;
    const article = first.querySelector(SEL.tweet);
    if (!article) return null;
    const quick = readIdentity(article);
    const ident = quick.ident;
    const r: Reading = { cell, first, article, quick, parts: null, extracted: null, tweetKey: '', occId: '', verdict: undefined };
    if (ident.statusId) r.tweetKey = ident.statusId;
    else {
      const { record } = this.extract(r);
      r.tweetKey = NO_ID + fnv(`${record.author ?? ''}\n${record.text}`);
    }
    r.occId = `${r.tweetKey}|${ident.reposter ?? ''}`;
    if (this.tagged.get(first) === r.occId && first.hasAttribute(ATTR.label)) return null;
    // The text is read now, with the other DOM reads, for a tweet the core has not judged yet.
    if (!this.page.get(r.occId) && !this.deps.cache.get(r.tweetKey)) this.extract(r);
    return r;
  }

  private extract(r: Reading): Extracted {
    if (!r.extracted) {
      r.parts ??= partsOf(r.article, r.quick);
      r.extracted = extractTweet(r.parts, false);
      this.health.note(r.extracted.found);
    }
    return r.extracted;
  }

  /** Second pass: the tweet's verdict, from the page, the cache, or the core (once per tweet, in timeline order). */
  private verdictFor(r: Reading): void {
    if (this.page.get(r.occId)) return;
    let verdict = this.deps.cache.get(r.tweetKey);
    if (!verdict) {
      verdict = this.judge(this.extract(r).record, r.tweetKey, r.cell.parentElement);
      this.deps.cache.set(r.tweetKey, verdict);
    }
    r.verdict = verdict;
  }

  /** Third pass: the occurrence on this page, and the cell's attributes. */
  private tag(r: Reading): void {
    let occ = this.page.get(r.occId);
    const fresh = !occ;
    if (!occ) {
      const verdict = r.verdict ?? this.deps.cache.get(r.tweetKey);
      // Judged in the second pass; never missing, but a cell must not fail for it.
      if (!verdict) return;
      if (verdict.offer?.status === 'closed' && this.reopened.get(verdict.key) && !this.deps.closed.has(verdict.key)) openVerdict(verdict);
      occ = this.page.add(r.occId, verdict, this.deps.closed);
      // Revealed under an earlier instance of the content script (before an extension update): it stays so.
      if (r.first.hasAttribute(ATTR.revealed)) occ.revealed = true;
      if (verdict.label === 'offer') {
        // Counts, pinned and reply are read for offers only: they go to the store.
        this.record(occ, r.parts && r.extracted ? completeRecord(r.extracted, r.parts) : extractTweet(r.parts ?? partsOf(r.article, r.quick), true).record);
      }
    }
    const { cell, first } = r;
    this.tagged.set(first, r.occId);
    const s = this.deps.settings();
    const reasons = hiddenReasons(occ, this.deps.now(), s.staleHours);
    applyVerdict(first, occ, reasons, this.applyCtx);
    // One more repost of an offer: the badges of its other occurrences count it too.
    if (fresh && !occ.first && occ.group.label === 'offer' && cell.parentElement) updateBadges(cell.parentElement, occ, reasons, this.applyCtx);
  }

  private judge(r: TweetRecord, tweetKey: string, list: Element | null): TweetVerdict {
    const msg = toMessage(r, r.statusId ?? tweetKey);
    const posted = r.time ? Date.parse(r.time) : NaN;
    const base = { postedAt: Number.isFinite(posted) ? posted : null, promoted: r.promoted };
    try {
      const cls = this.deps.core.classify(msg);
      const isOffer = cls.label === 'offer';
      // Sympathy-only noise needs no near-duplicate search: exact copies share a key, the rest stays apart (shown).
      const seen = cls.label === 'sympathy' && cls.sympathyOnly ? EXACT.see(msg, false) : this.deps.tracker.see(msg, isOffer);
      const offer = isOffer ? this.deps.tracker.offer(msg, seen.key) : null;
      if (this.deps.perf) this.deps.perf.judged += 1;
      for (const key of seen.closes) this.close(key, list);
      if (seen.reopens) for (const key of seen.reopens) this.reopen(key, list);
      return { ...base, label: cls.label, confidence: cls.confidence, sympathyOnly: cls.sympathyOnly, key: seen.key, offer };
    } catch (e) {
      // A core failure must never hide anything: "info" meets no filter.
      noteFailure(e);
      return { ...base, label: 'info', confidence: 0, sympathyOnly: false, key: `${NO_ID}${fnv(msg.text)}`, offer: null };
    }
  }

  /** A message closed the offer with this key: its occurrences say so (and meet the stale filter). */
  private close(key: string, list: Element | null): void {
    const closed = this.deps.closed;
    closed.add(key);
    this.reopened.delete(key);
    this.deps.offerStatus?.(key, true);
    // Bounded like the rest: the oldest closed keys go first (a later repeat of such an offer is then shown as open).
    if (closed.size > MAX_CLOSED) {
      const oldest = closed.values().next();
      if (!oldest.done) closed.delete(oldest.value);
    }
    const g = this.page.groupByKey(key);
    if (g && !g.closed) {
      g.closed = true;
      this.reapplyGroup(g.id, list);
    }
  }

  /** An offer closed by a "full" that turned out to be unclear: it is shown as open again. */
  private reopen(key: string, list: Element | null): void {
    this.deps.closed.delete(key);
    this.reopened.set(key, true);
    this.deps.offerStatus?.(key, false);
    const g = this.page.groupByKey(key);
    if (!g) return;
    g.closed = false;
    // Verdicts judged while it was closed say so in their offer details.
    for (const occ of this.page.occurrences()) if (occ.group === g) openVerdict(occ.verdict);
    this.reapplyGroup(g.id, list);
  }

  private record(occ: Occurrence, r: TweetRecord): void {
    if (occ.recorded) return;
    occ.recorded = true;
    const v = occ.verdict;
    this.deps.sighting(
      fitSighting({
        key: v.key,
        statusId: r.statusId,
        author: r.author,
        reposter: r.reposter,
        text: r.text,
        lang: r.lang,
        label: v.label,
        postedAt: r.time,
        seenAt: this.deps.now(),
        offer: v.offer,
        counts: r.counts,
      }),
    );
    if (!this.looked.get(v.key)) {
      this.looked.set(v.key, true);
      this.deps.lookup(v.key);
    }
  }

  private onReveal(first: Element): void {
    const occ = this.occurrenceOf(first);
    if (occ) occ.revealed = true;
    this.deps.changed();
  }

  /** Re-tags every cell of a key group in the DOM (badge counts, seen before). */
  private reapplyGroup(groupId: number, root: Element | null): void {
    const scope = root ?? this.deps.doc;
    const s = this.deps.settings();
    const now = this.deps.now();
    const labelOf = (f: Element) => (this.occurrenceOf(f)?.verdict.label ?? 'other');
    for (const first of scope.querySelectorAll(`[${ATTR.group}="${groupId}"]`)) {
      const occ = this.occurrenceOf(first);
      if (!occ || !(first instanceof HTMLElement)) continue;
      applyVerdict(first, occ, hiddenReasons(occ, now, s.staleHours), this.applyCtx);
      refreshRun(first.parentElement, this.applyCtx, labelOf);
    }
  }

  /** The store says these keys were displayed on an earlier visit. */
  markSeenBefore(keys: string[]): void {
    for (const key of keys) {
      const g = this.page.groupByKey(key);
      if (!g || g.seenBefore) continue;
      g.seenBefore = true;
      this.reapplyGroup(g.id, null);
    }
    this.deps.changed();
  }

  /** Re-tags every cell (the stale limit changed). */
  reapplyAll(): void {
    const s = this.deps.settings();
    const now = this.deps.now();
    const touched: Element[] = [];
    for (const first of this.deps.doc.querySelectorAll(`${SEL.cell} > [${ATTR.label}]`)) {
      const occ = this.occurrenceOf(first);
      if (!occ || !(first instanceof HTMLElement)) continue;
      applyVerdict(first, occ, hiddenReasons(occ, now, s.staleHours), this.applyCtx);
      if (first.parentElement) touched.push(first.parentElement);
    }
    const labelOf = (f: Element) => (this.occurrenceOf(f)?.verdict.label ?? 'other');
    for (const c of touched) refreshRun(c, this.applyCtx, labelOf);
  }

  /** Occurrences each filter hides on this page right now (0 for a filter that is off). */
  hiddenCounts(): HiddenCounts {
    const s = this.deps.settings();
    const now = this.deps.now();
    const counts = Object.fromEntries(FILTERS.map((f) => [f, 0])) as HiddenCounts;
    for (const occ of this.page.occurrences()) {
      if (occ.revealed) continue;
      for (const f of hiddenReasons(occ, now, s.staleHours)) if (s.filters[f]) counts[f] += 1;
    }
    return counts;
  }
}

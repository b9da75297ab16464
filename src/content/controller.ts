// Runs the content script on one x.com tab: reads the settings, follows the
// URL, starts a Session on pages in scope (and nothing else elsewhere), mirrors
// the enabled filters on <html>, reports status to the background, and stops
// cleanly when the extension is reloaded under the page.
import { FILTERS, migrateSettings, type Settings } from '../core/settings';
import { CORE_FAILING, type TabStatus } from '../shared/messages';
import { ATTR, listenForShow, type ApplyContext } from './apply';
import type { TriageCore } from './core';
import { isCoreFiles, type CoreFiles } from './core-data';
import type { CoreLoader } from './core-script';
import { contextAlive, type ExtApi, type StorageChange } from './ext';
import { failures, guard, guardAsync, noteFailure } from './guard';
import { Messenger } from './messaging';
import { watchUrl } from './navigation';
import { every, later } from './observe';
import { scopeOf } from './scope';
import { SEED_OFFERS, seedTracker } from './seed';
import { newPerfStats, Session, type PerfStats } from './session';
import { Lru, type TweetVerdict } from './state';
import { translator, uiLanguage } from './strings';
import { injectStyle } from './style';
import { Visits } from './visits';

const SETTINGS_KEY = 'settings';
/**
 * Verdicts cached per tab (each with its offer details): a tweet whose
 * verdict was dropped is simply judged again.
 */
export const MAX_VERDICTS = 10_000;
const TAKEOVER = 'hashtag-triage:takeover';
const STATUS_EVERY = 3000;
/** Longest wait for the store's offers before the first page in scope is tagged, ms. */
const SEED_WAIT_MS = 1000;
const HEALTH_EVERY = 5000;
/** URLs X opens over the timeline (media viewer, composer): the timeline below stays filtered. */
const OVERLAY = /\/(photo|video)\/\d+\/?$|^\/compose\/|^\/i\/(display|keyboard_shortcuts)/;

export interface ControllerOptions {
  api: ExtApi;
  /** The core, or how to load it (on the first page in scope only; see CoreLoader). */
  core: TriageCore | CoreLoader;
  doc?: Document;
  now?: () => number;
}

export interface Controller {
  readonly perf: PerfStats;
  current(): Session | null;
  /** Verdicts in the tab's cache (the soak benchmark follows it). */
  verdictsCached(): number;
  stop(): void;
}

/** Badge times in the UI language. The formatters are built on first use: Intl is costly to set up. */
function timeFormatter(lang: () => string, now: () => number): (ms: number) => string {
  let formats: { clock: Intl.DateTimeFormat; dated: Intl.DateTimeFormat } | null = null;
  const make = (l: string) => ({
    clock: new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit' }),
    dated: new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  });
  // Both formats stop at the minute: one text per minute (time zones are whole minutes).
  const memo = new Map<number, string>();
  // Local midnight today and tomorrow: "today?" is two compares, not two dates formatted.
  let dayStart = 0;
  let dayEnd = -1;
  return (ms) => {
    const minute = Math.floor(ms / 60_000);
    let text = memo.get(minute);
    if (text === undefined) {
      if (!formats) {
        try {
          formats = make(lang());
        } catch {
          formats = make('en');
        }
      }
      const t = now();
      if (!(t >= dayStart && t < dayEnd)) {
        const d = new Date(t);
        d.setHours(0, 0, 0, 0);
        dayStart = d.getTime();
        d.setDate(d.getDate() + 1);
        dayEnd = d.getTime();
      }
      text = (ms >= dayStart && ms < dayEnd ? formats.clock : formats.dated).format(ms);
      if (memo.size > 2000) memo.clear();
      memo.set(minute, text);
    }
    return text;
  };
}

export function startController(opts: ControllerOptions): Controller {
  const { api } = opts;
  let core: TriageCore | null = typeof opts.core === 'function' ? null : opts.core;
  let coreLoading = false;
  /** The last build of the core failed: a page in scope then says so to the popup instead of looking out of scope. */
  let coreFailed = false;
  const doc = opts.doc ?? document;
  const now = opts.now ?? Date.now;
  const root = new AbortController();
  const perf = newPerfStats();
  const t = translator(api);
  const time = timeFormatter(() => uiLanguage(api), now);
  let tracker: ReturnType<TriageCore['tracker']> | null = null;
  const cache = new Lru<TweetVerdict>(MAX_VERDICTS);
  const closed = new Set<string>();
  const visits = new Visits();
  let settings: Settings = migrateSettings(undefined);
  let loaded = false;
  let session: { s: Session; ctrl: AbortController; url: string } | null = null;
  let statusDirty = true;
  let lastUrl = '';

  // An earlier instance (before an extension update) stops; then this one listens for the next.
  doc.dispatchEvent(new CustomEvent(TAKEOVER));
  const noSession: ApplyContext = { t, time, onReveal: () => undefined };
  const unlistenShow = listenForShow(doc, () => session?.s.applyContext ?? noSession);
  doc.addEventListener(
    TAKEOVER,
    () => {
      unlistenShow();
      stop();
    },
    { signal: root.signal },
  );

  const messenger = new Messenger(api, root.signal, () => stop());

  function setFiltersAttr(active: boolean): void {
    const html = doc.documentElement;
    if (!active) {
      html.removeAttribute(ATTR.filters);
      return;
    }
    const on = FILTERS.filter((f) => settings.filters[f]).join(' ');
    if (html.getAttribute(ATTR.filters) !== on) html.setAttribute(ATTR.filters, on);
  }

  function endSession(): void {
    if (session) visits.leave(session.url, now());
    session?.ctrl.abort();
    session = null;
  }

  function beginSession(url: string): void {
    endSession();
    if (!core || !tracker) {
      // First page in scope: build the core (model, lexicons) now, then come back here.
      if (!coreLoading && typeof opts.core === 'function') {
        coreLoading = true;
        guardAsync(async () => {
          const t0 = performance.now();
          // Asked now, answered while the core is built.
          const offers = recentOffers(SEED_OFFERS);
          const load = opts.core as Exclude<ControllerOptions['core'], TriageCore>;
          let built: TriageCore;
          try {
            built = await load(perf.coreSteps, coreFiles, injectCore);
          } catch (e) {
            // Nothing is tagged or hidden without a core; the next page in scope tries again.
            coreLoading = false;
            coreFailed = true;
            statusDirty = true;
            reportSoon();
            throw e;
          }
          coreFailed = false;
          perf.coreInitMs = performance.now() - t0;
          // The store's offers go in before the first tweet is judged (X's timeline usually arrives later
          // still), but a store or background slow to answer never holds the tagging back for long.
          tracker = built.tracker(now);
          await Promise.race([seed(tracker, () => offers), new Promise((r) => setTimeout(r, SEED_WAIT_MS))]);
          core = built;
          coreLoading = false;
          if (!root.signal.aborted) onUrl(location.href, true);
        })();
      }
      return;
    }
    injectStyle(doc);
    const ctrl = new AbortController();
    root.signal.addEventListener('abort', () => ctrl.abort(), { once: true, signal: ctrl.signal });
    const s = new Session(
      {
        doc,
        core,
        tracker,
        cache,
        closed,
        apply: { t, time },
        settings: () => settings,
        now,
        since: visits.begin(url, now()),
        sighting: (x) => messenger.sighting(x),
        offerStatus: (key, closed) => messenger.offerStatus(key, closed),
        lookup: (key) => messenger.lookup(key, s.page.since, (keys) => session?.s === s && s.markSeenBefore(keys)),
        changed: () => {
          statusDirty = true;
        },
        tick: () => urlCheck(),
        perf,
      },
      ctrl.signal,
    );
    session = { s, ctrl, url };
    s.start();
  }

  function onUrl(href: string, force = false): void {
    if (!loaded || root.signal.aborted) return;
    if (core && !tracker) {
      tracker = core.tracker(now);
      void seed(tracker, recentOffers);
    }
    if (href === lastUrl && !force) return;
    lastUrl = href;
    const scope = scopeOf(href, settings);
    if (scope.active) {
      setFiltersAttr(true);
      if (!session || session.url !== href) beginSession(href);
    } else if (session && settings.enabled && OVERLAY.test(new URL(href).pathname)) {
      // keep filtering the timeline under the overlay
    } else {
      endSession();
      setFiltersAttr(false);
    }
    statusDirty = true;
    reportSoon();
  }

  function status(): TabStatus {
    const s = session?.s;
    // In scope without a core: nothing is sorted, and the popup must not say the page is out of scope.
    const coreMissing = !s && coreFailed && scopeOf(location.href, settings).active;
    const health = s ? s.health.check(doc, s.elapsed, now(), failures.count) : { ok: !coreMissing, failing: coreMissing ? [CORE_FAILING] : [], checkedAt: now() };
    return {
      url: location.href,
      active: s !== undefined || coreMissing,
      hidden: s ? s.hiddenCounts() : { sympathy: 0, repeat: 0, seen: 0, stale: 0, offtopic: 0 },
      tagged: s ? s.page.size : 0,
      health,
    };
  }

  function report(): void {
    if (!statusDirty || root.signal.aborted) return;
    statusDirty = false;
    messenger.status(status());
  }
  let reportPending = false;
  function reportSoon(): void {
    if (reportPending) return;
    reportPending = true;
    later(
      200,
      () => {
        reportPending = false;
        report();
      },
      root.signal,
    );
  }

  /** The core's data files from the background; null when it cannot answer. */
  async function coreFiles(): Promise<CoreFiles | null> {
    const reply = await messenger.send({ type: 'core/data' });
    return reply?.ok && isCoreFiles(reply.files) ? reply.files : null;
  }

  /** Has the background run core.js next to this script; rejects, saying why, when it did not. */
  async function injectCore(): Promise<void> {
    const reply = await messenger.send({ type: 'core/inject' });
    if (!reply) throw new Error('core.js: no answer from the background');
    if (!reply.ok) throw new Error(`core.js could not be run: ${reply.error}`);
  }

  /** The offers the store saw last, newest first; null when it cannot answer. */
  async function recentOffers(limit: number): Promise<unknown[] | null> {
    const reply = await messenger.send({ type: 'offers/recent', limit });
    return reply?.ok ? reply.offers : null;
  }

  /** Once per tab, with the tracker: the store's offers, so that their rewordings keep their keys across visits. */
  function seed(t: ReturnType<TriageCore['tracker']>, ask: (limit: number) => Promise<unknown[] | null>): Promise<void> {
    // Never rejects: a failure is counted, and the tracker keeps what it took.
    return seedTracker(t, ask, root.signal).then(
      () => undefined,
      (e: unknown) => noteFailure(e),
    );
  }

  const urlCheck = watchUrl((href) => onUrl(href), root.signal, doc);

  const onStorage = guard((changes: Record<string, StorageChange>, area: string) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    const before = settings;
    settings = migrateSettings(changes[SETTINGS_KEY].newValue);
    if (!loaded) return;
    const scopeChanged =
      before.enabled !== settings.enabled || before.everywhere !== settings.everywhere || before.hashtags.join('\n') !== settings.hashtags.join('\n');
    if (scopeChanged) onUrl(location.href, true);
    if (session) setFiltersAttr(true);
    if (session && before.staleHours !== settings.staleHours) session.s.reapplyAll();
    statusDirty = true;
    reportSoon();
  });
  api.storage.onChanged.addListener(onStorage);
  root.signal.addEventListener('abort', () => {
    try {
      api.storage.onChanged.removeListener(onStorage);
    } catch {
      // the context may be gone already
    }
  });

  every(STATUS_EVERY, report, root.signal);
  // Health changes with time (a timeline that never appears): re-check now and then.
  every(
    HEALTH_EVERY,
    () => {
      if (!contextAlive(api)) stop();
      else if (session) statusDirty = true;
    },
    root.signal,
  );
  addEventListener(
    'pagehide',
    guard(() => messenger.flush()),
    { signal: root.signal },
  );

  guardAsync(async () => {
    const got = await api.storage.local.get(SETTINGS_KEY);
    settings = migrateSettings(got[SETTINGS_KEY]);
    loaded = true;
    onUrl(location.href, true);
  })();

  function stop(): void {
    if (root.signal.aborted) return;
    // Observers and timers stop; tags, placeholders and their Show buttons stay usable.
    root.abort();
    session = null;
  }

  return { perf, current: () => session?.s ?? null, verdictsCached: () => cache.size, stop };
}

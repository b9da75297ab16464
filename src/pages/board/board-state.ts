// State of the offers board: the stored offers, the user's filter, the view
// derived from both, and the actions (mark, export, show more).

import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { defaults } from '../../core/settings';
import type { Backend, BoardOffer, OfferMark } from '../shared/backend';
import { coalesce, RELOAD_DELAY_MS } from '../shared/coalesce';
import { downloadText } from '../shared/download';
import { offersToCsv, offersToJson } from '../shared/export';
import { createSettingsState } from '../shared/settings-state';
import { EMPTY_FILTER, facets, filterOffers, type BoardFilter, type Facet, type ViewOffer } from './board-filter';

export const PAGE_SIZE = 100;

export interface BoardState {
  offers: Signal<BoardOffer[]>;
  loading: Signal<boolean>;
  error: Signal<string | null>;
  filter: Signal<BoardFilter>;
  /** How many of the view are rendered. */
  limit: Signal<number>;
  view: ReadonlySignal<ViewOffer[]>;
  places: ReadonlySignal<Facet[]>;
  langs: ReadonlySignal<Facet[]>;
  setFilter(change: Partial<BoardFilter>): void;
  clearFilter(): void;
  showMore(): void;
  mark(key: string, mark: OfferMark, on: boolean): Promise<void>;
  /** Last failure to save a mark (Contacted, Taken); null once one is saved. */
  markError: Signal<string | null>;
  reload(): Promise<void>;
  exportView(format: 'csv' | 'json'): void;
  /** Days an offer not seen again is kept (the setting), null until settings are read. */
  retentionDays: ReadonlySignal<number | null>;
  setRetentionDays(days: number): Promise<void>;
  /** Last failure to read or write the settings. */
  settingsError: Signal<string | null>;
  /** Outcome of the last backup or restore, for the user. */
  storeNotice: Signal<StoreNotice | null>;
  busy: Signal<boolean>;
  backup(): Promise<void>;
  restore(file: Blob): Promise<void>;
  dispose(): void;
}

export type StoreNotice =
  /** `old`: restored offers the next clean-up removes, as they were last seen more than `days` ago. */
  | { kind: 'restored'; added: number; merged: number; old: number; days: number }
  | { kind: 'backedUp'; offers: number }
  | { kind: 'failed'; error: string };

/** Larger files are refused before reading: a backup of 50,000 offers with their history is far smaller. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
const DAY_MS = 86_400_000;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createBoardState(backend: Backend, opts: { now?: () => number } = {}): BoardState {
  const now = opts.now ?? Date.now;
  const settings = createSettingsState(backend);
  const offers = signal<BoardOffer[]>([]);
  const loading = signal(true);
  const error = signal<string | null>(null);
  const markError = signal<string | null>(null);
  const filter = signal<BoardFilter>({ ...EMPTY_FILTER });
  const limit = signal(PAGE_SIZE);
  // Bumped on reload so that "stale" follows the clock without a timer.
  const clock = signal(now());

  const view = computed(() => {
    const staleHours = settings.settings.value?.staleHours ?? defaults.staleHours;
    return filterOffers(offers.value, filter.value, clock.value, staleHours);
  });
  const facetList = computed(() => facets(offers.value));

  async function reload(): Promise<void> {
    try {
      offers.value = await backend.listOffers();
      clock.value = now();
      error.value = null;
    } catch (e) {
      error.value = message(e);
    } finally {
      loading.value = false;
    }
  }

  const storeNotice = signal<StoreNotice | null>(null);
  const busy = signal(false);
  const stamp = () => new Date(now()).toISOString().slice(0, 16).replace(/[:T]/g, '-');

  /** One backup or restore at a time; whatever happens, the user is told. */
  async function exclusive(run: () => Promise<StoreNotice>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      storeNotice.value = await run();
    } catch (e) {
      storeNotice.value = { kind: 'failed', error: message(e) };
    } finally {
      busy.value = false;
    }
  }

  const later = coalesce(() => void reload(), RELOAD_DELAY_MS);
  const stop = backend.onOffersChanged(later.call);
  void reload();

  return {
    offers,
    loading,
    error,
    markError,
    filter,
    limit,
    view,
    places: computed(() => facetList.value.places),
    langs: computed(() => facetList.value.langs),
    setFilter(change) {
      filter.value = { ...filter.value, ...change };
      limit.value = PAGE_SIZE;
    },
    clearFilter() {
      filter.value = { ...EMPTY_FILTER };
      limit.value = PAGE_SIZE;
    },
    showMore() {
      limit.value += PAGE_SIZE;
    },
    async mark(key, mark, on) {
      try {
        const updated = await backend.markOffer(key, mark, on);
        if (updated) offers.value = offers.value.map((o) => (o.key === key ? updated : o));
        markError.value = null;
      } catch (e) {
        markError.value = message(e);
      }
    },
    reload,
    exportView(format) {
      // Export what the user sees, without the derived field.
      const rows: BoardOffer[] = view.value.map(({ effective, ...o }) => ({ ...o, status: effective }));
      if (format === 'csv') downloadText(`offers-${stamp()}.csv`, offersToCsv(rows), 'text/csv;charset=utf-8');
      else downloadText(`offers-${stamp()}.json`, offersToJson(rows, new Date(now())), 'application/json');
    },
    retentionDays: computed(() => settings.settings.value?.retentionDays ?? null),
    setRetentionDays(days) {
      return settings.update((s) => ({ ...s, retentionDays: Math.round(days) }));
    },
    settingsError: settings.error,
    storeNotice,
    busy,
    backup: () =>
      exclusive(async () => {
        const text = await backend.backupJson();
        downloadText(`hashtag-triage-backup-${stamp()}.json`, text, 'application/json');
        return { kind: 'backedUp', offers: offers.value.length };
      }),
    restore: (file) =>
      exclusive(async () => {
        if (file.size > MAX_BACKUP_BYTES) throw new Error('Import refused: the file is too large to be a backup of this extension. Nothing was changed.');
        const days = settings.settings.value?.retentionDays ?? defaults.retentionDays;
        const summary = await backend.restoreBackup(await file.text(), now() - days * DAY_MS);
        await reload();
        return { kind: 'restored', added: summary.offersAdded, merged: summary.offersMerged, old: summary.outsideRetention, days };
      }),
    dispose() {
      stop();
      settings.dispose();
      later.cancel();
    },
  };
}

// An in-memory Backend: the pages run against it as plain pages in tests and
// in the screenshot fixtures. Behaves like the real one where it matters:
// settings go through migrateSettings, listeners fire after every change.

import { defaults, migrateSettings, type Settings } from '../../core/settings';
import type { TabStatus } from '../../shared/messages';
import type { ActiveTab, Backend, BoardOffer, HostOffer, OfferMark, Unsubscribe } from './backend';

/** The backup format of the in-memory store (the real one writes the store's export envelope). */
export const MEMORY_BACKUP_FORMAT = 'hashtag-triage-memory-backup';

export interface MemoryData {
  settings?: unknown;
  tab?: ActiveTab | null;
  status?: TabStatus | null;
  offers?: BoardOffer[];
  hostOffers?: HostOffer[];
  hostHandles?: string[];
  shortcut?: string | null;
}

export interface MemoryBackend extends Backend {
  /** Current state, for assertions. */
  readonly data: {
    settings: Settings;
    tab: ActiveTab | null;
    status: TabStatus | null;
    offers: BoardOffer[];
    hostOffers: HostOffer[];
    hostHandles: string[];
  };
  /** Replace part of the state as another context would, and notify listeners. */
  external(change: { settings?: unknown; offers?: BoardOffer[]; status?: TabStatus | null }): void;
}

const clone = <T>(v: T): T => structuredClone(v);

export function createMemoryBackend(init: MemoryData = {}): MemoryBackend {
  const data = {
    settings: migrateSettings(init.settings ?? clone(defaults)),
    tab: init.tab ?? null,
    status: init.status ?? null,
    offers: clone(init.offers ?? []),
    hostOffers: clone(init.hostOffers ?? []),
    hostHandles: [...(init.hostHandles ?? [])],
  };
  const settingsListeners = new Set<(s: Settings) => void>();
  const offerListeners = new Set<() => void>();
  const emitSettings = () => settingsListeners.forEach((cb) => cb(clone(data.settings)));
  const emitOffers = () => offerListeners.forEach((cb) => cb());
  const listen = <T>(set: Set<T>, cb: T): Unsubscribe => {
    set.add(cb);
    return () => set.delete(cb);
  };

  return {
    data,
    async getSettings() {
      return clone(data.settings);
    },
    async setSettings(next) {
      data.settings = migrateSettings(clone(next));
      emitSettings();
    },
    onSettings: (cb) => listen(settingsListeners, cb),
    async activeTab() {
      return data.tab;
    },
    async tabStatus(tabId) {
      return data.tab && data.tab.id === tabId ? clone(data.status) : null;
    },
    async listOffers() {
      return clone(data.offers);
    },
    async markOffer(key: string, mark: OfferMark, on: boolean) {
      const offer = data.offers.find((o) => o.key === key);
      if (!offer) return null;
      offer[mark] = on;
      emitOffers();
      return clone(offer);
    },
    onOffersChanged: (cb) => listen(offerListeners, cb),
    async backupJson() {
      return JSON.stringify({ format: MEMORY_BACKUP_FORMAT, offers: data.offers });
    },
    async restoreBackup(text, keepSince) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new Error('Import refused: the file is not valid JSON. Nothing was changed.');
      }
      const env = parsed as { format?: unknown; offers?: unknown };
      if (typeof env !== 'object' || env === null || env.format !== MEMORY_BACKUP_FORMAT || !Array.isArray(env.offers)) {
        throw new Error('Import refused: this is not a backup of the offers store. Nothing was changed.');
      }
      const known = new Set(data.offers.map((o) => o.key));
      const incoming = clone(env.offers as BoardOffer[]);
      const added = incoming.filter((o) => !known.has(o.key));
      data.offers = [...data.offers, ...added];
      emitOffers();
      const outsideRetention = keepSince === undefined ? 0 : incoming.filter((o) => o.lastSeenAt < keepSince).length;
      return { offersAdded: added.length, offersMerged: incoming.length - added.length, outsideRetention };
    },
    async hostOffers(handles) {
      const wanted = new Set(handles.map((h) => h.toLowerCase()));
      return clone(data.hostOffers.filter((o) => o.author !== null && wanted.has(o.author.toLowerCase())));
    },
    async getHostHandles() {
      return [...data.hostHandles];
    },
    async setHostHandles(handles) {
      data.hostHandles = [...handles];
    },
    async shortcut() {
      return init.shortcut === undefined ? 'Alt+Shift+H' : init.shortcut;
    },
    external(change) {
      if (change.settings !== undefined) {
        data.settings = migrateSettings(change.settings);
        emitSettings();
      }
      if (change.status !== undefined) data.status = change.status;
      if (change.offers) {
        data.offers = clone(change.offers);
        emitOffers();
      }
    },
  };
}

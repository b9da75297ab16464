// The real Backend: settings in browser.storage.local (read through
// migrateSettings), tab status from the background by message, offers and
// host statistics from the store, which lives in the extension's own origin.

import browser from 'webextension-polyfill';
import { migrateSettings, type Settings } from '../../core/settings';
import type { ReplyTo, TabStatus } from '../../shared/messages';
import type { Backend } from './backend';
import { cleanHandles } from './links';
import { createStoreAdapter } from './store-adapter';

const SETTINGS_KEY = 'settings';
const HANDLES_KEY = 'hostHandles';
const COMMAND = 'toggle-filters';

export function createExtensionBackend(): Backend {
  const store = createStoreAdapter();
  return {
    async getSettings() {
      const got = await browser.storage.local.get(SETTINGS_KEY);
      return migrateSettings(got[SETTINGS_KEY]);
    },
    async setSettings(next: Settings) {
      await browser.storage.local.set({ [SETTINGS_KEY]: migrateSettings(next) });
    },
    onSettings(cb) {
      const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
        const change = changes[SETTINGS_KEY];
        if (area === 'local' && change) cb(migrateSettings(change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },

    async activeTab() {
      // The host permission for x.com reveals the URL of x.com tabs without the "tabs" permission.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
    },
    async tabStatus(tabId) {
      const reply = (await browser.runtime.sendMessage({ type: 'tab/get-status', tabId })) as
        | ReplyTo<{ type: 'tab/get-status'; tabId: number }>
        | undefined;
      return reply && reply.ok ? (reply.status as TabStatus | null) : null;
    },

    listOffers: () => store.listOffers(),
    markOffer: (key, mark, on) => store.markOffer(key, mark, on),
    onOffersChanged: (cb) => store.onChanged(cb),
    hostOffers: (handles) => store.hostOffers(handles),
    backupJson: () => store.backupJson(),
    restoreBackup: (text, keepSince) => store.restoreBackup(text, keepSince),

    async getHostHandles() {
      const got = await browser.storage.local.get(HANDLES_KEY);
      return cleanHandles(got[HANDLES_KEY]);
    },
    async setHostHandles(handles) {
      await browser.storage.local.set({ [HANDLES_KEY]: cleanHandles(handles) });
    },

    async shortcut() {
      const commands = await browser.commands.getAll();
      return commands.find((c) => c.name === COMMAND)?.shortcut || null;
    },
  };
}

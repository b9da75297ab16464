// Background (MV3 service worker in Chrome, event page in Firefox). It starts
// cold whenever a message arrives, so every listener is registered
// synchronously at the top level and nothing lives only in memory that the
// popup needs later.
import browser from 'webextension-polyfill';
import { openStore, prune, sightingPort } from '../store';
import { registerCommands } from './commands';
import { injectsOnInstall, runInOpenTabs } from './open-tabs';
import { injectContentScript, injectCoreScript, readPackagedJson } from './packaged';
import { createHandler, type Sender } from './handler';
import type { Area, SightingStore } from './ports';
import { pruneIfDue, pruneIfTightened } from './retention';
import { seenIndexStore } from './seen-index';
import { areaStatusStore, memoryStatusStore } from './tab-status';

registerCommands();

const local = browser.storage.local as unknown as Area;
const session = (browser.storage as unknown as { session?: Area }).session;
const statuses = session ? areaStatusStore(session) : memoryStatusStore();

// The offers store lives in IndexedDB of the extension's own origin; without
// IndexedDB (some private modes) a small index in storage.local still answers "seen before".
const db = typeof indexedDB === 'undefined' ? null : openStore();
const store: SightingStore = db ? sightingPort(db) : seenIndexStore(local);

// The core's data, read from the extension's own package when a tab first needs it (kept while the
// background lives: every tab that opens a page in scope asks once).
let coreFiles: Promise<Record<string, string>> | null = null;
function coreData(): Promise<Record<string, string>> {
  coreFiles ??= readPackagedJson('core-data.json')
    .then((files) => files as Record<string, string>)
    .catch((e: unknown) => {
      coreFiles = null;
      throw e;
    });
  return coreFiles;
}

const handle = createHandler({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  store,
  statuses,
  coreData,
  injectCore: injectCoreScript,
});

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => handle(raw, sender as Sender));
// Messages refused (malformed or from a foreign sender), for the browser tests and the worker's console.
(globalThis as { __hashtagTriage?: unknown }).__hashtagTriage = { rejected: handle.rejected };

// x.com tabs open at install or update are filtered at once, not after a reload (see open-tabs.ts).
browser.runtime.onInstalled.addListener(({ reason }: browser.Runtime.OnInstalledDetailsType) => {
  if ((reason !== 'install' && reason !== 'update') || injectsOnInstall(browser.runtime)) return;
  const matches = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  if (!matches.length) return;
  void runInOpenTabs({ tabs: () => browser.tabs.query({ url: matches }), run: injectContentScript });
});

browser.tabs.onRemoved.addListener((tabId: number) => {
  statuses.remove(tabId).catch(() => undefined);
});

if (db) pruneIfDue(local, (limits) => prune(db, limits)).catch(() => undefined);

// Fewer days kept (often because the disk is full): prune now, not at the next daily run.
browser.storage.onChanged.addListener((changes: Record<string, browser.Storage.StorageChange>, area: string) => {
  const change = changes.settings;
  if (!db || area !== 'local' || !change) return;
  pruneIfTightened(change.oldValue, change.newValue, (limits) => prune(db, limits)).catch(() => undefined);
});

// Background (MV3 service worker in Chrome, event page in Firefox). It starts
// cold whenever a message arrives, so every listener is registered
// synchronously at the top level and nothing lives only in memory that the
// popup needs later.
import browser from 'webextension-polyfill';
import { registerCommands } from './commands';
import { createHandler, type Sender } from './handler';
import type { Area } from './ports';
import { seenIndexStore } from './seen-index';
import { areaStatusStore, memoryStatusStore } from './tab-status';

registerCommands();

const session = (browser.storage as unknown as { session?: Area }).session;
const statuses = session ? areaStatusStore(session) : memoryStatusStore();

const handle = createHandler({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  store: seenIndexStore(browser.storage.local as unknown as Area),
  statuses,
});

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => handle(raw, sender as Sender));

browser.tabs.onRemoved.addListener((tabId: number) => {
  statuses.remove(tabId).catch(() => undefined);
});

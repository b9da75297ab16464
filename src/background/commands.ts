// The keyboard shortcut (manifest "commands.toggle-filters", Alt+Shift+H by
// default): flips the master switch. Open x.com tabs follow because the
// content script listens to changes of the stored settings.

import browser from 'webextension-polyfill';
import { migrateSettings, type Settings } from '../core/settings';

export const TOGGLE_COMMAND = 'toggle-filters';
const SETTINGS_KEY = 'settings';

/** The part of storage.local this needs, so that a test can pass a plain object. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Flip `enabled`, keeping every other setting; returns what was saved. */
export async function toggleEnabled(area: SettingsArea): Promise<Settings> {
  const got = await area.get(SETTINGS_KEY);
  const current = migrateSettings(got[SETTINGS_KEY]);
  const next = { ...current, enabled: !current.enabled };
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Call once, synchronously, when the background starts, so that a cold start still gets the command. */
export function registerCommands(area: SettingsArea = browser.storage.local): void {
  browser.commands.onCommand.addListener((command: string) => {
    if (command !== TOGGLE_COMMAND) return;
    toggleEnabled(area).catch((e: unknown) => console.error('toggle-filters failed', e));
  });
}

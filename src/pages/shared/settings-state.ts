// Settings as a signal, shared by the pages: loaded once, refreshed when any
// context changes them, written back at once (the content script listens to
// storage, so a write is what makes a change apply to open x.com tabs).

import { signal, type Signal } from '@preact/signals';
import { migrateSettings, type Settings } from '../../core/settings';
import type { Backend } from './backend';

export interface SettingsState {
  settings: Signal<Settings | null>;
  /** Last failure to read or write, shown to the user; null when fine. */
  error: Signal<string | null>;
  ready: Promise<void>;
  /** Apply a change to the latest settings and save it. */
  update(change: (s: Settings) => Settings): Promise<void>;
  dispose(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSettingsState(backend: Backend): SettingsState {
  const settings = signal<Settings | null>(null);
  const error = signal<string | null>(null);
  const stop = backend.onSettings((s) => {
    settings.value = migrateSettings(s);
  });
  // Writes run one after the other, each on top of the previous result.
  let queue: Promise<void> = Promise.resolve();

  const ready = backend.getSettings().then(
    (s) => {
      settings.value = migrateSettings(s);
    },
    (e: unknown) => {
      error.value = message(e);
    },
  );

  function update(change: (s: Settings) => Settings): Promise<void> {
    queue = queue.then(async () => {
      const current = settings.value;
      if (!current) return;
      const next = migrateSettings(change(structuredClone(current)));
      settings.value = next;
      try {
        await backend.setSettings(next);
        error.value = null;
      } catch (e) {
        error.value = message(e);
        // Show what is really stored, not the change that failed.
        settings.value = migrateSettings(await backend.getSettings().catch(() => current));
      }
    });
    return queue;
  }

  return { settings, error, ready, update, dispose: stop };
}

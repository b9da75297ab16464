// Settings kept in the store's key-value table, always read through
// migrateSettings so that an old or damaged value comes back valid.

import { migrateSettings, type Settings } from '../core/settings';
import { safely, type StoreResult } from './result';
import type { TriageDB } from './schema';

const KEY = 'settings';

export function loadSettings(db: TriageDB): Promise<StoreResult<Settings>> {
  return safely(async () => migrateSettings((await db.settings.get(KEY))?.value));
}

export function saveSettings(db: TriageDB, settings: Settings): Promise<StoreResult<Settings>> {
  return safely(async () => {
    const clean = migrateSettings(settings);
    await db.settings.put({ key: KEY, value: clean });
    return clean;
  });
}

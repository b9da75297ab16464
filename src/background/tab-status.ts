// Per-tab status reported by the content script, for the popup. Kept in
// storage.session when there is one: the MV3 service worker sleeps after about
// 30 s idle and must find the status again when it wakes for the popup.
import type { TabStatus } from '../shared/messages';
import type { Area, StatusStore } from './ports';

const PREFIX = 'tab:';

export function memoryStatusStore(): StatusStore {
  const map = new Map<number, TabStatus>();
  return {
    get: async (id) => map.get(id) ?? null,
    set: async (id, s) => {
      map.set(id, s);
    },
    remove: async (id) => {
      map.delete(id);
    },
  };
}

export function areaStatusStore(area: Area): StatusStore {
  return {
    async get(id) {
      const got = await area.get(PREFIX + id);
      return (got[PREFIX + id] as TabStatus | undefined) ?? null;
    },
    set: (id, s) => area.set({ [PREFIX + id]: s }),
    remove: (id) => area.remove(PREFIX + id),
  };
}

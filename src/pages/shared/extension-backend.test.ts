import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake of the few browser APIs the real backend uses (the polyfill refuses to load outside an extension).
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
const fake = {
  items: {} as Record<string, unknown>,
  listeners: new Set<Listener>(),
  tabs: [] as { id?: number; url?: string }[],
  reply: undefined as unknown,
  sent: [] as unknown[],
  commands: [] as { name?: string; shortcut?: string }[],
};

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (key in fake.items ? { [key]: structuredClone(fake.items[key]) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) {
            const oldValue = fake.items[k];
            fake.items[k] = structuredClone(v);
            fake.listeners.forEach((l) => l({ [k]: { oldValue, newValue: structuredClone(v) } }, 'local'));
          }
        },
      },
      onChanged: { addListener: (l: Listener) => fake.listeners.add(l), removeListener: (l: Listener) => fake.listeners.delete(l) },
    },
    tabs: { query: async () => fake.tabs },
    runtime: {
      sendMessage: async (m: unknown) => {
        fake.sent.push(m);
        return fake.reply;
      },
    },
    commands: { getAll: async () => fake.commands },
  },
}));

const { createExtensionBackend } = await import('./extension-backend');

beforeEach(() => {
  fake.items = {};
  fake.listeners.clear();
  fake.tabs = [];
  fake.reply = undefined;
  fake.sent = [];
  fake.commands = [];
});

describe('extension backend: settings', () => {
  it('reads defaults when nothing is stored, and repairs what is broken', async () => {
    const b = createExtensionBackend();
    expect((await b.getSettings()).enabled).toBe(true);
    fake.items.settings = { version: 1, enabled: 'yes', staleHours: -5, hashtags: ['#Watersnood', 42] };
    const s = await b.getSettings();
    expect(s.enabled).toBe(true);
    expect(s.staleHours).toBe(1);
    expect(s.hashtags).toEqual(['Watersnood']);
  });

  it('writes validated settings under "settings" and hears changes of that key only', async () => {
    const b = createExtensionBackend();
    const heard: boolean[] = [];
    const stop = b.onSettings((s) => heard.push(s.enabled));
    const s = await b.getSettings();
    await b.setSettings({ ...s, enabled: false, staleHours: 1e9 });
    expect((fake.items.settings as { staleHours: number }).staleHours).toBe(720);
    await fake.listeners.forEach((l) => l({ hostHandles: { newValue: ['x'] } }, 'local'));
    await fake.listeners.forEach((l) => l({ settings: { newValue: { enabled: true } } }, 'sync'));
    expect(heard).toEqual([false]);
    stop();
    await b.setSettings({ ...s, enabled: true });
    expect(heard).toEqual([false]);
  });
});

describe('extension backend: tab and status', () => {
  it('gives the active tab and asks the background for its status', async () => {
    const b = createExtensionBackend();
    expect(await b.activeTab()).toBeNull();
    fake.tabs = [{ id: 4, url: 'https://x.com/hashtag/hasselthelpt' }];
    expect(await b.activeTab()).toEqual({ id: 4, url: 'https://x.com/hashtag/hasselthelpt' });
    fake.tabs = [{ id: 5 }];
    expect(await b.activeTab()).toEqual({ id: 5, url: '' });

    const status = { url: 'https://x.com/hashtag/a', active: true, hidden: { sympathy: 1, repeat: 2, seen: 0, stale: 0, offtopic: 0 }, tagged: 3, health: { ok: true, failing: [], checkedAt: 1 } };
    fake.reply = { ok: true, status };
    expect(await b.tabStatus(4)).toEqual(status);
    expect(fake.sent).toEqual([{ type: 'tab/get-status', tabId: 4 }]);
    fake.reply = undefined;
    expect(await b.tabStatus(4)).toBeNull();
  });
});

describe('extension backend: host handles and shortcut', () => {
  it('keeps only valid handles', async () => {
    const b = createExtensionBackend();
    expect(await b.getHostHandles()).toEqual([]);
    await b.setHostHandles(['@LindeVH', 'not a handle!', 'lindevh', 'tom_herk']);
    expect(fake.items.hostHandles).toEqual(['LindeVH', 'tom_herk']);
    fake.items.hostHandles = 'garbage';
    expect(await b.getHostHandles()).toEqual([]);
  });

  it('reports the shortcut the browser has for the toggle command, or null', async () => {
    const b = createExtensionBackend();
    expect(await b.shortcut()).toBeNull();
    fake.commands = [{ name: '_execute_action', shortcut: 'Alt+P' }, { name: 'toggle-filters', shortcut: 'Alt+Shift+H' }];
    expect(await b.shortcut()).toBe('Alt+Shift+H');
    fake.commands = [{ name: 'toggle-filters', shortcut: '' }];
    expect(await b.shortcut()).toBeNull();
  });
});

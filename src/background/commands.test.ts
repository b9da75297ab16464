import { describe, expect, it, vi } from 'vitest';

// The polyfill refuses to load outside an extension; only onCommand is used here.
const listeners: ((command: string) => void)[] = [];
vi.mock('webextension-polyfill', () => ({
  default: { commands: { onCommand: { addListener: (cb: (c: string) => void) => listeners.push(cb) } }, storage: { local: {} } },
}));

const { registerCommands, toggleEnabled, TOGGLE_COMMAND } = await import('./commands');

function memoryArea(initial: Record<string, unknown> = {}) {
  const items: Record<string, unknown> = structuredClone(initial);
  return {
    items,
    async get(key: string) {
      return key in items ? { [key]: structuredClone(items[key]) } : {};
    },
    async set(next: Record<string, unknown>) {
      Object.assign(items, structuredClone(next));
    },
  };
}

describe('toggleEnabled', () => {
  it('turns the filters off from the defaults, then on again', async () => {
    const area = memoryArea();
    expect((await toggleEnabled(area)).enabled).toBe(false);
    expect((area.items.settings as { enabled: boolean }).enabled).toBe(false);
    expect((await toggleEnabled(area)).enabled).toBe(true);
  });

  it('keeps the other settings as they were', async () => {
    const area = memoryArea({ settings: { version: 1, enabled: true, hashtags: ['watersnood'], staleHours: 5, filters: { seen: true } } });
    const next = await toggleEnabled(area);
    expect(next.enabled).toBe(false);
    expect(next.hashtags).toEqual(['watersnood']);
    expect(next.staleHours).toBe(5);
    expect(next.filters.seen).toBe(true);
  });

  it('repairs unreadable stored settings instead of failing', async () => {
    const area = memoryArea({ settings: 'garbage' });
    const next = await toggleEnabled(area);
    expect(next.enabled).toBe(false);
    expect(next.version).toBe(1);
  });
});

describe('registerCommands', () => {
  it('toggles on the toggle command only', async () => {
    const area = memoryArea();
    registerCommands(area);
    const listener = listeners.at(-1);
    expect(listener).toBeDefined();
    listener?.('something-else');
    await new Promise((r) => setTimeout(r, 0));
    expect(area.items.settings).toBeUndefined();
    listener?.(TOGGLE_COMMAND);
    await vi.waitFor(() => expect((area.items.settings as { enabled: boolean } | undefined)?.enabled).toBe(false));
  });
});

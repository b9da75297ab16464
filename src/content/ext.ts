// The few extension APIs the content script uses, without the polyfill (the
// content script runs on every x.com page: it stays small). Firefox exposes a
// promise-based `browser`; Chrome's MV3 `chrome` returns promises too.
// After the extension is reloaded or updated, an orphaned content script sees
// `runtime.id` undefined and every call throws "Extension context invalidated".

export interface StorageChange {
  newValue?: unknown;
  oldValue?: unknown;
}
type ChangeListener = (changes: Record<string, StorageChange>, area: string) => void;
type MessageListener = (msg: unknown, sender: unknown, sendResponse: (r?: unknown) => void) => unknown;

export interface ExtApi {
  runtime: {
    id?: string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage?: { addListener(cb: MessageListener): void; removeListener(cb: MessageListener): void };
  };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(cb: ChangeListener): void; removeListener(cb: ChangeListener): void };
  };
  i18n?: { getMessage(name: string, subs?: string | string[]): string; getUILanguage?(): string };
}

/** The extension API of this context, or null when there is none (plain page, test). */
export function extApi(): ExtApi | null {
  const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
  const api = g.browser?.runtime ? g.browser : g.chrome?.runtime ? g.chrome : null;
  return api ?? null;
}

/** False once the extension was reloaded/updated/removed under this page. */
export function contextAlive(api: ExtApi | null): boolean {
  try {
    return !!api?.runtime?.id;
  } catch {
    return false;
  }
}

export function isInvalidation(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /context invalidated|message manager disconnected|dead object/i.test(text);
}

// Every message the background answers: validated with parseToBackground,
// accepted only from this extension's content scripts on x.com (content
// messages) or its own pages (page messages). Pure apart from its ports, so it
// is unit tested without a browser.
import { parseToBackground, type ContentToBackground, type PageToBackground, type Replies } from '../shared/messages';
import { errorText, SightingBatcher } from './batch';
import type { SightingStore, StatusStore } from './ports';

/** The parts of runtime.MessageSender that are checked. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** 0 for the tab's top frame. */
  frameId?: number;
}

export interface HandlerDeps {
  extensionId: string;
  /** "chrome-extension://<id>/" or "moz-extension://<uuid>/". */
  extensionOrigin: string;
  store: SightingStore;
  statuses: StatusStore;
  /** The core's data files, read from the extension's own core-data.json. */
  coreData: () => Promise<Record<string, string>>;
  /** Runs the extension's core.js in one frame of a tab, in the content script's world. */
  injectCore: (tabId: number, frameId: number) => Promise<void>;
  batchDelayMs?: number;
  /** First wait before writing again to a full store, ms (see batch.ts). */
  retryMs?: number;
}

type AnyReply = Replies[keyof Replies];

/** Messages refused since the background started: malformed, or from a sender that may not send them. */
export interface Rejected {
  shape: number;
  sender: number;
}

export type Handler = ((raw: unknown, sender: Sender) => Promise<AnyReply> | undefined) & { readonly rejected: Rejected };

const X_HOST = /^https:\/\/((www|mobile)\.)?(x|twitter)\.com\//;

export function isContentSender(s: Sender, extensionId: string): boolean {
  const url = s.url ?? s.tab?.url ?? '';
  return s.id === extensionId && typeof s.tab?.id === 'number' && X_HOST.test(url);
}

export function isPageSender(s: Sender, deps: Pick<HandlerDeps, 'extensionId' | 'extensionOrigin'>): boolean {
  return s.id === deps.extensionId && typeof s.url === 'string' && s.url.startsWith(deps.extensionOrigin);
}


export function createHandler(deps: HandlerDeps): Handler {
  const rejected: Rejected = { shape: 0, sender: 0 };
  const batcher = new SightingBatcher(deps.store, deps.batchDelayMs, deps.retryMs);

  async function content(msg: ContentToBackground, tabId: number, frameId: number): Promise<AnyReply> {
    switch (msg.type) {
      case 'sightings/record': {
        let stored = 0;
        let error: string | null = null;
        try {
          const statuses = msg.statuses ?? [];
          if (msg.sightings.length || statuses.length) {
            // The statuses after the sightings: an offer first shown in this batch is in the store by then.
            const done = batcher.add(msg.sightings, statuses);
            // A closed offer reaches the board at once.
            if (statuses.length) void batcher.flush();
            stored = await done;
          }
        } catch (e) {
          error = errorText(e);
        }
        // The question is answered even when the sightings could not be stored (a full disk still reads).
        let seen: string[] | undefined;
        if (msg.ask) {
          try {
            await batcher.flush();
            seen = await deps.store.seenBefore(msg.ask.keys, msg.ask.since);
          } catch (e) {
            error ??= errorText(e);
          }
        }
        const answer = seen ? { seen } : {};
        return error === null ? { ok: true, stored, ...answer } : { ok: false, error, ...answer };
      }
      case 'offers/seen-before':
        try {
          await batcher.flush();
          return { ok: true, seen: await deps.store.seenBefore(msg.keys, msg.since) };
        } catch (e) {
          return { ok: false, error: errorText(e) };
        }
      case 'offers/recent':
        try {
          return { ok: true, offers: await deps.store.recentOffers(msg.limit) };
        } catch (e) {
          return { ok: false, error: errorText(e) };
        }
      case 'core/data':
        try {
          return { ok: true, files: await deps.coreData() };
        } catch (e) {
          return { ok: false, error: errorText(e) };
        }
      case 'core/inject':
        try {
          await deps.injectCore(tabId, frameId);
          return { ok: true };
        } catch (e) {
          return { ok: false, error: errorText(e) };
        }
      case 'tab/status':
        await deps.statuses.set(tabId, msg.status);
        return { ok: true };
    }
  }

  async function page(msg: PageToBackground): Promise<AnyReply> {
    const got = await deps.statuses.get(msg.tabId);
    if (!got) return { ok: true, status: null };
    // What the store says of itself, not what a tab may have claimed.
    const { store: _claimed, ...status } = got;
    const trouble = batcher.trouble();
    return { ok: true, status: trouble ? { ...status, store: trouble } : status };
  }

  // Refused messages get no answer at all (the sender sees "no response"), and are counted.
  const refuse = (why: keyof Rejected): undefined => {
    rejected[why] += 1;
    return undefined;
  };

  const handle = (raw: unknown, sender: Sender): Promise<AnyReply> | undefined => {
    // Sender first: whatever another extension or a web page sends is not even parsed.
    if (sender?.id !== deps.extensionId) return refuse('sender');
    const msg = parseToBackground(raw);
    if (!msg) return refuse('shape');
    if (msg.type === 'tab/get-status') return isPageSender(sender, deps) ? page(msg) : refuse('sender');
    const tabId = sender.tab?.id;
    if (!isContentSender(sender, deps.extensionId) || tabId === undefined) return refuse('sender');
    return content(msg, tabId, sender.frameId ?? 0);
  };
  return Object.assign(handle, { rejected });
}

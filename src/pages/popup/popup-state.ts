// State of the popup: settings plus what the content script reports for the
// tab the popup was opened over (hidden counts, page health), polled while open.

import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { cleanHashtag, type FilterName } from '../../core/settings';
import type { TabStatus } from '../../shared/messages';
import type { ActiveTab, Backend } from '../shared/backend';
import { hashtagFromUrl } from '../shared/hashtag-url';
import { createSettingsState, type SettingsState } from '../shared/settings-state';

export const STATUS_POLL_MS = 1500;

export interface PopupState extends SettingsState {
  tab: Signal<ActiveTab | null>;
  status: Signal<TabStatus | null>;
  /** Hashtag of the current page (hashtag or search page), when there is one. */
  pageTag: ReadonlySignal<string | null>;
  /** True when the page's hashtag is already in the list. */
  pageTagListed: ReadonlySignal<boolean>;
  setEnabled(on: boolean): Promise<void>;
  setFilter(name: FilterName, on: boolean): Promise<void>;
  setStaleHours(hours: number): Promise<void>;
  setEverywhere(on: boolean): Promise<void>;
  /** Adds a hashtag; false when it is empty after cleaning. */
  addHashtag(raw: string): Promise<boolean>;
  removeHashtag(tag: string): Promise<void>;
  enableForPage(): Promise<void>;
  refreshStatus(): Promise<void>;
}

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createPopupState(backend: Backend, opts: { pollMs?: number } = {}): PopupState {
  const base = createSettingsState(backend);
  const tab = signal<ActiveTab | null>(null);
  const status = signal<TabStatus | null>(null);
  const pageTag = computed(() => (tab.value ? hashtagFromUrl(status.value?.url || tab.value.url) : null));
  const pageTagListed = computed(() => {
    const tag = pageTag.value;
    return tag !== null && (base.settings.value?.hashtags ?? []).some((t) => sameTag(t, tag));
  });

  async function refreshStatus(): Promise<void> {
    const t = tab.value;
    if (!t) return;
    try {
      status.value = await backend.tabStatus(t.id);
    } catch {
      // The background may be starting up; the next poll tries again.
    }
  }

  let timer: ReturnType<typeof setInterval> | undefined;
  let disposed = false;
  void backend
    .activeTab()
    .then(async (t) => {
      if (disposed) return;
      tab.value = t;
      await refreshStatus();
      if (t && !disposed) timer = setInterval(() => void refreshStatus(), opts.pollMs ?? STATUS_POLL_MS);
    })
    .catch(() => {
      tab.value = null;
    });

  const addHashtag = async (raw: string) => {
    const tag = cleanHashtag(raw);
    if (!tag) return false;
    await base.update((s) => (s.hashtags.some((t) => sameTag(t, tag)) ? s : { ...s, hashtags: [...s.hashtags, tag] }));
    return true;
  };

  return {
    ...base,
    tab,
    status,
    pageTag,
    pageTagListed,
    setEnabled: (on) => base.update((s) => ({ ...s, enabled: on })),
    setFilter: (name, on) => base.update((s) => ({ ...s, filters: { ...s.filters, [name]: on } })),
    setStaleHours: (hours) => base.update((s) => ({ ...s, staleHours: hours })),
    setEverywhere: (on) => base.update((s) => ({ ...s, everywhere: on })),
    addHashtag,
    removeHashtag: (tag) => base.update((s) => ({ ...s, hashtags: s.hashtags.filter((t) => t !== tag) })),
    async enableForPage() {
      const tag = pageTag.value;
      if (!tag) return;
      // Turning a page on also turns the master switch on: that is what the user asked for.
      await base.update((s) => ({
        ...s,
        enabled: true,
        hashtags: s.hashtags.some((t) => sameTag(t, tag)) ? s.hashtags : [...s.hashtags, tag],
      }));
    },
    refreshStatus,
    dispose() {
      disposed = true;
      base.dispose();
      if (timer !== undefined) clearInterval(timer);
    },
  };
}

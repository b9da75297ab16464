// State of the "Was my offer seen?" page: the host's handles (remembered in
// this browser) and, for each, the offers the store kept with their counts.

import { signal, type Signal } from '@preact/signals';
import type { Backend, HostOffer } from '../shared/backend';
import { coalesce, RELOAD_DELAY_MS } from '../shared/coalesce';
import { parseHandles } from '../shared/links';

export interface HostState {
  handles: Signal<string[]>;
  offers: Signal<HostOffer[]>;
  loading: Signal<boolean>;
  error: Signal<string | null>;
  /** True once a search ran (so "nothing found" can be told from "not asked yet"). */
  searched: Signal<boolean>;
  /** Parse what the user typed, remember it, load the offers; false when no valid handle. */
  show(input: string): Promise<boolean>;
  reload(): Promise<void>;
  dispose(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createHostState(backend: Backend): HostState {
  const handles = signal<string[]>([]);
  const offers = signal<HostOffer[]>([]);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const searched = signal(false);

  // Only the newest question's answer is shown: a slow answer for the handles asked before must not
  // land under the heading of the ones asked since.
  let asked = 0;
  async function reload(): Promise<void> {
    if (!handles.value.length) return;
    const ask = ++asked;
    loading.value = true;
    try {
      const found = await backend.hostOffers(handles.value);
      if (ask !== asked) return;
      offers.value = found;
      error.value = null;
      searched.value = true;
    } catch (e) {
      if (ask === asked) error.value = message(e);
    } finally {
      if (ask === asked) loading.value = false;
    }
  }

  const later = coalesce(() => void reload(), RELOAD_DELAY_MS);
  const stop = backend.onOffersChanged(later.call);
  void backend.getHostHandles().then(
    (saved) => {
      if (saved.length && !handles.value.length) {
        handles.value = saved;
        void reload();
      }
    },
    () => undefined,
  );

  return {
    handles,
    offers,
    loading,
    error,
    searched,
    async show(input) {
      const parsed = parseHandles(input);
      if (!parsed.length) return false;
      handles.value = parsed;
      await backend.setHostHandles(parsed).catch(() => undefined);
      await reload();
      return true;
    },
    reload,
    dispose() {
      stop();
      later.cancel();
    },
  };
}

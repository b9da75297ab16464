// Gathers sightings from every tab for a short moment and writes them in one
// store call: a timeline scrolls by dozens of offers a second. When the browser
// has no room left (a full disk), what could not be written is kept and tried
// again now and then, with the offers closed or opened again that came with it:
// what a tab saw is not lost for a moment without room.
import type { OfferStatusChange, SightingInput, StoreTrouble } from '../shared/messages';
import type { SightingStore } from './ports';

/** Sightings kept for another try at most; past it the oldest go (and are counted in `lost`). */
export const MAX_RETAINED = 5_000;
/** First wait before trying a full store again, ms; it doubles up to RETRY_MAX_MS. */
export const RETRY_MS = 5_000;
/** Below the time a browser lets an idle extension service worker live, so a try comes while it does. */
export const RETRY_MAX_MS = 20_000;

/** An error as the reply and the popup tell it: its message, cut to a readable length. */
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);
/** A full disk: the write was refused, nothing of it happened (one transaction), so trying again is safe. */
const isQuota = (e: unknown) => typeof e === 'object' && e !== null && (e as { quota?: unknown }).quota === true;

interface Waiter {
  count: number;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
}

class StillFull extends Error {
  readonly quota = true;
}

export class SightingBatcher {
  private pending: SightingInput[] = [];
  private pendingStatuses: OfferStatusChange[] = [];
  private waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0;
  private running: Promise<void> = Promise.resolve();
  /** Refused by a full store, oldest first: they go first in the next try. */
  private retained: SightingInput[] = [];
  private retainedStatuses: OfferStatusChange[] = [];
  private failure: { error: string; since: number } | null = null;
  private lost = 0;
  private retryIn: number;

  constructor(
    private readonly store: SightingStore,
    private readonly delayMs = 250,
    private readonly retryMs = RETRY_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.retryIn = retryMs;
  }

  /**
   * Resolves with the number stored from this call once the batch is written; `statuses` are applied
   * after the sightings (an offer first shown in the same batch is stored by then).
   */
  add(sightings: SightingInput[], statuses: OfferStatusChange[] = []): Promise<number> {
    this.pending.push(...sightings);
    this.pendingStatuses.push(...statuses);
    const done = new Promise<number>((resolve, reject) => this.waiters.push({ count: sightings.length, resolve, reject }));
    // While the store is full, new sightings wait for the next try instead of being refused one by one.
    this.schedule(this.failure ? this.retryIn : this.delayMs);
    return done;
  }

  /** Writes what is pending now (also before answering a seen-before question); while the store is full, keeps it for the next try. */
  flush(): Promise<void> {
    return this.write(false);
  }

  /** Why sightings are waiting, for the popup; null while the store takes them. */
  trouble(): StoreTrouble | null {
    if (!this.failure) return null;
    return { ...this.failure, quota: true, waiting: this.retained.length, lost: this.lost };
  }

  private write(retry: boolean): Promise<void> {
    // While the store is full, only the retry timer writes: a flush for a question must not put it off.
    if (this.timer && (retry || !this.failure)) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    const statuses = this.pendingStatuses;
    const waiters = this.waiters;
    this.pending = [];
    this.pendingStatuses = [];
    this.waiters = [];
    // Each write waits for the one before: what it keeps or clears is read when it runs, in order.
    this.running = this.running.then(async () => {
      if (this.failure && !retry) {
        this.keep(batch, statuses);
        const e = new StillFull(this.failure.error);
        for (const w of waiters) w.reject(e);
        this.schedule(this.retryIn);
        return;
      }
      const all = this.retained.length ? [...this.retained, ...batch] : batch;
      const allStatuses = this.retainedStatuses.length ? [...this.retainedStatuses, ...statuses] : statuses;
      this.retained = [];
      this.retainedStatuses = [];
      if (!all.length && !allStatuses.length) return;
      let wrote = false;
      try {
        const stored = all.length ? await this.store.recordSightings(all) : 0;
        wrote = true;
        const own = Math.max(0, stored - (all.length - batch.length));
        let left = Math.min(own, batch.length);
        if (allStatuses.length) await this.store.setOfferStatuses(allStatuses);
        this.failure = null;
        this.retryIn = this.retryMs;
        for (const w of waiters) {
          const n = Math.min(left, w.count);
          left -= n;
          w.resolve(n);
        }
      } catch (e) {
        if (isQuota(e)) {
          // Sightings written before their statuses failed are not written again: only the statuses wait then.
          this.keep(wrote ? [] : all, allStatuses);
          this.failure = { error: errorText(e), since: this.failure?.since ?? this.now() };
          this.schedule(this.retryIn);
          this.retryIn = Math.min(RETRY_MAX_MS, this.retryIn * 2);
        }
        // Any other failure is not tried again: a call the store gave up on (a blocked upgrade) may still
        // complete later, and writing its sightings twice would count them twice.
        for (const w of waiters) w.reject(e);
      }
    });
    return this.running;
  }

  private keep(sightings: SightingInput[], statuses: OfferStatusChange[]): void {
    const all = [...this.retained, ...sightings];
    this.lost += Math.max(0, all.length - MAX_RETAINED);
    this.retained = all.length > MAX_RETAINED ? all.slice(-MAX_RETAINED) : all;
    const st = [...this.retainedStatuses, ...statuses];
    this.retainedStatuses = st.length > MAX_RETAINED ? st.slice(-MAX_RETAINED) : st;
  }

  /** A write in `ms` at the latest; a retry while the store is full. */
  private schedule(ms: number): void {
    const due = this.now() + ms;
    if (this.timer && this.due <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(() => void this.write(this.failure !== null), ms);
  }
}

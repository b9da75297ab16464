// Gathers sightings from every tab for a short moment and writes them in one
// store call: a timeline scrolls by dozens of offers a second. A batch the store
// could not write (a full disk) is kept and tried again with the next one, or
// after a while: what a tab saw is not lost for a moment without room.
import type { SightingInput, StoreTrouble } from '../shared/messages';
import type { SightingStore } from './ports';

/** Sightings kept for another try at most; past it the oldest go (and are counted in `lost`). */
export const MAX_RETAINED = 5_000;
/** A failed write is tried again after this long, when no new sighting comes first, ms. */
export const RETRY_MS = 30_000;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);
const isQuota = (e: unknown) => typeof e === 'object' && e !== null && (e as { quota?: unknown }).quota === true;

export class SightingBatcher {
  private pending: SightingInput[] = [];
  private waiters: { from: number; to: number; resolve: (n: number) => void; reject: (e: unknown) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0;
  private running: Promise<void> = Promise.resolve();
  /** Written by no batch yet: they go first in the next one. */
  private retained: SightingInput[] = [];
  private failure: { error: string; quota: boolean; since: number } | null = null;
  private lost = 0;

  constructor(
    private readonly store: SightingStore,
    private readonly delayMs = 250,
    private readonly retryMs = RETRY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves with the number stored from this call once the batch is written. */
  add(sightings: SightingInput[]): Promise<number> {
    const from = this.pending.length;
    this.pending.push(...sightings);
    const done = new Promise<number>((resolve, reject) => this.waiters.push({ from, to: this.pending.length, resolve, reject }));
    this.schedule(this.delayMs);
    return done;
  }

  /** Writes what is pending now (also before answering a seen-before question). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const earlier = this.retained;
    const batch = earlier.length ? [...earlier, ...this.pending] : this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.retained = [];
    this.running = this.running.then(async () => {
      if (!batch.length) return;
      try {
        const stored = await this.store.recordSightings(batch);
        this.failure = null;
        const own = Math.max(0, stored - earlier.length);
        for (const w of waiters) w.resolve(stored >= batch.length ? w.to - w.from : Math.min(own, w.to - w.from));
      } catch (e) {
        // One transaction per batch: nothing of it was written, so all of it is tried again.
        this.retained = [...batch.slice(-MAX_RETAINED), ...this.retained].slice(-MAX_RETAINED);
        this.lost += Math.max(0, batch.length - MAX_RETAINED);
        this.failure = { error: errorText(e), quota: isQuota(e), since: this.failure?.since ?? this.now() };
        this.schedule(this.retryMs);
        for (const w of waiters) w.reject(e);
      }
    });
    return this.running;
  }

  /** Why sightings are waiting, for the popup; null while the store takes them. */
  trouble(): StoreTrouble | null {
    if (!this.failure) return null;
    return { ...this.failure, waiting: this.retained.length, lost: this.lost };
  }

  /** A flush in `ms` at the latest: a new sighting does not wait for the retry of a failed write. */
  private schedule(ms: number): void {
    const due = this.now() + ms;
    if (this.timer && this.due <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(() => void this.flush(), ms);
  }
}

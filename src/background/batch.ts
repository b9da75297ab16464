// Gathers sightings from every tab for a short moment and writes them in one
// store call: a timeline scrolls by dozens of offers a second.
import type { SightingInput } from '../shared/messages';
import type { SightingStore } from './ports';

export class SightingBatcher {
  private pending: SightingInput[] = [];
  private waiters: { from: number; to: number; resolve: (n: number) => void; reject: (e: unknown) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SightingStore,
    private readonly delayMs = 250,
  ) {}

  /** Resolves with the number stored from this call once the batch is written. */
  add(sightings: SightingInput[]): Promise<number> {
    const from = this.pending.length;
    this.pending.push(...sightings);
    const done = new Promise<number>((resolve, reject) => this.waiters.push({ from, to: this.pending.length, resolve, reject }));
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
    return done;
  }

  /** Writes what is pending now (also before answering a seen-before question). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.running = this.running.then(async () => {
      if (!batch.length) return;
      try {
        const stored = await this.store.recordSightings(batch);
        for (const w of waiters) w.resolve(stored >= batch.length ? w.to - w.from : Math.min(stored, w.to - w.from));
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    });
    return this.running;
  }
}

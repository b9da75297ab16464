// Talks to the background. Offer sightings are batched; seen-before questions
// are gathered for a moment and asked together. When the extension was
// reloaded under the page, messaging stops quietly (no console errors).
import type { ContentToBackground, ReplyTo, SightingInput, TabStatus } from '../shared/messages';
import { contextAlive, isInvalidation, type ExtApi } from './ext';
import { guard, noteFailure } from './guard';
import { later } from './observe';

const MAX_BATCH = 500;
const SIGHTING_DELAY = 1000;
// Questions gathered for a moment: a message costs far more than a key in it.
const LOOKUP_DELAY = 300;

export class Messenger {
  private sightings: SightingInput[] = [];
  private lookups: string[] = [];
  private sightingTimer = false;
  private lookupTimer = false;

  constructor(
    private readonly api: ExtApi,
    private readonly signal: AbortSignal,
    private readonly onInvalid: () => void,
  ) {}

  async send<M extends ContentToBackground>(msg: M): Promise<ReplyTo<M> | null> {
    if (this.signal.aborted) return null;
    if (!contextAlive(this.api)) {
      this.onInvalid();
      return null;
    }
    try {
      return ((await this.api.runtime.sendMessage(msg)) as ReplyTo<M> | undefined) ?? null;
    } catch (e) {
      if (isInvalidation(e) || !contextAlive(this.api)) this.onInvalid();
      else noteFailure(e);
      return null;
    }
  }

  sighting(s: SightingInput): void {
    this.sightings.push(s);
    if (this.sightings.length >= MAX_BATCH) this.flushSightings();
    else if (!this.sightingTimer) {
      this.sightingTimer = true;
      later(SIGHTING_DELAY, () => this.flushSightings(), this.signal);
    }
  }

  flushSightings(): void {
    this.sightingTimer = false;
    while (this.sightings.length) {
      const batch = this.sightings.splice(0, MAX_BATCH);
      void this.send({ type: 'sightings/record', sightings: batch });
    }
  }

  /** Asks which keys were displayed before `since`; answers arrive through `onSeen`. */
  lookup(key: string, since: number, onSeen: (keys: string[]) => void): void {
    this.lookups.push(key);
    if (this.lookupTimer) return;
    this.lookupTimer = true;
    later(
      LOOKUP_DELAY,
      () => {
        this.lookupTimer = false;
        while (this.lookups.length) {
          const keys = this.lookups.splice(0, MAX_BATCH);
          void this.send({ type: 'offers/seen-before', keys, since }).then(
            guard((reply) => {
              if (reply?.ok && reply.seen.length) onSeen(reply.seen);
            }),
          );
        }
      },
      this.signal,
    );
  }

  status(status: TabStatus): void {
    void this.send({ type: 'tab/status', status });
  }
}

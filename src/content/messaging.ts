// Talks to the background. Offer sightings are batched; seen-before questions
// are gathered for a moment and asked together. When the extension was
// reloaded under the page, messaging stops quietly (no console errors).
import type { ContentToBackground, OfferStatusChange, ReplyTo, SightingInput, TabStatus } from '../shared/messages';
import { contextAlive, isInvalidation, type ExtApi } from './ext';
import { guard, noteFailure } from './guard';
import { later } from './observe';

const MAX_BATCH = 500;
// A message costs far more than one more item in it (about a millisecond of the
// page's main thread in Chrome): sightings and questions leave together, once a
// second, in one message (the question rides with the sightings).
const FLUSH_DELAY = 1000;

interface Lookup {
  key: string;
  since: number;
  onSeen: (keys: string[]) => void;
}

interface Question {
  keys: string[];
  since: number;
  onSeen: (keys: string[]) => void;
}

export class Messenger {
  private sightings: SightingInput[] = [];
  private statuses: OfferStatusChange[] = [];
  private lookups: Lookup[] = [];
  private timer = false;

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
    else this.schedule();
  }

  /** A later message closed the offer (or showed its close unclear): the store is told with the next sightings. */
  offerStatus(key: string, closed: boolean): void {
    this.statuses.push({ key, closed });
    if (this.statuses.length >= MAX_BATCH) this.flushSightings();
    else this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = true;
    later(FLUSH_DELAY, () => this.flush(), this.signal);
  }

  /** Sends what is pending: the sightings, with the first question riding on the last batch of them. */
  flush(): void {
    this.timer = false;
    this.flushSightings(this.sightings.length || this.statuses.length ? this.takeQuestion() : null);
    for (let q = this.takeQuestion(); q !== null; q = this.takeQuestion()) {
      const { onSeen } = q;
      void this.send({ type: 'offers/seen-before', keys: q.keys, since: q.since }).then(
        guard((reply) => {
          if (reply?.ok && reply.seen.length) onSeen(reply.seen);
        }),
      );
    }
  }

  /** The next question: the keys of the first pending lookup's visit, at most MAX_BATCH. */
  private takeQuestion(): Question | null {
    const head = this.lookups[0];
    if (!head) return null;
    const batch = this.lookups.splice(0, MAX_BATCH);
    const keys = batch.filter((l) => l.since === head.since).map((l) => l.key);
    this.lookups.unshift(...batch.filter((l) => l.since !== head.since));
    return { keys, since: head.since, onSeen: head.onSeen };
  }

  /** `ask`: a question for the last batch to carry (its answer comes in the reply). */
  flushSightings(ask: Question | null = null): void {
    while (this.sightings.length || this.statuses.length) {
      const batch = this.sightings.splice(0, MAX_BATCH);
      const last = this.sightings.length === 0;
      // With the last sightings: the store reads them after the offers they name.
      const statuses = last ? this.statuses.splice(0, MAX_BATCH) : [];
      const q = last && this.statuses.length === 0 ? ask : null;
      const msg: ContentToBackground = {
        type: 'sightings/record',
        sightings: batch,
        ...(statuses.length ? { statuses } : {}),
        ...(q ? { ask: { keys: q.keys, since: q.since } } : {}),
      };
      const sent = this.send(msg);
      if (q) {
        void sent.then(
          guard((reply) => {
            const seen = reply && 'seen' in reply ? reply.seen : undefined;
            if (seen?.length) q.onSeen(seen);
          }),
        );
      }
    }
  }

  /** Asks which keys were displayed before `since`; answers arrive through `onSeen`. */
  lookup(key: string, since: number, onSeen: (keys: string[]) => void): void {
    this.lookups.push({ key, since, onSeen });
    this.schedule();
  }

  status(status: TabStatus): void {
    void this.send({ type: 'tab/status', status });
  }
}

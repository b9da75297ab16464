// Message keys, near-duplicate matching and offer details on hostile and random
// input: nothing throws, a key is a short string, a copy of a hostile text gets
// the same key, the details always pass the background's message validation
// (one bad item would otherwise cost a whole batch of sightings), and the time
// per message grows linearly with its text.
import { describe, expect, it } from 'vitest';
import { exactTracker, plainKeyText } from '../../content/core';
import { isSighting, type SightingInput } from '../../shared/messages';
import { ADVERSARIAL, growthRatio, MARKUP_PAYLOADS, ODD_TEXTS, randomText, seeded } from '../hostile-inputs';
import { extractOffer } from '../offer/extract';
import type { Message, OfferDetails } from '../types';
import { createRepeatTracker } from './stream';

const T0 = Date.parse('2011-08-18T20:00:00Z');

function msg(id: number, text: string, over: Partial<Message> = {}): Message {
  return { id: String(100000 + id), text, author: `user_${id % 7}`, createdAt: new Date(T0 + id * 1000).toISOString(), ...over };
}

function asSighting(key: string, text: string, offer: OfferDetails): SightingInput {
  return { key, statusId: '100001', author: 'user_1', reposter: null, text, lang: null, label: 'offer', postedAt: null, seenAt: T0, offer, counts: {} };
}

const corpus = [...MARKUP_PAYLOADS, ...ODD_TEXTS, ...Object.values(ADVERSARIAL).map((make) => make(3000))];

describe('repeat keys and offer details on hostile input', () => {
  it('keys every hostile text, gives a copy the same key and details that pass validation', () => {
    const t = createRepeatTracker({ now: () => T0 });
    corpus.forEach((text, i) => {
      const a = t.see(msg(i, text), true);
      expect(typeof a.key).toBe('string');
      expect(a.key.length).toBeGreaterThan(0);
      expect(a.key.length).toBeLessThanOrEqual(200);
      const offer = t.offer(msg(i, text), a.key);
      expect(isSighting(asSighting(a.key, text, offer)), JSON.stringify(offer).slice(0, 300)).toBe(true);
      // A native repost (same status id) always shares the key.
      expect(t.see(msg(i, text, { retweetedBy: 'fan' }), true).key).toBe(a.key);
    });
  }, 30_000);

  it('keys 1,000 random texts, with fields of the wrong type now and then', () => {
    const rand = seeded(1908);
    const t = createRepeatTracker({ now: () => T0, maxEntries: 300 });
    for (let i = 0; i < 1000; i++) {
      const text = randomText(rand, i % 50 === 0 ? 10_000 : Math.floor(rand() * 300));
      const m = i % 97 === 0 ? ({ id: i, text: i % 2 ? null : 42, author: {}, createdAt: 'never' } as unknown as Message) : msg(i, text);
      const r = t.see(m, rand() < 0.5);
      expect(typeof r.key).toBe('string');
      expect(r.key.length).toBeLessThanOrEqual(200);
      const offer = t.offer(m, r.key);
      expect(isSighting(asSighting(r.key, text, offer)), JSON.stringify(text.slice(0, 200))).toBe(true);
      expect(plainKeyText(text).length).toBeLessThanOrEqual(text.length * 4 + 1);
    }
    // Bounded memory: the oldest entries are forgotten.
    expect(t.index.size).toBeLessThanOrEqual(300);
  }, 60_000);

  it('extracts offer details from hostile text without inventing markup', () => {
    for (const text of MARKUP_PAYLOADS) {
      const d = extractOffer({ id: '1', text }, { now: T0 });
      for (const v of [...d.places, ...d.contact.phones, ...d.contact.handles, d.contact.address ?? '']) {
        // Whatever is read comes from the text; nothing is built from it.
        expect(text.includes(v) || /^[+\d ]+$/.test(v) || v === '', v).toBe(true);
      }
    }
  });
});

describe('key time grows linearly with the text', () => {
  // The repeat core reads the first 4,000 characters: 16n stays below that.
  const n = 240;
  const fresh = (text: string) => {
    const t = createRepeatTracker({ now: () => T0 });
    const r = t.see(msg(1, text), true);
    t.offer(msg(1, text), r.key);
  };
  it.each(Object.keys(ADVERSARIAL))('%s', (name) => {
    const make = ADVERSARIAL[name] as (n: number) => string;
    expect(growthRatio(make, n, fresh), `${name}: time(16n) / (16 x time(n))`).toBeLessThan(4);
  });

  it('exact keys of the content script', () => {
    const ex = exactTracker();
    for (const [name, make] of Object.entries(ADVERSARIAL)) {
      const ratio = growthRatio(make, 1200, (text) => ex.see(msg(1, text), false));
      expect(ratio, name).toBeLessThan(4);
    }
  });

  it('one index fed many adversarial messages: time per message stays flat', () => {
    // 200 messages, then 1,600 more: the later ones must not cost more each (no scan of everything seen).
    const make = (count: number) => {
      const t = createRepeatTracker({ now: () => T0, maxEntries: 20_000 });
      const rand = seeded(count);
      const t0 = performance.now();
      for (let i = 0; i < count; i++) t.see(msg(i, `Slaapplaats voor ${i % 9} in Hasselt ${randomText(rand, 60)} bel 0470 12 34 ${i % 100}`), true);
      return performance.now() - t0;
    };
    make(100);
    let best = Infinity;
    for (let r = 0; r < 3; r++) best = Math.min(best, make(1600) / Math.max(make(200), 0.5) / 8);
    expect(best).toBeLessThan(4);
  }, 60_000);
});

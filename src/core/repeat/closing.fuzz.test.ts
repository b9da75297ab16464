// Closing offers in any stream order: shuffled hosts' offers and "full"
// messages (the order a Latest timeline, a search page or a replay brings them
// in). Whatever the order, an offer is only ever closed when its author wrote a
// closer posted at or after it, and a closer's author is the offer's.
import { describe, expect, it } from 'vitest';
import { seeded } from '../seeded';
import type { Message } from '../types';
import { createRepeatTracker } from './stream';

const T0 = Date.parse('2021-07-15T12:00:00Z');
const OFFERS = [
  'Slaapplaats voor 2 in Hasselt, stuur een DM',
  'Douche beschikbaar in Genk, stuur een DM',
  'Canapé pour 1 personne à Montreuil, MP ouverts',
  'Zimmer für 2 Personen in Euskirchen frei, PN',
  'Spare room for 2 in Cambridge, DM me',
  'Rit naar Genk om 23u, nog 2 plaatsen, stuur DM',
];
const CLOSERS = ['Volzet, bedankt iedereen!', 'Slaapplaats in Hasselt is volzet', 'Complet, merci à tous', 'Das Zimmer ist vergeben, danke', 'Room taken, thanks everyone!', 'Full now, thank you'];

describe('closing offers in any stream order', () => {
  it('closes an offer only after a closer of its own author posted at or after it', () => {
    const rand = seeded(20210715);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    for (let round = 0; round < 150; round++) {
      const msgs: (Message & { offer: boolean })[] = [];
      const n = 3 + Math.floor(rand() * 8);
      for (let i = 0; i < n; i++) {
        const offer = rand() < 0.6;
        msgs.push({
          id: `${round}-${i}`,
          text: offer ? pick(OFFERS) : pick(CLOSERS),
          author: pick(['lies_v', 'kim_b', 'tom_d']),
          // Some times unknown: then stream order is all there is.
          createdAt: rand() < 0.15 ? null : new Date(T0 + Math.floor(rand() * 12) * 600_000).toISOString(),
          offer,
        });
      }
      for (let i = msgs.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [msgs[i], msgs[j]] = [msgs[j] as (typeof msgs)[number], msgs[i] as (typeof msgs)[number]];
      }
      const t = createRepeatTracker({ now: () => T0 });
      const keyOf = new Map<string, string>();
      const closed = new Set<string>();
      msgs.forEach((m) => {
        const r = t.see(m, m.offer);
        keyOf.set(m.id, r.key);
        for (const k of r.closes) closed.add(k);
        for (const k of r.reopens) closed.delete(k);
      });
      for (const [id, key] of keyOf) {
        const m = msgs.find((x) => x.id === id) as (typeof msgs)[number];
        if (!m.offer || t.status(key) !== 'closed') continue;
        // What the tracker reports as closed is what it said it closed.
        expect(closed.has(key)).toBe(true);
        // Every message carrying this key: one of its authors wrote a closer that is not posted before it.
        const carriers = msgs.filter((x) => keyOf.get(x.id) === key);
        const later = msgs.filter((c) => !c.offer || keyOf.get(c.id) === key);
        const ok = carriers.some((o) =>
          later.some((c) => c.author === o.author && (c.createdAt === null || o.createdAt === null || Date.parse(c.createdAt) >= Date.parse(o.createdAt))),
        );
        expect(ok, JSON.stringify(msgs)).toBe(true);
      }
    }
  });
});

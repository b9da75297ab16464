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
    let closedSeen = 0;
    for (let round = 0; round < 150; round++) {
      const msgs: (Message & { offer: boolean })[] = [];
      const at = () => (rand() < 0.15 ? null : new Date(T0 + Math.floor(rand() * 12) * 600_000).toISOString());
      // Each author: one to three distinct offers and at most one closer, so a close names the closer that made it.
      ['lies_v', 'kim_b', 'tom_d'].forEach((author, a) => {
        const offers = 1 + Math.floor(rand() * 3);
        const first = Math.floor(rand() * OFFERS.length);
        for (let i = 0; i < offers; i++) msgs.push({ id: `${round}-${a}-${i}`, text: OFFERS[(first + i) % OFFERS.length] as string, author, createdAt: at(), offer: true });
        // Some times unknown: then stream order is all there is.
        if (rand() < 0.7) msgs.push({ id: `${round}-${a}-c`, text: pick(CLOSERS), author, createdAt: at(), offer: false });
      });
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
        // Its author wrote a closer (no offer text here holds one) that is not posted before it.
        const ok = msgs.some(
          (c) => !c.offer && c.author === m.author && (!c.createdAt || !m.createdAt || Date.parse(c.createdAt) >= Date.parse(m.createdAt)),
        );
        expect(ok, JSON.stringify(msgs)).toBe(true);
        closedSeen++;
      }
    }
    // The rounds do close offers (about a hundred): the check above is not empty.
    expect(closedSeen).toBeGreaterThan(50);
  });
});

import { describe, expect, it } from 'vitest';
import { createRepeatTracker, repeatFields } from './stream';

const at = (h: number) => new Date(Date.parse('2011-08-18T20:00:00Z') + h * 3_600_000).toISOString();

describe('repeat tracker', () => {
  it('points every repeat at the earliest line and fills offer details', () => {
    const t = createRepeatTracker();
    const a = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56', author: 'lies_v', createdAt: at(0) }, true);
    const b = t.see({ id: '2', text: 'RT @lies_v: Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56 #hasselthelpt', createdAt: at(1) }, true);
    expect(a.duplicateOf).toBeNull();
    expect(b.duplicateOf).toBe('1');
    const o = t.offer({ id: '2', text: 'RT @lies_v: Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56', createdAt: at(1) }, b.key);
    expect(o).toMatchObject({ kind: 'shelter', capacity: 2, places: ['Hasselt'], status: 'open', postedAt: at(0).replace('Z', '').concat('Z') });
  });

  it('closes an offer when its author later says it is full', () => {
    const t = createRepeatTracker();
    const a = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    const other = t.see({ id: '2', text: 'Douche beschikbaar in Genk, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    const close = t.see({ id: '3', text: 'Slaapplaats in Hasselt is volzet, bedankt iedereen!', author: 'lies_v', createdAt: at(2) });
    expect(close.closes).toEqual([a.key]);
    expect(t.status(a.key)).toBe('closed');
    expect(t.status(other.key)).toBe('open');
  });

  it('closes an offer and its restatement when the author\'s "full" message itself reads like an offer', () => {
    const t = createRepeatTracker();
    const a = t.see({ id: '1', text: 'Slaapplaats voor 4 personen in Hasselt (Runkst). Bel 0470 00 00 17', author: 'pieter_v', createdAt: at(0) }, true);
    const b = t.see({ id: '2', text: 'Nog altijd plaats voor 4 in Runkst (Hasselt)! Bel/sms 0470 00 00 17', author: 'pieter_v', createdAt: at(1) }, true);
    const ride = t.see({ id: '3', text: 'Rit naar Genk om 23u, nog 2 plaatsen, stuur DM', author: 'pieter_v', createdAt: at(1) }, true);
    const full = t.see({ id: '4', text: 'VOLZET! Er zitten hier nu 4 gasten soep te eten. Bel aub niet meer', author: 'pieter_v', createdAt: at(2) }, true);
    expect(full.closes.sort()).toEqual([a.key, b.key].sort());
    expect(t.status(a.key)).toBe('closed');
    expect(t.status(ride.key)).toBe('open');
  });

  it('does not close when someone else says "full", or when it is unclear which offer', () => {
    const t = createRepeatTracker();
    const a = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    t.see({ id: '2', text: 'Douche beschikbaar in Genk, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    expect(t.see({ id: '3', text: 'Volzet!', author: 'tom_d', createdAt: at(1) }).closes).toEqual([]);
    expect(t.see({ id: '4', text: 'Volzet!', author: 'lies_v', createdAt: at(1) }).closes).toEqual([]);
    expect(t.status(a.key)).toBe('open');
  });

  it('on a newest-first timeline, closes the older offer a "full" is about and not the offer posted after it', () => {
    const t = createRepeatTracker();
    // The order a Latest timeline shows them in: the new offer (posted last), the "full", then the offer it is about.
    const newer = t.see({ id: '9', text: 'Nieuwe slaapplaats voor 3 in Genk, stuur een DM', author: 'lies_v', createdAt: at(3) }, true);
    const full = t.see({ id: '3', text: 'Volzet, bedankt iedereen!', author: 'lies_v', createdAt: at(2) });
    expect(full.closes).toEqual([]);
    expect(t.status(newer.key)).toBe('open');
    const older = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    expect(older.closes).toEqual([older.key]);
    expect(t.status(older.key)).toBe('closed');
    expect(t.status(newer.key)).toBe('open');
    // A repost of the closed offer, later in the stream, carries its key and its status.
    const rt = t.see({ id: '4', text: 'RT @lies_v: Slaapplaats voor 2 in Hasselt, stuur een DM', createdAt: at(4) }, true);
    expect(rt.key).toBe(older.key);
    expect(t.status(rt.key)).toBe('closed');
  });

  it('a "full" that comes first closes only an offer it fits, by the same author, posted before it', () => {
    const t = createRepeatTracker();
    t.see({ id: '3', text: 'Slaapplaats in Hasselt is volzet, bedankt iedereen!', author: 'lies_v', createdAt: at(2) });
    const genk = t.see({ id: '2', text: 'Douche beschikbaar in Genk, stuur een DM', author: 'lies_v', createdAt: at(1) }, true);
    const other = t.see({ id: '5', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'tom_d', createdAt: at(0) }, true);
    const undated = t.see({ id: '6', text: 'Nog een slaapplaats in Hasselt voor 1, DM', author: 'lies_v' }, true);
    expect([genk, other, undated].map((r) => t.status(r.key))).toEqual(['open', 'open', 'open']);
    const hasselt = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    expect(t.status(hasselt.key)).toBe('closed');
  });

  it('opens again an offer closed by a "full" that a second, different offer of the author also fits', () => {
    const t = createRepeatTracker();
    t.see({ id: '3', text: 'Volzet!', author: 'lies_v', createdAt: at(2) });
    const bed = t.see({ id: '2', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(1) }, true);
    expect(t.status(bed.key)).toBe('closed');
    const shower = t.see({ id: '1', text: 'Douche beschikbaar in Genk, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    expect(shower.closes).toEqual([]);
    expect(shower.reopens).toEqual([bed.key]);
    expect([t.status(bed.key), t.status(shower.key)]).toEqual(['open', 'open']);
  });

  it('closes the one open offer of its author that names only a town, in either order', () => {
    for (const reverse of [false, true]) {
      const t = createRepeatTracker();
      const offer = { id: '1', text: 'Chambre libre pour 2 à Liège, MP', author: 'host', createdAt: at(0) };
      const full = { id: '2', text: 'Complet, merci pour vos messages, courage à tous', author: 'host', createdAt: at(2) };
      if (reverse) t.see(full);
      const key = t.see(offer, true).key;
      if (!reverse) expect(t.see(full).closes).toEqual([key]);
      expect(t.status(key)).toBe('closed');
    }
  });

  it('lets a "full" close an offer stored on an earlier visit, unless an offer of this visit fits it', () => {
    const stored = { key: 'k-stored', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', postedAt: at(-20) };
    const t = createRepeatTracker();
    expect(t.restore([stored])).toBe(1);
    expect(t.see({ id: '3', text: 'Volzet, bedankt iedereen!', author: 'lies_v', createdAt: at(2) }).closes).toEqual(['k-stored']);
    expect(t.status('k-stored')).toBe('closed');
    // Its tweet shown later carries the stored key and the status.
    const again = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(-20) }, true);
    expect(again.key).toBe('k-stored');

    const u = createRepeatTracker();
    u.restore([stored]);
    const today = u.see({ id: '5', text: 'Douche beschikbaar in Genk, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    expect(u.see({ id: '6', text: 'Volzet!', author: 'lies_v', createdAt: at(1) }).closes).toEqual([today.key]);
    expect(u.status('k-stored')).not.toBe('closed');
  });

  it('leaves an offer closed when a new offer of its author comes after the "full" with the same post time', () => {
    const t = createRepeatTracker();
    const bed = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    expect(t.see({ id: '2', text: 'Volzet!', author: 'lies_v', createdAt: at(1) }).closes).toEqual([bed.key]);
    const shower = t.see({ id: '3', text: 'Douche beschikbaar in Genk, stuur een DM', author: 'lies_v', createdAt: at(1) }, true);
    expect(shower.reopens).toEqual([]);
    expect([t.status(bed.key), t.status(shower.key)]).toEqual(['closed', 'open']);
  });

  it('closes on an edit of the offer that adds "complet"', () => {
    const t = createRepeatTracker();
    const a = t.see({ id: '1', text: 'Canapé pour 1 personne à Montreuil, MP ouverts', author: 'claire_p', createdAt: at(0) }, true);
    const edit = t.see({ id: '2', text: 'COMPLET - Canapé pour 1 personne à Montreuil, MP ouverts', author: 'claire_p', createdAt: at(1) }, true);
    expect(edit.key).toBe(a.key);
    expect(t.status(a.key)).toBe('closed');
  });

  it('forgets what it kept about an offer once the bounded index drops it', () => {
    const t = createRepeatTracker({ maxEntries: 3 });
    const a = t.see({ id: '1', text: 'Slaapplaats voor 2 in Hasselt, stuur een DM', author: 'lies_v', createdAt: at(0) }, true);
    t.see({ id: '2', text: 'Slaapplaats in Hasselt is volzet, bedankt iedereen!', author: 'lies_v', createdAt: at(1) });
    expect(t.status(a.key)).toBe('closed');
    for (let i = 0; i < 4; i++) t.see({ id: `x${i}`, text: `Bericht nummer ${i} over iets heel anders in Genk`, author: `u${i}`, createdAt: at(1) });
    expect(t.index.get(a.key)).toBeUndefined();
    // Shown as open again: the safe side when nothing is known any more.
    expect(t.status(a.key)).toBe('open');
  });

  it('turns stale from the original post time, judged at the stream time', () => {
    const t = createRepeatTracker({ staleHours: 12 });
    const a = t.see({ id: '1', text: 'Schlafplatz für 2 Personen in Euskirchen, PN', author: 'anna_k', createdAt: at(0) }, true);
    t.see({ id: '2', text: 'RT @anna_k: Schlafplatz für 2 Personen in Euskirchen, PN', createdAt: at(13) }, true);
    expect(t.status(a.key)).toBe('stale');
    const fixed = createRepeatTracker({ staleHours: 12, now: () => Date.parse(at(1)) });
    const b = fixed.see({ id: '1', text: 'Schlafplatz für 2 Personen in Euskirchen, PN', createdAt: at(0) }, true);
    expect(fixed.status(b.key)).toBe('open');
  });
});

describe('repeatFields (triage CLI)', () => {
  it('fills duplicate_of for every label and offer only for offers', () => {
    const t = createRepeatTracker();
    const first = repeatFields(t, { id: 'a', text: 'Praying for everyone in Hasselt tonight #pukkelpop' }, 'sympathy');
    const again = repeatFields(t, { id: 'b', text: 'RT @x: Praying for everyone in Hasselt tonight #pukkelpop' }, 'sympathy');
    const offer = repeatFields(t, { id: 'c', text: 'Slaapplaats voor 2 in Genk, DM', createdAt: at(0) }, 'offer');
    expect(first).toEqual({ duplicate_of: null, offer: null });
    expect(again).toEqual({ duplicate_of: 'a', offer: null });
    expect(offer.duplicate_of).toBeNull();
    expect(offer.offer).toMatchObject({ kind: 'shelter', capacity: 2, places: ['Genk'], contact: { dm: true }, status: 'open' });
  });
});

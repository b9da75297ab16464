import { describe, expect, it } from 'vitest';
import { extractOffer } from '../offer/extract';
import { analyse } from './analyse';
import { createRepeatTracker } from './stream';

const TEXT = 'RT @kris_lim: Plaats voor 4 personen in Genk, bel 0470 12 34 56 of DM @kris_lim #hasselthelpt';

describe('analyse', () => {
  it('reads a text once for every message that carries it, and keeps what is the message’s own apart', () => {
    const a = analyse({ id: '1000001', text: TEXT, author: 'fan_a', createdAt: '2011-08-18T19:00:00Z' });
    const b = analyse({ id: 'x2', text: TEXT, author: 'fan_b', createdAt: '2011-08-18T20:00:00Z' });
    expect(b.parsed).toBe(a.parsed);
    expect(b.reading).toBe(a.reading);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect([a.statusId, b.statusId]).toEqual(['1000001', null]);
    // The credited author comes from the text, the time from the message.
    expect([a.author, b.author]).toEqual(['kris_lim', 'kris_lim']);
    expect(b.postedAt).not.toBe(a.postedAt);
    expect(analyse({ id: 'x3', text: 'Plaats voor 4 personen in Genk', author: 'Jan' }).author).toBe('jan');
  });

  it('gives offer details the caller may change without changing the next message’s', () => {
    const first = extractOffer({ id: 'o1', text: TEXT, author: 'fan_a' });
    expect(first.contact.phones).toEqual(['0470 12 34 56']);
    first.contact.phones.push('0000');
    first.contact.handles.length = 0;
    const second = extractOffer({ id: 'o2', text: TEXT, author: 'fan_b' });
    expect(second.contact.phones).toEqual(['0470 12 34 56']);
    expect(second.contact.handles).toEqual(['kris_lim']);
  });

  it('keys repeats of one text alike in a fresh tracker and in one that has read the text before', () => {
    const msgs = [
      { id: '2000001', text: TEXT, author: 'kris_lim' },
      { id: '2000002', text: 'Slaapplaats voor 2 in Hasselt, bel 011 22 33 44', author: 'an' },
      { id: '2000003', text: TEXT, author: 'fan_c' },
    ];
    const run = () => {
      const t = createRepeatTracker({ now: () => 0 });
      return msgs.map((m) => t.see(m, true));
    };
    const once = run();
    expect(once[2]?.duplicateOf).toBe('2000001');
    expect(run()).toEqual(once);
  });
});

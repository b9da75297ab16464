// Message validation against what a broken or hostile sender could put in a
// message: prototype keys, wrong types at every depth, oversized values,
// numbers that are not numbers. And fitSighting: a sighting of an odd post is
// cut to fit instead of costing its whole batch.
import { describe, expect, it } from 'vitest';
import { randomText, seeded } from '../core/hostile-inputs';
import { fitSighting, isSighting, parseToBackground, type SightingInput } from './messages';

const good: SightingInput = {
  key: 'k1',
  statusId: '1234',
  author: 'host_a',
  reposter: null,
  text: 'Schlafplatz für 2 in Euskirchen, PN',
  lang: 'de',
  label: 'offer',
  postedAt: '2021-07-15T20:00:00Z',
  seenAt: 1_626_379_200_000,
  offer: {
    kind: 'shelter',
    capacity: 2,
    places: ['Euskirchen'],
    contact: { dm: true, phones: [], address: null, handles: [] },
    status: 'open',
    postedAt: '2021-07-15T20:00:00Z',
  },
  counts: { reposts: 3 },
};

/** Every way to break one field of a sighting, at every depth. */
function* brokenSightings(): Generator<[string, unknown]> {
  const bad: unknown[] = [undefined, null, 0, -1, NaN, Infinity, '', 'x'.repeat(20_001), [], {}, true, { __proto__: { polluted: 1 } }];
  for (const field of Object.keys(good) as (keyof SightingInput)[]) {
    for (const v of bad) {
      const s = { ...good, [field]: v } as Record<string, unknown>;
      if (JSON.stringify(s) !== JSON.stringify(good) && !isSighting(s)) yield [`${field}=${String(v).slice(0, 20)}`, s];
    }
  }
  for (const v of bad) yield [`offer.contact=${String(v).slice(0, 20)}`, { ...good, offer: { ...good.offer, contact: v } }];
  yield ['offer.places holds a number', { ...good, offer: { ...good.offer, places: [3] } }];
  yield ['offer.contact.phones too long', { ...good, offer: { ...good.offer, contact: { ...good.offer!.contact, phones: ['1'.repeat(61)] } } }];
  yield ['counts with an unknown key', { ...good, counts: { reposts: 1, evil: 2 } }];
  yield ['counts.__proto__ as an own key', { ...good, counts: JSON.parse('{"__proto__": {"views": 1}}') as unknown }];
  yield ['counts.views negative', { ...good, counts: { views: -5 } }];
  yield ['label not a label', { ...good, label: 'constructor' }];
  // What a backup of the store refuses (store/validate.ts) is refused here too: a stored record could
  // otherwise make the whole backup impossible to restore.
  yield ['offer.kind not a kind', { ...good, offer: { ...good.offer, kind: 'castle' } }];
  yield ['offer.status not a status', { ...good, offer: { ...good.offer, status: 'gone' } }];
  yield ['offer.capacity a fraction', { ...good, offer: { ...good.offer, capacity: 1.5 } }];
  yield ['offer.capacity negative', { ...good, offer: { ...good.offer, capacity: -2 } }];
  yield ['offer.places more than 100', { ...good, offer: { ...good.offer, places: Array.from({ length: 101 }, (_, i) => `p${i}`) } }];
  yield ['counts.reposts a fraction', { ...good, counts: { reposts: 2.5 } }];
  yield ['an array', [good]];
}

describe('parseToBackground on hostile messages', () => {
  it('rejects every broken sighting, and a batch that holds one', () => {
    let n = 0;
    for (const [what, s] of brokenSightings()) {
      n++;
      expect(parseToBackground({ type: 'sightings/record', sightings: [good, s] }), what).toBeNull();
    }
    expect(n).toBeGreaterThan(60);
    expect(parseToBackground({ type: 'sightings/record', sightings: [good] })).not.toBeNull();
  });

  it('rejects prototype keys, odd types and sizes in every message type', () => {
    const polluted = JSON.parse('{"type":"tab/get-status","tabId":3,"__proto__":{"isAdmin":true}}') as unknown;
    // An own "__proto__" key is data, not a prototype: the message is valid and nothing is polluted.
    expect(parseToBackground(polluted)).not.toBeNull();
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    const cases: unknown[] = [
      undefined,
      42,
      'tab/get-status',
      { type: ['tab/get-status'], tabId: 1 },
      { type: 'tab/get-status', tabId: Infinity },
      { type: 'tab/get-status', tabId: NaN },
      { type: 'tab/get-status' },
      { type: '__proto__' },
      { type: 'toString' },
      { type: 'constructor', tabId: 1 },
      { type: 'offers/seen-before', keys: 'k1', since: 0 },
      { type: 'offers/seen-before', keys: ['k'.repeat(201)], since: 0 },
      { type: 'offers/seen-before', keys: Array(501).fill('k'), since: 0 },
      { type: 'offers/seen-before', keys: ['k'], since: '0' },
      { type: 'sightings/record', sightings: {} },
      { type: 'sightings/record', sightings: Array(501).fill(good) },
      { type: 'tab/status', status: null },
      { type: 'tab/status', status: { url: 'x'.repeat(4001), active: true, hidden: {}, tagged: 0, health: { ok: true, failing: [], checkedAt: 0 } } },
    ];
    for (const c of cases) expect(parseToBackground(c), JSON.stringify(c)?.slice(0, 80)).toBeNull();
  });

  it('answers quickly for the largest message it accepts, and refuses larger ones before reading them all', () => {
    const big = { type: 'sightings/record', sightings: Array.from({ length: 500 }, (_, i) => ({ ...good, key: `k${i}`, text: 'x'.repeat(20_000) })) };
    const t0 = performance.now();
    expect(parseToBackground(big)).not.toBeNull();
    const huge = { type: 'sightings/record', sightings: Array(1_000_000).fill(good) };
    expect(parseToBackground(huge)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('fitSighting', () => {
  it('cuts what is too long so the sighting is accepted, and leaves a fitting one as it is', () => {
    expect(fitSighting(good)).toEqual(good);
    const odd: SightingInput = { ...good, text: `${'🙏'.repeat(10_000)}x`, lang: 'x'.repeat(21), postedAt: '2'.repeat(61), author: 'a'.repeat(61), statusId: '1'.repeat(41) };
    expect(isSighting(odd)).toBe(false);
    const fit = fitSighting(odd);
    expect(isSighting(fit)).toBe(true);
    expect(fit.text.length).toBeLessThanOrEqual(20_000);
    // Cut between characters, never inside an emoji.
    expect(fit.text.endsWith('🙏')).toBe(true);
    expect([fit.lang, fit.postedAt, fit.author, fit.statusId]).toEqual([null, null, null, null]);
    expect(fit.key).toBe(good.key);
  });

  it('cuts an offer with more than 100 places, phones or handles to 100 of each', () => {
    const many = Array.from({ length: 150 }, (_, i) => `x${i}`);
    const odd: SightingInput = { ...good, offer: { ...good.offer!, places: many, contact: { ...good.offer!.contact, phones: many, handles: many } } };
    expect(isSighting(odd)).toBe(false);
    const fit = fitSighting(odd);
    expect(isSighting(fit)).toBe(true);
    expect([fit.offer?.places.length, fit.offer?.contact.phones.length, fit.offer?.contact.handles.length]).toEqual([100, 100, 100]);
  });

  it('makes random sightings of random text acceptable', () => {
    const rand = seeded(15);
    for (let i = 0; i < 200; i++) {
      const s = { ...good, text: randomText(rand, Math.floor(rand() * 40_000)) };
      expect(isSighting(fitSighting(s))).toBe(true);
    }
  });
});

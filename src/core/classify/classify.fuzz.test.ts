// The classifier on hostile and random input: it never throws, never falls
// back to a label a filter hides, answers in a valid shape, and its time grows
// linearly with the text (no regular expression that backtracks).
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL, growthRatio, MARKUP_PAYLOADS, ODD_TEXTS, randomText, seeded } from '../hostile-inputs';
import { LABELS, type Classification, type Message } from '../types';
import { classify, classifyWith } from './classify';
import { analyse, MAX_CHARS } from './features';
import { model, type RuntimeModel } from './model';

function msg(text: string, over: Partial<Message> = {}): Message {
  return { id: '1', text, lang: null, author: 'someone', hashtags: [], createdAt: '2011-08-18T20:00:00Z', ...over };
}

function checkShape(c: Classification, text: string): void {
  expect(LABELS, text.slice(0, 80)).toContain(c.label);
  expect(Number.isFinite(c.confidence)).toBe(true);
  expect(c.confidence).toBeGreaterThanOrEqual(0);
  expect(c.confidence).toBeLessThanOrEqual(1);
  expect(typeof c.sympathyOnly).toBe('boolean');
  for (const cue of c.cues) {
    expect(typeof cue.kind).toBe('string');
    expect(typeof cue.evidence).toBe('string');
    expect(cue.evidence.length).toBeLessThanOrEqual(text.length + 200);
  }
}

const corpus = [...MARKUP_PAYLOADS, ...ODD_TEXTS, ...Object.values(ADVERSARIAL).map((make) => make(3000))];

describe('classify on hostile input', () => {
  it('reads every hostile text without failing, in every language hint', () => {
    for (const text of corpus) {
      for (const lang of [null, 'nl', 'fr', 'und', '<script>']) {
        const m = msg(text, { lang, quotedText: text.slice(0, 500), hashtags: ['hasselthelpt', text.slice(0, 40)] });
        // analyse is where a failure would be swallowed into the fallback: it must not throw.
        expect(() => analyse(m), text.slice(0, 80)).not.toThrow();
        checkShape(classify(m), text);
      }
    }
  }, 60_000);

  it('survives fields of the wrong type (a message from a broken page)', () => {
    const broken = [
      { id: '1', text: null },
      { id: '1', text: 42, hashtags: 'x' },
      { id: '1', text: 'Bed vrij', hashtags: [null, 3, {}], lang: 5 },
      { id: '1', text: 'Bed vrij', quotedText: {}, author: [] },
      { id: '1', text: { toString: () => 'boom' } },
    ] as unknown as Message[];
    for (const m of broken) checkShape(classify(m), String(m.text));
  });

  it('reads 1,000 random texts up to 10,000 characters', () => {
    const rand = seeded(20110818);
    for (let i = 0; i < 1000; i++) {
      const text = randomText(rand, i % 50 === 0 ? 10_000 : Math.floor(rand() * 400));
      const m = msg(text, { lang: ['nl', 'fr', 'de', 'en', null][i % 5] ?? null });
      expect(() => analyse(m), JSON.stringify(text.slice(0, 200))).not.toThrow();
      checkShape(classify(m), text);
    }
  }, 60_000);

  it('shows a message it cannot read: the fallback is a label no filter hides', () => {
    const broken = { ...model, rows: null } as unknown as RuntimeModel;
    const c = classifyWith(msg('Slaapplaats voor 2 in Hasselt'), broken);
    expect(c.confidence).toBe(0);
    // "other" meets the off-topic filter; a message that could not be read must stay visible.
    expect(c.label).toBe('info');
    expect(c.sympathyOnly).toBe(false);
  });
});

describe('classify time grows linearly with the text', () => {
  // 16 texts of n characters against one of 16n (below MAX_CHARS, where reading stops):
  // linear is about 1, quadratic about 16.
  const n = Math.floor(MAX_CHARS / 16 / 1.05);
  it.each(Object.keys(ADVERSARIAL))('%s', (name) => {
    const make = ADVERSARIAL[name] as (n: number) => string;
    const ratio = growthRatio(make, n, (text) => classify(msg(text, { quotedText: null })));
    expect(ratio, `${name}: time(16n) / (16 x time(n))`).toBeLessThan(4);
  });

  it('random text', () => {
    const rand = seeded(7);
    const ratio = growthRatio((k) => randomText(rand, k), n, (text) => classify(msg(text)));
    expect(ratio).toBeLessThan(4);
  });

  it('reads the longest text within a bound', () => {
    // Generous: a catastrophic pattern takes seconds or hours, a linear one a few milliseconds.
    for (const make of Object.values(ADVERSARIAL)) {
      const text = make(MAX_CHARS);
      const t0 = performance.now();
      classify(msg(text, { quotedText: text }));
      expect(performance.now() - t0, text.slice(0, 20)).toBeLessThan(1500);
    }
  });
});

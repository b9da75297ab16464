import { describe, expect, it } from 'vitest';
import { predict, train } from './logreg';

describe('logistic regression', () => {
  it('learns which feature points to which class, deterministically', () => {
    // Feature 0 means class 0, feature 1 class 1, feature 2 class 2; feature 3 is noise.
    const xs: Int32Array[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 300; i++) {
      const y = i % 3;
      xs.push(Int32Array.from(i % 2 ? [y, 3] : [y]));
      ys.push(y);
    }
    const opts = { classes: 3, features: 4, epochs: 20, seed: 3 };
    const m = train(xs, ys, opts);
    for (let y = 0; y < 3; y++) {
      const p = predict(m, [y, 3]);
      expect(p.indexOf(Math.max(...p))).toBe(y);
      expect(p[y]).toBeGreaterThan(0.8);
    }
    expect(Array.from(train(xs, ys, opts).weights)).toEqual(Array.from(m.weights));
  });
});

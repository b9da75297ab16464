import { describe, expect, it } from 'vitest';
import { formatReport, report, type Scored } from './metrics';

const row = (truth: Scored['truth'], label: Scored['label'], truthSympathyOnly: boolean, sympathyOnly: boolean): Scored => ({ truth, label, truthSympathyOnly, sympathyOnly });

describe('report', () => {
  it('computes per-class and sympathy-filter figures', () => {
    const r = report([
      row('sympathy', 'sympathy', true, true),
      row('sympathy', 'sympathy', true, false),
      row('offer', 'sympathy', false, true),
      row('info', 'info', false, false),
      row('other', 'other', false, false),
    ]);
    expect(r.accuracy).toBeCloseTo(4 / 5);
    expect(r.perClass.sympathy.precision).toBeCloseTo(2 / 3);
    expect(r.perClass.sympathy.recall).toBe(1);
    expect(r.sympathyOnly.precision).toBeCloseTo(1 / 2);
    expect(r.sympathyOnly.recall).toBeCloseTo(1 / 2);
    expect(r.sympathyOnly.f1).toBeCloseTo(1 / 2);
    expect(r.actionable).toBe(2);
    expect(r.actionableHidden).toBe(1);
    expect(r.actionableHiddenRate).toBeCloseTo(1 / 2);
  });

  it('says what each class is taken for', () => {
    const r = report([row('request', 'offer', false, false), row('request', 'offer', false, false), row('request', 'info', false, false), row('request', 'request', false, false)]);
    expect(r.takenFor.request).toEqual({ offer: 2, request: 1, info: 1, sympathy: 0, other: 0 });
    expect(formatReport('t', r)).toMatch(/^ {2}request .* 4 {2}offer 2, info 1$/m);
  });

  it('handles empty input', () => {
    expect(report([]).sympathyOnly.f1).toBe(0);
  });
});

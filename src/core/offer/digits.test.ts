import { describe, expect, it } from 'vitest';
import { allDigits } from './digits';

describe('allDigits', () => {
  it('answers as /^\\d+$/ does', () => {
    for (const w of ['', '0', '12', '007', '1a', 'a1', '1 2', '٣', '１２', '12.5', '-3']) expect(allDigits(w)).toBe(/^\d+$/.test(w));
  });
});

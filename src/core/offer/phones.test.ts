import { describe, expect, it } from 'vitest';
import { findPhones } from './phones';

describe('findPhones', () => {
  it('keeps numbers of eight digits or more, however they are written, and nothing shorter', () => {
    expect(findPhones('Bel 0470 12 34 56').map((p) => p.canonical)).toEqual(['470123456']);
    expect(findPhones('+32 (0)11/22.33.44 of 0032 470 12 34 56').map((p) => p.canonical)).toEqual(['11223344', '470123456']);
    expect(findPhones('Call (555) 123-4567').map((p) => p.canonical)).toEqual(['5551234567']);
    // Seven digits: never a phone here, whatever the separators.
    expect(findPhones('Bel 011 22 34')).toEqual([]);
    expect(findPhones('Plaats voor 4, 20u30, 24/7, straat 12')).toEqual([]);
    expect(findPhones('geen cijfers')).toEqual([]);
  });
});

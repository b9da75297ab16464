import { describe, expect, it } from 'vitest';
import type { HostOffer } from '../shared/backend';
import { createMemoryBackend } from '../shared/memory-backend';
import { sampleHostOffers } from '../shared/sample-data';
import { createHostState } from './host-state';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('host page state', () => {
  it("shows the answer for the handles asked last, even when an earlier question's answer comes after it", async () => {
    const backend = createMemoryBackend({ hostOffers: sampleHostOffers(NOW) });
    const answers = new Map<string, (offers: HostOffer[]) => void>();
    backend.hostOffers = (handles) => new Promise((resolve) => answers.set(handles.join(','), resolve));
    const state = createHostState(backend);
    const asked = async (key: string) => {
      for (let i = 0; i < 50 && !answers.has(key); i++) await new Promise((r) => setTimeout(r, 0));
      expect(answers.has(key)).toBe(true);
    };
    const slow = state.show('@first_host');
    await asked('first_host');
    const quick = state.show('@second_host');
    await asked('second_host');
    // The second question is answered first, then the first one.
    const second = sampleHostOffers(NOW).slice(0, 1);
    answers.get('second_host')?.(second);
    await quick;
    answers.get('first_host')?.(sampleHostOffers(NOW));
    await slow;
    expect(state.handles.value).toEqual(['second_host']);
    expect(state.offers.value).toEqual(second);
    expect(state.loading.value).toBe(false);
    state.dispose();
  });
});

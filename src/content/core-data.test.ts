import { describe, expect, it } from 'vitest';
import { coreData, isCoreFiles, provideCoreData } from './core-data';
import { loadCore } from './real-core';

describe('core data handed to the content script', () => {
  it('gives each data module its parsed file, and names a missing one', () => {
    provideCoreData({ 'data/a.json': '{"x":[1,2]}' });
    expect(coreData('data/a.json')).toEqual({ x: [1, 2] });
    expect(() => coreData('data/lexicons/en.json')).toThrow('core data file missing: data/lexicons/en.json');
  });

  it("takes only a map of data files to text as the background's answer", () => {
    expect(isCoreFiles({ 'data/model/triage-model.json': '{}', 'data/offer/nl.json': '[]' })).toBe(true);
    for (const bad of [null, [], {}, 'data', { 'data/a.json': 1 }, { '../secrets.json': '{}' }, { 'data/a.js': '{}' }, { 'data/a.json': 'x'.repeat(8_000_001) }])
      expect(isCoreFiles(bad), JSON.stringify(bad).slice(0, 60)).toBe(false);
  });

  it('does not build the core without its data, and tries again at the next call', async () => {
    await expect(loadCore([], async () => null)).rejects.toThrow('the core data could not be had from the background');
    // Here (Node) the data modules import their files themselves: any answer lets the build go on.
    const core = await loadCore([], async () => ({ 'data/unused.json': '{}' }));
    expect(core.classify({ id: '1', text: 'Bed free in Hasselt tonight, DM me', author: 'a' }).label).toBe('offer');
  });
});

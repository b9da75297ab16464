import { describe, expect, it } from 'vitest';
import { injectsOnInstall, runInOpenTabs } from './open-tabs';

describe('the content script in the x.com tabs open at an install or update', () => {
  it('runs in every loaded tab, skips discarded ones, and goes on past a tab that refuses', async () => {
    const ran: number[] = [];
    const count = await runInOpenTabs({
      tabs: async () => [{ id: 1 }, { id: 2, discarded: true }, {}, { id: 3 }, { id: 4 }],
      run: async (id) => {
        if (id === 3) throw new Error('Frame with ID 0 is showing error page');
        ran.push(id);
      },
    });
    expect(ran).toEqual([1, 4]);
    expect(count).toBe(2);
  });

  it('never rejects, even when the tabs cannot be listed', async () => {
    await expect(runInOpenTabs({ tabs: () => Promise.reject(new Error('no tabs API')), run: async () => undefined })).resolves.toBe(0);
  });

  it('leaves it to browsers that run content scripts in open tabs themselves (Firefox)', () => {
    expect(injectsOnInstall({ getBrowserInfo: async () => ({ name: 'Firefox' }) })).toBe(true);
    expect(injectsOnInstall({ id: 'x', getManifest: () => ({}) })).toBe(false);
  });
});

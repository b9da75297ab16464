import { describe, expect, it } from 'vitest';
import { neutralCore, type TriageCore } from './core';
import type { CoreFiles } from './core-data';
import { CORE_GLOBAL, injectedCoreLoader, type CoreDataSource, type CoreScript } from './core-script';

const FILES: CoreFiles = { 'data/a.json': '{}' };

/** A world whose "core.js" registers a core that records what it was given. */
function world(opts: { registers?: boolean; failInjections?: number } = {}) {
  const scope: Record<string, unknown> = {};
  const log = { injections: 0, builds: [] as (CoreFiles | null)[] };
  let failures = opts.failInjections ?? 0;
  const script: CoreScript = {
    async loadCore(steps: number[], data: CoreDataSource): Promise<TriageCore> {
      steps.push(1);
      log.builds.push(await data());
      return neutralCore;
    },
  };
  const inject = async () => {
    log.injections += 1;
    if (failures > 0) {
      failures -= 1;
      throw new Error('core.js could not be run: No tab with id: 7');
    }
    if (opts.registers !== false) scope[CORE_GLOBAL] = script;
  };
  return { scope, log, inject };
}

describe('the core from core.js', () => {
  it('has core.js run once, then builds the core from it with the data asked for meanwhile', async () => {
    const { scope, log, inject } = world();
    const load = injectedCoreLoader(scope);
    const steps: number[] = [];
    let asked = 0;
    const data = async () => {
      asked += 1;
      return FILES;
    };
    expect(await load(steps, data, inject)).toBe(neutralCore);
    expect(await load(steps, data, inject)).toBe(neutralCore);
    expect(log.injections).toBe(1);
    expect(log.builds).toEqual([FILES, FILES]);
    expect(asked).toBe(2);
    expect(steps).toEqual([1, 1]);
  });

  it('never uses a core left by an earlier instance of the content script', async () => {
    const { scope, log, inject } = world({ registers: false });
    let stale = 0;
    scope[CORE_GLOBAL] = {
      loadCore: async () => {
        stale += 1;
        return neutralCore;
      },
    } satisfies CoreScript;
    await expect(injectedCoreLoader(scope)([], async () => FILES, inject)).rejects.toThrow('core.js ran but left no core');
    expect(stale).toBe(0);
    expect(log.injections).toBe(1);
  });

  it('says why when core.js cannot be run, and runs it at the next call', async () => {
    const { scope, log, inject } = world({ failInjections: 1 });
    const load = injectedCoreLoader(scope);
    await expect(load([], async () => FILES, inject)).rejects.toThrow('core.js could not be run: No tab with id: 7');
    expect(await load([], async () => FILES, inject)).toBe(neutralCore);
    expect(log.injections).toBe(2);
  });

  it('hands the core no data when the background cannot give it (the core then refuses to build)', async () => {
    const { scope, log, inject } = world();
    await injectedCoreLoader(scope)([], () => Promise.reject(new Error('port closed')), inject);
    expect(log.builds).toEqual([null]);
  });
});

// The core (classifier, repeat tracker, offer details) is not in content.js,
// which every x.com page loads and compiles: it is core.js, which the
// background runs next to the content script, in the same world, when a tab
// first opens a page in scope (`core/inject`). core.js leaves its entry point
// on that world's global object, which neither x.com nor other extensions see.
import type { TriageCore } from './core';
import type { CoreFiles } from './core-data';

export const CORE_GLOBAL = '__hashtagTriageCore';

/** Where the core's data files come from (the background's `core/data`); null when they cannot be had. */
export type CoreDataSource = () => Promise<CoreFiles | null>;

/** What core.js leaves on the global object. */
export interface CoreScript {
  loadCore(steps: number[], data: CoreDataSource): Promise<TriageCore>;
}

/**
 * Builds the core on the first page in scope. `steps` receives the time of each step (ms), `data`
 * gives the data files, `inject` has core.js run (it rejects, saying why, when it cannot).
 */
export type CoreLoader = (steps: number[], data: CoreDataSource, inject: () => Promise<void>) => Promise<TriageCore>;

type Scope = Record<string, unknown>;

function registered(scope: Scope): CoreScript | null {
  const v = scope[CORE_GLOBAL];
  return typeof v === 'object' && v !== null && typeof (v as CoreScript).loadCore === 'function' ? (v as CoreScript) : null;
}

/** A loader that has core.js run once (again after a failure), then builds the core from it. */
export function injectedCoreLoader(scope: Scope = globalThis as unknown as Scope): CoreLoader {
  let script: Promise<CoreScript> | null = null;
  return (steps, data, inject) => {
    // Asked now, answered while core.js is run and compiled.
    const files = data().catch(() => null);
    script ??= (async () => {
      // What an earlier instance of the content script left (an extension reloaded under the page) is not used.
      delete scope[CORE_GLOBAL];
      await inject();
      const s = registered(scope);
      if (!s) throw new Error('core.js ran but left no core');
      return s;
    })().catch((e: unknown) => {
      script = null;
      throw e;
    });
    return script.then((s) => s.loadCore(steps, () => files));
  };
}

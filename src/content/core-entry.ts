// core.js: the core, run by the background next to the content script when a
// tab first opens a page in scope (see core-script.ts). It only leaves its
// entry point; nothing is built until the content script asks.
import { CORE_GLOBAL, type CoreScript } from './core-script';
import { loadCore } from './real-core';

const script: CoreScript = { loadCore };
(globalThis as unknown as Record<string, unknown>)[CORE_GLOBAL] = script;

// The extension's own package files (chrome-extension:// or moz-extension://):
// reading one (never the network: the one fetch in the extension's source,
// kept here so that the source scan, src/sinks.hostile.test.ts, can tell it
// from a request) and running core.js in a tab.
import browser from 'webextension-polyfill';

const NAME = /^[\w-]+\.json$/;

/** The parsed JSON of a file shipped at the package's top level, e.g. "core-data.json". */
export async function readPackagedJson(name: string): Promise<unknown> {
  if (!NAME.test(name)) throw new Error(`not a packaged file name: ${name}`);
  const url = browser.runtime.getURL(name);
  if (!url.startsWith(browser.runtime.getURL(''))) throw new Error(`not in the extension's package: ${url}`);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return r.json();
}

/** Runs the package's core.js in one frame of a tab, in the extension's content script world (never the page's own). */
export async function injectCoreScript(tabId: number, frameId: number): Promise<void> {
  const results = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['core.js'] });
  // Chrome reports a script that threw in its result; Firefox rejects.
  const error = results[0]?.error;
  if (error !== undefined && error !== null) throw new Error(`core.js: ${error instanceof Error ? error.message : String(error)}`);
}

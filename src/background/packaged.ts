// The extension's own package files (chrome-extension:// or moz-extension://):
// reading one (never the network: the one fetch in the extension's source,
// kept here so that the source scan, src/sinks.hostile.test.ts, can tell it
// from a request) and running its scripts in a tab: core.js on a page in
// scope, content.js in the x.com tabs open when the extension is installed or
// updated.
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

/** Chrome reports a script that threw in its result; Firefox rejects. */
function checkRun(results: { error?: unknown }[], file: string): void {
  const error = results[0]?.error;
  if (error !== undefined && error !== null) throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Runs the package's core.js in one frame of a tab, in the extension's content script world (never the page's own). */
export async function injectCoreScript(tabId: number, frameId: number): Promise<void> {
  checkRun(await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['core.js'] }), 'core.js');
}

/** Runs the package's content.js in a tab's top frame, as the manifest's content script would run there. */
export async function injectContentScript(tabId: number): Promise<void> {
  checkRun(await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['content.js'] }), 'content.js');
}

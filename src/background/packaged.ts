// Reads a file of the extension's own package (chrome-extension:// or
// moz-extension://): never the network. The one fetch in the extension's
// source, kept here so that the source scan (src/sinks.hostile.test.ts) can
// tell it from a request.
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

// Content script entry, on every x.com page. Does nothing beyond a URL check on
// pages out of scope; never lets an exception reach the page.
import { startController } from './controller';
import { injectedCoreLoader } from './core-script';
import { contextAlive, extApi } from './ext';
import { failures, noteFailure } from './guard';

try {
  const api = extApi();
  if (api && contextAlive(api)) {
    const controller = startController({ api, core: injectedCoreLoader() });
    // Visible only in the content script's own world (the benchmark reads it), never to x.com.
    (globalThis as { __hashtagTriage?: unknown }).__hashtagTriage = { perf: controller.perf, failures, controller };
  }
} catch (e) {
  noteFailure(e);
}

// Playwright fixtures that load the real build (dist/chrome) into the system
// Chromium, serve x.com documents from local fixtures by request routing, and
// abort and count every other request: every test fails when one was made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const DIST_CHROME = resolve(import.meta.dirname, '../../dist/chrome');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--metrics-recording-only',
];

/** Serves x.com URLs: return the HTML for a URL, or null to send a 404. */
export type XRouter = (url: URL) => string | null;

export interface Network {
  /** Requests that were not a fixture document: the extension must make none. */
  blocked: string[];
  /** Fixture documents served. */
  served: string[];
}

export async function launchWithExtension(
  opts: { headless?: boolean; locale?: string; viewport?: { width: number; height: number } | null; dir?: string } = {},
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'triage-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    locale: opts.locale ?? 'en-US',
    viewport: opts.viewport === undefined ? { width: 1000, height: 900 } : opts.viewport,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${opts.dir ?? DIST_CHROME}`, `--load-extension=${opts.dir ?? DIST_CHROME}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, profile };
}

/** Route every request of the context: x.com documents from `router`, all else aborted and counted. */
export async function routeNetwork(context: BrowserContext, router: XRouter): Promise<Network> {
  const network: Network = { blocked: [], served: [] };
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    // The extension's own files (scripts and styles of its pages) are read from the package, not the network.
    if (url.protocol === 'chrome-extension:') {
      await route.continue();
      return;
    }
    const isX = url.protocol === 'https:' && (url.hostname === 'x.com' || url.hostname === 'twitter.com');
    if (isX && req.resourceType() === 'document') {
      const html = router(url);
      if (html !== null) {
        network.served.push(url.href);
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        return;
      }
    }
    network.blocked.push(`${req.resourceType()} ${url.href}`);
    await route.abort('blockedbyclient');
  });
  return network;
}

interface Fixtures {
  /** Wrapped in an object: Playwright would take a bare function for a fixture. */
  xcom: { serve: XRouter };
  network: Network;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  page: Page;
  uiLocale: string;
  /** The unpacked extension to load (the real build unless a test needs a broken one). */
  extensionDir: string;
  /** Runs for every test: after it, no request may have been blocked (the extension makes none). */
  noRequests: void;
}

export const test = base.extend<Fixtures>({
  uiLocale: ['en-US', { option: true }],
  extensionDir: [DIST_CHROME, { option: true }],
  xcom: [{ serve: () => null }, { option: true }],
  context: async ({ uiLocale, extensionDir }, use) => {
    const { context, profile } = await launchWithExtension({ locale: uiLocale, dir: extensionDir });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  network: async ({ context, xcom }, use) => {
    const network = await routeNetwork(context, xcom.serve);
    await use(network);
  },
  // Requests of the service worker go through context.route too (e2e/security-network.spec.ts proves it).
  noRequests: [
    async ({ network }, use, testInfo) => {
      await use();
      if (network.blocked.length && testInfo.status === testInfo.expectedStatus) {
        throw new Error(`requests made during the test (the extension must make none):\n${network.blocked.join('\n')}`);
      }
    },
    { auto: true },
  ],
  page: async ({ context, network }, use) => {
    void network; // routing must be in place before the first navigation
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(page);
    // Nothing the extension does may throw into x.com's page.
    if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
  },
});

export { expect } from '@playwright/test';

// Loads dist/firefox into the system Firefox over WebDriver BiDi (puppeteer-core),
// serves x.com documents from fixtures by request interception and counts every
// other request. A fixed internal UUID lets tests open the extension's pages.
// Interception covers tabs only: the background page's requests are caught by a
// local proxy every request of the browser goes through, and close() fails when
// anything was requested, so every test file proves the extension made none.
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist/firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
export const GECKO_ID = 'hashtag-triage@hashtag-triage.org';
export const EXTENSION_UUID = '6b1b7a4e-2f5c-4d0e-9a53-3c1f0e8d9a11';

export interface FirefoxSession {
  browser: Browser;
  /** Requests that were not a fixture document: the extension must make none. */
  blocked: string[];
  /** Requests of Firefox's own services (remote settings...), not the extension's. */
  browserOwn: string[];
  served: string[];
  open(url: string): Promise<Page>;
  extensionUrl(path: string): string;
  /** Closes the browser; rejects when a request was blocked during the session. */
  close(): Promise<void>;
}

/** Hosts of Firefox's own background services: their requests are the browser's, not the extension's. */
const BROWSER_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

/**
 * A proxy that answers nothing: it notes the target of every request that
 * reached the network (a CONNECT for https, a full URL for http) and refuses it.
 */
async function countingProxy(onRequest: (target: string) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((sock) => {
    sock.on('error', () => undefined);
    sock.once('data', (d) => {
      const [method = '', target = ''] = d.toString('latin1').split('\r\n')[0]?.split(' ') ?? [];
      onRequest(method === 'CONNECT' ? `https://${target}` : target);
      sock.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as { port: number }).port };
}

function hostOf(target: string): string {
  try {
    return new URL(target).hostname;
  } catch {
    return '';
  }
}

export async function launchFirefox(serve: (url: URL) => string | null): Promise<FirefoxSession> {
  const blocked: string[] = [];
  const browserOwn: string[] = [];
  const served: string[] = [];
  const proxy = await countingProxy((target) => (BROWSER_OWN.test(hostOf(target)) ? browserOwn : blocked).push(`network ${target}`));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.dns.disableIPv6': true,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'app.update.enabled': false,
      // Everything that is not intercepted below (the background page's requests) goes to the counting proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  await browser.installExtension(DIST_FIREFOX);

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (u.protocol === 'moz-extension:' || u.protocol === 'data:' || u.protocol === 'about:') {
        void req.continue();
        return;
      }
      // The browser's own favicon probe is not the extension's doing.
      if (u.pathname === '/favicon.ico') {
        void req.respond({ status: 404, body: '' });
        return;
      }
      const isX = u.protocol === 'https:' && (u.hostname === 'x.com' || u.hostname === 'twitter.com');
      const nav = req.isNavigationRequest();
      const html = isX && nav ? serve(u) : null;
      if (html !== null) {
        served.push(u.href);
        void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      } else {
        blocked.push(`${nav ? 'document' : 'request'} ${u.href}`);
        void req.abort();
      }
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  return {
    browser,
    blocked,
    browserOwn,
    served,
    open,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path}`,
    async close() {
      await browser.close();
      await new Promise((r) => proxy.server.close(r));
      if (blocked.length) throw new Error(`requests made during the session (the extension must make none):\n${blocked.join('\n')}`);
    },
  };
}

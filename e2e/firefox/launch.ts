// Loads dist/firefox into the system Firefox over WebDriver BiDi (puppeteer-core),
// serves x.com documents from fixtures by request interception and counts every
// other request. A fixed internal UUID lets tests open the extension's pages.
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist/firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
export const GECKO_ID = 'hashtag-triage@hashtag-triage.org';
export const EXTENSION_UUID = '6b1b7a4e-2f5c-4d0e-9a53-3c1f0e8d9a11';

export interface FirefoxSession {
  browser: Browser;
  blocked: string[];
  served: string[];
  open(url: string): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchFirefox(serve: (url: URL) => string | null): Promise<FirefoxSession> {
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
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  const blocked: string[] = [];
  const served: string[] = [];

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
    served,
    open,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path}`,
    close: () => browser.close(),
  };
}

// Localised strings. In the extension the browser picks the language
// (browser.i18n.getMessage); as a plain page (tests) the same _locales files
// are read here, English unless a test picks another catalogue.

import en from '../../../extension/_locales/en/messages.json';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, Entry>;
export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/** The extension's i18n API, without the polyfill so that plain pages load too. */
function api(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  return i18n && typeof i18n.getMessage === 'function' ? i18n : null;
}

let catalog: Catalog = en;

/** Use another catalogue when no browser API is present (tests of other languages). */
export function useCatalog(c: Catalog): void {
  catalog = c;
}

/** Expand a catalogue entry the way browsers do: $name$ placeholders, then $1..$9. */
export function formatEntry(entry: Entry, subs: string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return ph ? ph[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_m, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  const i18n = api();
  if (i18n) {
    const msg = i18n.getMessage(key, s);
    if (msg) return msg;
  }
  const entry = catalog[key] ?? (en as Catalog)[key];
  return entry ? formatEntry(entry, s) : key;
}

/**
 * The language of the strings shown, for <html lang> and number and date
 * formats: the browser's own locale when the strings are in its language
 * ("nl-BE"), else the language of the catalogue used ("en").
 */
export function uiLanguage(): string {
  const lang = t('common_lang');
  let ui = '';
  try {
    ui = api()?.getUILanguage() ?? '';
  } catch {
    ui = '';
  }
  return ui.toLowerCase().split(/[-_]/)[0] === lang ? ui.replace('_', '-') : lang;
}

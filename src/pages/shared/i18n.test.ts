import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import nl from '../../../extension/_locales/nl/messages.json';
import { formatEntry, t, useCatalog, type Catalog } from './i18n';

const LOCALES = resolve(import.meta.dirname, '../../../extension/_locales');
const PAGE_KEY = /^(common|popup|board|host|kind|status)_/;

function load(lang: string): Catalog {
  return JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalog;
}

const placeholders = (msg: string) => [...msg.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]?.toLowerCase()).sort();

afterEach(() => useCatalog(en));

describe('locales', () => {
  const langs = readdirSync(LOCALES);
  const english = load('en');
  const pageKeys = Object.keys(english).filter((k) => PAGE_KEY.test(k));

  it('has the four languages', () => {
    expect(langs.sort()).toEqual(['de', 'en', 'fr', 'nl']);
    expect(pageKeys.length).toBeGreaterThan(80);
  });

  for (const lang of ['nl', 'fr', 'de']) {
    it(`${lang} has every page string, with the same placeholders, each defined`, () => {
      const cat = load(lang);
      for (const key of pageKeys) {
        const entry = cat[key];
        expect(entry, `${lang}: ${key}`).toBeDefined();
        if (!entry) continue;
        expect(entry.message.trim(), `${lang}: ${key}`).not.toBe('');
        expect(placeholders(entry.message), `${lang}: ${key}`).toEqual(placeholders(english[key]?.message ?? ''));
        // The same name must take the same substitution in every language.
        for (const name of placeholders(entry.message)) {
          expect(entry.placeholders?.[name ?? '']?.content, `${lang}: ${key} $${name}$`).toBe(english[key]?.placeholders?.[name ?? '']?.content);
        }
      }
    });
  }

  it('translations are not copies of the English (apart from a few short words)', () => {
    const same = (lang: string) => pageKeys.filter((k) => load(lang)[k]?.message === english[k]?.message && (english[k]?.message.length ?? 0) > 12);
    for (const lang of ['nl', 'fr', 'de']) expect(same(lang), lang).toEqual([]);
  });
});

describe('t', () => {
  it('fills named placeholders from the substitutions, in order', () => {
    expect(t('board_count', 3, 10)).toBe('Offers shown: 3 of 10');
    expect(t('popup_turnOnPage', 'hasselthelpt')).toBe('Turn on for #hasselthelpt');
  });

  it('uses another catalogue when asked', () => {
    useCatalog(nl);
    expect(t('popup_turnOnPage', 'watersnood')).toBe('Aanzetten voor #watersnood');
  });

  it('prefers the browser API when there is one', () => {
    const g = globalThis as { chrome?: unknown };
    g.chrome = { i18n: { getMessage: (k: string, s: string[]) => `[${k}:${s.join('|')}]`, getUILanguage: () => 'de' } };
    try {
      expect(t('popup_hiddenCount', 5)).toBe('[popup_hiddenCount:5]');
    } finally {
      delete g.chrome;
    }
  });
});

describe('formatEntry', () => {
  it('handles $1 directly, $$ and unknown placeholders', () => {
    expect(formatEntry({ message: 'a $1 b $$ c' }, ['x'])).toBe('a x b $ c');
    expect(formatEntry({ message: '$WHO$ said', placeholders: { who: { content: '$1' } } }, ['Ann'])).toBe('Ann said');
    expect(formatEntry({ message: '$NOPE$' }, [])).toBe('$NOPE$');
  });
});

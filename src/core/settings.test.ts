import { describe, expect, it } from 'vitest';
import { cleanHashtag, defaults, migrateSettings, SETTINGS_VERSION } from './settings';

describe('migrateSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(migrateSettings(undefined)).toEqual(defaults);
    expect(migrateSettings('garbage')).toEqual(defaults);
  });

  it('keeps valid values and drops wrong types', () => {
    const s = migrateSettings({
      version: SETTINGS_VERSION,
      enabled: false,
      filters: { sympathy: false, repeat: 'yes', seen: true },
      staleHours: 3,
      hashtags: ['#Hochwasser', 42, 'porte ouverte', ''],
      unknown: 1,
    });
    expect(s.enabled).toBe(false);
    expect(s.filters).toEqual({ sympathy: false, repeat: true, seen: true, stale: false, offtopic: false });
    expect(s.staleHours).toBe(3);
    expect(s.hashtags).toEqual(['Hochwasser', 'porteouverte']);
    expect('unknown' in s).toBe(false);
  });

  it('migrates an unversioned object and clamps numbers', () => {
    const s = migrateSettings({ enabled: true, staleHours: -5, retentionDays: 1e9 });
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.staleHours).toBe(1);
    expect(s.retentionDays).toBe(3650);
  });
});

describe('cleanHashtag', () => {
  it('strips the hash and punctuation but keeps letters of any script', () => {
    expect(cleanHashtag(' ##hasselthelpt ')).toBe('hasselthelpt');
    expect(cleanHashtag('#PorteOuverte!')).toBe('PorteOuverte');
    expect(cleanHashtag('#東京')).toBe('東京');
  });

  it('keeps the combining marks of scripts that write vowels with them, in NFC', () => {
    expect(cleanHashtag('#बाढ़राहत')).toBe('बाढ़राहत'.normalize('NFC'));
    expect(cleanHashtag('#น้ำท่วม')).toBe('น้ำท่วม');
    expect(cleanHashtag('#Inonda\u0301ciones')).toBe('Inondáciones');
  });
});

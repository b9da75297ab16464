// Settings are defined once here: defaults, the derived type, migrations from
// every earlier version, and validation of whatever storage hands back.

export const FILTERS = ['sympathy', 'repeat', 'seen', 'stale', 'offtopic'] as const;
export type FilterName = (typeof FILTERS)[number];

export const SETTINGS_VERSION = 1;

export const defaults = {
  version: SETTINGS_VERSION,
  /** Master switch. */
  enabled: true,
  filters: {
    sympathy: true,
    repeat: true,
    seen: false,
    stale: false,
    offtopic: false,
  } as Record<FilterName, boolean>,
  /** An offer older than this (counted from the original post) is stale. */
  staleHours: 12,
  /** Crisis hashtags (without "#") whose hashtag and search pages are filtered. */
  hashtags: ['hasselthelpt', 'PorteOuverte', 'BostonHelp'] as string[],
  /** Filter every timeline, not only the listed hashtags. */
  everywhere: false,
  retentionDays: 30,
  maxOffers: 50_000,
};

export type Settings = typeof defaults;

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] turns a version-n object into version n+1. */
const migrations: Record<number, Migration> = {
  // Version 0: settings stored before versioning; nothing to rename yet.
  0: (old) => ({ ...old, version: 1 }),
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clampInt(v: unknown, min: number, max: number, fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.round(v)));
}

/**
 * Normalise a hashtag as the user typed it: no "#", no spaces; empty when invalid. Combining marks stay
 * (Hindi, Thai, Bengali... write vowels with them), in NFC as X's links give them.
 */
export function cleanHashtag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/^#+/, '').replace(/[^\p{L}\p{M}\p{N}_]/gu, '').slice(0, 100);
}

/**
 * Turn anything read from storage into valid current settings. Unknown keys are
 * dropped, wrong types fall back to defaults, older versions are migrated.
 */
export function migrateSettings(stored: unknown): Settings {
  let obj: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
  let version = typeof obj.version === 'number' ? obj.version : 0;
  while (version < SETTINGS_VERSION) {
    const step = migrations[version];
    obj = step ? step(obj) : obj;
    version += 1;
  }
  const filtersIn = isRecord(obj.filters) ? obj.filters : {};
  const filters = { ...defaults.filters };
  for (const f of FILTERS) if (typeof filtersIn[f] === 'boolean') filters[f] = filtersIn[f] as boolean;
  const hashtags = Array.isArray(obj.hashtags)
    ? [...new Set(obj.hashtags.filter((t): t is string => typeof t === 'string').map(cleanHashtag).filter(Boolean))]
    : [...defaults.hashtags];
  return {
    version: SETTINGS_VERSION,
    enabled: typeof obj.enabled === 'boolean' ? obj.enabled : defaults.enabled,
    filters,
    staleHours: clampInt(obj.staleHours, 1, 24 * 30, defaults.staleHours),
    hashtags,
    everywhere: typeof obj.everywhere === 'boolean' ? obj.everywhere : defaults.everywhere,
    retentionDays: clampInt(obj.retentionDays, 1, 3650, defaults.retentionDays),
    maxOffers: clampInt(obj.maxOffers, 100, 1_000_000, defaults.maxOffers),
  };
}

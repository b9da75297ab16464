// Export of the whole store as JSON (a versioned envelope that importJson
// reads back) and of the offers as CSV for a spreadsheet.

import { defaults } from '../core/settings';
import type { OfferView, StoredOffer } from './records';
import { toView } from './queries';
import { safely, type StoreResult } from './result';
import type { TriageDB } from './schema';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportEnvelope } from './validate';

export async function exportEnvelope(db: TriageDB, now = Date.now()): Promise<StoreResult<ExportEnvelope>> {
  return safely(() =>
    db.transaction('r', db.offers, db.sightings, db.snapshots, async () => ({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      offers: await db.offers.toArray(),
      sightings: (await db.sightings.toArray()).map(({ key, statusId, seenAt, via }) => ({ key, statusId, seenAt, via })),
      snapshots: (await db.snapshots.toArray()).map(({ statusId, at, counts }) => ({ statusId, at, counts })),
    })),
  );
}

export async function exportJson(db: TriageDB, now = Date.now()): Promise<StoreResult<string>> {
  const env = await exportEnvelope(db, now);
  return env.ok ? { ok: true, value: JSON.stringify(env.value) } : env;
}

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with ' to stay text. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'key',
  'kind',
  'status',
  'author',
  'posted_at',
  'first_seen',
  'last_seen',
  'reposts_seen',
  'capacity',
  'places',
  'phones',
  'dm',
  'address',
  'contact_handles',
  'contacted',
  'taken',
  'lang',
  'text',
] as const;

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

function row(v: OfferView): string[] {
  return [
    v.key,
    v.kind,
    v.status,
    v.author ?? '',
    v.postedAt ?? '',
    iso(v.firstSeenAt),
    iso(v.lastSeenAt),
    String(v.reposts),
    v.capacity === null ? '' : String(v.capacity),
    v.places.join('; '),
    v.contact.phones.join('; '),
    v.contact.dm ? 'yes' : 'no',
    v.contact.address ?? '',
    v.contact.handles.join('; '),
    v.contacted ? 'yes' : 'no',
    v.taken ? 'yes' : 'no',
    v.lang ?? '',
    v.text,
  ];
}

/**
 * RFC 4180 CSV of offer views with a header line and CRLF line ends. `link`
 * adds a "url" column before the text (the board knows where each tweet is).
 */
export function viewsToCsv(views: readonly OfferView[], link?: (v: OfferView) => string | null): string {
  const header: string[] = [...CSV_COLUMNS];
  if (link) header.splice(header.length - 1, 0, 'url');
  const lines = [header.join(',')];
  for (const v of views) {
    const cells = row(v);
    if (link) cells.splice(cells.length - 1, 0, link(v) ?? '');
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function offersToCsv(offers: readonly StoredOffer[], now = Date.now(), staleHours = defaults.staleHours): string {
  return viewsToCsv(offers.map((o) => toView(o, now, staleHours)));
}

export async function exportCsv(db: TriageDB, now = Date.now(), staleHours = defaults.staleHours): Promise<StoreResult<string>> {
  return safely(async () => offersToCsv(await db.offers.orderBy('lastSeenAt').reverse().toArray(), now, staleHours));
}

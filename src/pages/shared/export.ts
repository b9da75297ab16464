// The board's current view as CSV or JSON. Cells starting with = + - @ (or a
// tab / carriage return) are prefixed with ' so that a spreadsheet shows them
// as text instead of running them as formulas.

import type { BoardOffer } from './backend';
import { csvCell } from '../../store/export';
import { tweetUrl } from './links';

// The same cell rules as the store's own CSV export.
export { neutraliseCell } from '../../store/export';

const COLUMNS = [
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
  'url',
  'text',
] as const;

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

function row(o: BoardOffer): string[] {
  return [
    o.key,
    o.kind,
    o.status,
    o.author ?? '',
    o.postedAt ?? '',
    iso(o.firstSeenAt),
    iso(o.lastSeenAt),
    String(o.reposts),
    o.capacity === null ? '' : String(o.capacity),
    o.places.join('; '),
    o.contact.phones.join('; '),
    o.contact.dm ? 'yes' : 'no',
    o.contact.address ?? '',
    o.contact.handles.join('; '),
    o.contacted ? 'yes' : 'no',
    o.taken ? 'yes' : 'no',
    o.lang ?? '',
    tweetUrl(o.author, o.statusId) ?? '',
    o.text,
  ];
}

/** RFC 4180 CSV with a header line and CRLF line ends. */
export function offersToCsv(offers: BoardOffer[]): string {
  const lines = [COLUMNS.join(','), ...offers.map((o) => row(o).map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** Not the store's backup format ("hashtag-triage-offers", with history): a view, for reading and sharing. */
export const BOARD_VIEW_FORMAT = 'hashtag-triage-board-view';

export function offersToJson(offers: BoardOffer[], exportedAt = new Date()): string {
  const items = offers.map((o) => ({ ...o, url: tweetUrl(o.author, o.statusId) }));
  return JSON.stringify({ format: BOARD_VIEW_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), offers: items }, null, 2) + '\n';
}

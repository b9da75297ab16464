// The board's current view as CSV or JSON. Cells starting with = + - @ (or a
// tab / carriage return) are prefixed with ' so that a spreadsheet shows them
// as text instead of running them as formulas.

import type { BoardOffer } from './backend';
import { viewsToCsv } from '../../store/export';
import { tweetUrl } from './links';

// The same cell rules as the store's own CSV export.
export { neutraliseCell } from '../../store/export';

/** The store's CSV columns, with a link to each tweet before its text. */
export function offersToCsv(offers: BoardOffer[]): string {
  return viewsToCsv(offers, (o) => tweetUrl(o.author, o.statusId));
}

/** Not the store's backup format ("hashtag-triage-offers", with history): a view, for reading and sharing. */
export const BOARD_VIEW_FORMAT = 'hashtag-triage-board-view';

export function offersToJson(offers: BoardOffer[], exportedAt = new Date()): string {
  const items = offers.map((o) => ({ ...o, url: tweetUrl(o.author, o.statusId) }));
  return JSON.stringify({ format: BOARD_VIEW_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), offers: items }, null, 2) + '\n';
}

// The visits of one tab to its timelines. Coming back to a timeline soon after leaving it (Back from a
// tweet, Top and Latest, a search run again) continues the same visit: the offers it showed a moment ago
// must not come back as "seen before" (and hidden by the seen filter) as if from another day.

/** Away from a timeline longer than this, coming back is a new visit, ms. */
export const VISIT_GAP_MS = 30 * 60_000;
/** Timelines remembered per tab. */
const MAX_VISITS = 50;

/** The timeline a URL shows: its path, and for a search its query; X's own parameters (f, src) left out. */
export function visitKey(href: string): string {
  try {
    const u = new URL(href);
    const q = u.pathname === '/search' ? (u.searchParams.get('q') ?? '').trim().toLowerCase() : '';
    return `${u.pathname.toLowerCase().replace(/\/+$/, '')}?${q}`;
  } catch {
    return href;
  }
}

export class Visits {
  private readonly byKey = new Map<string, { since: number; left: number | null }>();

  /** The start of the visit a page of `href` opened at `now` belongs to. */
  begin(href: string, now: number): number {
    const key = visitKey(href);
    const v = this.byKey.get(key);
    this.byKey.delete(key);
    const since = v && (v.left === null || now - v.left <= VISIT_GAP_MS) ? v.since : now;
    this.byKey.set(key, { since, left: null });
    if (this.byKey.size > MAX_VISITS) this.byKey.delete(this.byKey.keys().next().value as string);
    return since;
  }

  /** The page of `href` was left at `now`. */
  leave(href: string, now: number): void {
    const v = this.byKey.get(visitKey(href));
    if (v) v.left = now;
  }
}

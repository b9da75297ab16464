// Links built from validated parts only: handles and ids come from strangers'
// tweets, so nothing else may end up in an href.

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const STATUS_ID = /^[0-9]{1,25}$/;

export function isHandle(h: string | null | undefined): h is string {
  return typeof h === 'string' && HANDLE.test(h);
}

/** https://x.com/<handle>/status/<id>, or null when either part is invalid. */
export function tweetUrl(handle: string | null | undefined, statusId: string | null | undefined): string | null {
  if (!isHandle(handle) || typeof statusId !== 'string' || !STATUS_ID.test(statusId)) return null;
  return `https://x.com/${handle}/status/${statusId}`;
}

export function profileUrl(handle: string | null | undefined): string | null {
  return isHandle(handle) ? `https://x.com/${handle}` : null;
}

/** Handles typed by a user ("@a, b c"): cleaned, valid ones only, no duplicates (case-insensitive). */
export function parseHandles(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[\s,;]+/)) {
    const h = raw.replace(/^@+/, '').replace(/^https?:\/\/(www\.)?(x|twitter)\.com\//i, '').replace(/\/.*$/, '');
    if (isHandle(h) && !seen.has(h.toLowerCase())) {
      seen.add(h.toLowerCase());
      out.push(h);
    }
  }
  return out;
}

/** A stored list of handles: each entry must be one valid handle ("@" allowed); duplicates dropped. */
export function cleanHandles(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const h = typeof raw === 'string' ? raw.trim().replace(/^@/, '') : '';
    if (!isHandle(h) || seen.has(h.toLowerCase())) continue;
    seen.add(h.toLowerCase());
    out.push(h);
  }
  return out;
}

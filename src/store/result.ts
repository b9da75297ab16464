// Every store call answers with a value or a readable error; nothing is thrown
// at the caller. A full disk (QuotaExceededError, however Dexie wraps it) is
// told apart so the user can be asked to prune or export.

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: string; quota: boolean };

export const QUOTA_MESSAGE =
  'The browser has no room left for the offers store, so this was not written (offers seen wait in memory and are tried again): keep offers for fewer days (offers board, "Stored in this browser"), or free space in the browser. What was stored before is kept.';

export const BLOCKED_MESSAGE =
  "The offers store is being upgraded, and another tab of this extension still holds the older version open. Close the extension's other tabs (offers board, host page) or restart the browser, then try again. Nothing was lost.";

class BlockedError extends Error {
  override name = 'BlockedError';
}

function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, depth: number) => {
    if (x === null || x === undefined || seen.has(x) || depth > 5) return;
    seen.add(x);
    out.push(x);
    if (typeof x !== 'object') return;
    const o = x as { inner?: unknown; cause?: unknown; failures?: unknown };
    walk(o.inner, depth + 1);
    walk(o.cause, depth + 1);
    if (Array.isArray(o.failures)) for (const f of o.failures) walk(f, depth + 1);
  };
  walk(e, 0);
  return out;
}

export function isQuotaError(e: unknown): boolean {
  return chain(e).some((x) => {
    if (typeof x !== 'object' || x === null) return false;
    const { name, message } = x as { name?: unknown; message?: unknown };
    return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
  });
}

export function describeError(e: unknown): string {
  if (isQuotaError(e)) return QUOTA_MESSAGE;
  if (chain(e).some((x) => x instanceof BlockedError)) return BLOCKED_MESSAGE;
  const first = chain(e).find((x) => typeof x === 'object' && x !== null && typeof (x as { message?: unknown }).message === 'string') as
    | { name?: string; message: string }
    | undefined;
  const text = first ? `${first.name ?? 'Error'}: ${first.message}` : String(e);
  return `The offers store failed: ${text}`.slice(0, 400);
}

// An upgrade blocked by another tab makes every call wait for the database for as long as that tab
// stays open. Once schema.ts says it waited too long, waiting calls fail with BLOCKED_MESSAGE, and
// new ones at once, until the database opens. (A call that failed this way may still complete
// later; every store write is one that can be repeated without harm.)
let blocked = false;
const waiting = new Set<(e: Error) => void>();

export function setUpgradeBlocked(on: boolean): void {
  blocked = on;
  if (on) for (const fail of [...waiting]) fail(new BlockedError(BLOCKED_MESSAGE));
}

export async function safely<T>(work: () => Promise<T>): Promise<StoreResult<T>> {
  if (blocked) return { ok: false, error: BLOCKED_MESSAGE, quota: false };
  let fail: (e: Error) => void = () => undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    fail = reject;
  });
  waiting.add(fail);
  try {
    return { ok: true, value: await Promise.race([work(), gaveUp]) };
  } catch (e) {
    return { ok: false, error: describeError(e), quota: isQuotaError(e) };
  } finally {
    waiting.delete(fail);
  }
}

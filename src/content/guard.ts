// Nothing may throw into x.com's page: every callback the content script hands
// to the browser (observers, listeners, timers, message replies) goes through
// guard(), which swallows and counts exceptions instead of propagating them.

export const failures = { count: 0, last: '' };

export function noteFailure(e: unknown): void {
  failures.count += 1;
  failures.last = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (e) {
      noteFailure(e);
    }
  };
}

/** Runs a promise-returning function; a rejection is counted, never left unhandled. */
export function guardAsync<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args).catch(noteFailure);
    } catch (e) {
      noteFailure(e);
    }
  };
}

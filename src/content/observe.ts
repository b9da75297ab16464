// The one MutationObserver helper: the callback is guarded and the observer is
// disconnected when the signal aborts (page left, extension context gone).
import { guard } from './guard';

export function observe(
  target: Node,
  options: MutationObserverInit,
  callback: (records: MutationRecord[]) => void,
  signal: AbortSignal,
): MutationObserver | null {
  if (signal.aborted) return null;
  const mo = new MutationObserver(guard(callback));
  mo.observe(target, options);
  signal.addEventListener('abort', () => mo.disconnect(), { once: true });
  return mo;
}

/** setInterval bound to a signal, guarded. */
export function every(ms: number, fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const id = setInterval(guard(fn), ms);
  signal.addEventListener('abort', () => clearInterval(id), { once: true });
}

/** setTimeout bound to a signal, guarded. */
export function later(ms: number, fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const id = setTimeout(guard(fn), ms);
  signal.addEventListener('abort', () => clearTimeout(id), { once: true });
}

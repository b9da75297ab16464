// Follows x.com's single-page navigation. The page's own history.pushState runs
// in another JavaScript world and cannot be patched from here, so the URL is
// compared whenever something hints at a change: popstate, the Navigation API
// where there is one, a change of <title>, and a slow timer as a safety net.
// The Navigation API tells of every same-document URL change (pushState too),
// synchronously and in every world: where it exists, the per-mutation hint the
// caller sends is not needed (reading location.href in this world is not free,
// and the hint comes with every batch of new tweets).
import { guard } from './guard';
import { every, observe } from './observe';

/** Returns the check to run on other hints (DOM mutations): a no-op where the Navigation API reports every change. */
export function watchUrl(onChange: (href: string) => void, signal: AbortSignal, doc: Document = document): () => void {
  let last = location.href;
  const check = guard(() => {
    if (signal.aborted || location.href === last) return;
    last = location.href;
    onChange(last);
  });
  addEventListener('popstate', check, { signal });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('navigatesuccess', check, { signal });
  const entryEvents = typeof nav === 'object' && nav !== null && 'oncurrententrychange' in nav && typeof nav.addEventListener === 'function';
  if (entryEvents) nav.addEventListener('currententrychange', check, { signal });
  if (doc.head) observe(doc.head, { childList: true, subtree: true, characterData: true }, check, signal);
  every(1000, check, signal);
  return entryEvents ? () => undefined : check;
}

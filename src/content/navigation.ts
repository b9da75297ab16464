// Follows x.com's single-page navigation. The page's own history.pushState runs
// in another JavaScript world and cannot be patched from here, so the URL is
// compared whenever something hints at a change: popstate, the Navigation API
// where there is one, a change of <title>, and a slow timer as a safety net.
import { guard } from './guard';
import { every, observe } from './observe';

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
  if (doc.head) observe(doc.head, { childList: true, subtree: true, characterData: true }, check, signal);
  every(1000, check, signal);
  return check;
}

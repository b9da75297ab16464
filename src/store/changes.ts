// Changes to stored offers that the store's version (offersVersion) cannot see: a mark set or taken
// off, an offer closed while another opens again. The page or background that made one says so to the
// extension's other pages (a second board, the host page), which then read the store again.

const CHANNEL = 'hashtag-triage-offers';

/** Tells the extension's other pages that stored offers changed. Never throws. */
export function announceOffersChanged(): void {
  try {
    if (typeof BroadcastChannel !== 'function') return;
    const ch = new BroadcastChannel(CHANNEL);
    ch.postMessage('changed');
    ch.close();
  } catch {
    // no channel here: the other pages follow at the next version change
  }
}

/** Calls `cb` when another page or the background announced a change; returns the unsubscribe. */
export function onOffersAnnounced(cb: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = () => cb();
  return () => ch.close();
}

// Changes to stored offers that the store's version (offersVersion) cannot see: a mark set or taken
// off, an offer closed while another opens again, a restore. The page or background that made one says
// so to the extension's other pages (a second board, the host page), which then read the store again.
// One channel object per page both sends and listens: a channel never hears its own messages, so a
// page does not reload for a change it made itself.

const CHANNEL = 'hashtag-triage-offers';
let channel: BroadcastChannel | null = null;

function shared(): BroadcastChannel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
}

/** Tells the extension's other pages that stored offers changed. Never throws. */
export function announceOffersChanged(): void {
  try {
    shared()?.postMessage('changed');
  } catch {
    // no channel here: the other pages follow at the next version change
  }
}

/** Calls `cb` when another page or the background announced a change; returns the unsubscribe. */
export function onOffersAnnounced(cb: () => void): () => void {
  const ch = shared();
  if (!ch) return () => undefined;
  const listener = () => cb();
  ch.addEventListener('message', listener);
  return () => ch.removeEventListener('message', listener);
}

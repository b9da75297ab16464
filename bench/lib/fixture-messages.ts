// The page benchmark's fixture timeline as the core sees it: each distinct
// tweet once (the content script judges a tweet once; reposts hit its verdict cache).
import { generateTimeline } from '../../e2e/fixtures/tweets';
import type { Message } from '../../src/core/types';

export function distinctFixtureMessages(n = 1000): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const [i, t] of generateTimeline(n).entries()) {
    const id = t.status_id ?? `x${i}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, text: t.text, lang: t.lang ?? null, author: t.author, retweetedBy: t.retweeted_by ?? null, createdAt: t.created_at ?? null, quotedText: typeof t.quote === 'object' && t.quote !== null ? t.quote.text : null });
  }
  return out;
}

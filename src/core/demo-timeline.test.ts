// Validates demo/timeline.jsonl: the replayed #hasselthelpt night that `npm start` shows and
// that doubles as a multilingual test set. Checks the format (every field, every type), the
// internal consistency of reposts, copies and closing messages, and that the file still covers
// the cases the extension has to handle. Format and conventions: demo/README.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LABELS, type Label } from './types';

interface DemoCounts {
  replies: number;
  reposts: number;
  likes: number;
  views: number;
}

interface DemoItem {
  id: string;
  status_id: string;
  author: string;
  author_name: string;
  retweeted_by: string | null;
  text: string;
  lang: string;
  created_at: string;
  shown_at: string;
  hashtags: string[];
  quote: { author: string; text: string } | null;
  reply_to: string | null;
  promoted: boolean;
  counts: DemoCounts;
  expect: { label: Label; sympathy_only: boolean; same_as: string | null; closes: string | null };
}

const FILE = fileURLToPath(new URL('../../demo/timeline.jsonl', import.meta.url));
const LANGS = ['nl', 'fr', 'en', 'de'] as const;
/** Share of each language over all lines, as the brief asks (roughly). */
const TARGET_SHARE: Record<(typeof LANGS)[number], number> = { nl: 0.35, fr: 0.2, en: 0.25, de: 0.2 };
const FIELDS = [
  'id', 'status_id', 'author', 'author_name', 'retweeted_by', 'text', 'lang', 'created_at', 'shown_at',
  'hashtags', 'quote', 'reply_to', 'promoted', 'counts', 'expect',
];
const EXPECT_FIELDS = ['label', 'sympathy_only', 'same_as', 'closes'];
const COUNT_FIELDS = ['replies', 'reposts', 'likes', 'views'];
// Same handle shape the content script accepts in profile links.
const HANDLE = /^[A-Za-z0-9_]{1,30}$/;
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const HOUR = 3_600_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameKeys = (o: Obj, keys: string[]) => Object.keys(o).sort().join() === [...keys].sort().join();
const strOrNull = (v: unknown) => v === null || typeof v === 'string';

/** Every problem with one parsed line, as readable messages naming the line. */
function problems(v: unknown, line: number): string[] {
  const out: string[] = [];
  const bad = (what: string) => out.push(`line ${line}: ${what}`);
  if (!isObj(v)) return [`line ${line}: not a JSON object`];
  if (!sameKeys(v, FIELDS)) bad(`fields are ${Object.keys(v).join(',')}`);
  if (typeof v.id !== 'string' || !/^\d+$/.test(v.id)) bad('id must be a string of digits');
  if (typeof v.status_id !== 'string' || !/^\d+$/.test(v.status_id)) bad('status_id must be a string of digits');
  if (typeof v.author !== 'string' || !HANDLE.test(v.author)) bad('author must be a handle without "@"');
  if (typeof v.author_name !== 'string' || v.author_name.trim() === '') bad('author_name must be a non-empty string');
  if (v.retweeted_by !== null && (typeof v.retweeted_by !== 'string' || !HANDLE.test(v.retweeted_by))) bad('retweeted_by must be null or a handle');
  if (typeof v.text !== 'string' || v.text.trim() === '') bad('text must be a non-empty string');
  if (typeof v.lang !== 'string' || !/^[a-z]{2,3}$/.test(v.lang)) bad('lang must be a language code');
  for (const k of ['created_at', 'shown_at'] as const) {
    const t = v[k];
    if (typeof t !== 'string' || !ISO_Z.test(t) || Number.isNaN(Date.parse(t))) bad(`${k} must be ISO 8601 in UTC ("Z")`);
  }
  if (!Array.isArray(v.hashtags) || !v.hashtags.every((h) => typeof h === 'string' && h !== '' && !h.startsWith('#'))) bad('hashtags must be strings without "#"');
  if (v.quote !== null && !(isObj(v.quote) && sameKeys(v.quote, ['author', 'text']) && typeof v.quote.author === 'string' && HANDLE.test(v.quote.author) && typeof v.quote.text === 'string')) bad('quote must be null or {author, text}');
  if (v.reply_to !== null && (typeof v.reply_to !== 'string' || !HANDLE.test(v.reply_to))) bad('reply_to must be null or a handle');
  if (typeof v.promoted !== 'boolean') bad('promoted must be a boolean');
  if (!isObj(v.counts) || !sameKeys(v.counts, COUNT_FIELDS) || !COUNT_FIELDS.every((k) => Number.isInteger((v.counts as Obj)[k]) && ((v.counts as Obj)[k] as number) >= 0)) bad('counts must hold replies, reposts, likes, views as integers >= 0');
  const e = v.expect;
  if (!isObj(e) || !sameKeys(e, EXPECT_FIELDS)) bad('expect must hold label, sympathy_only, same_as, closes');
  else {
    if (!(LABELS as readonly unknown[]).includes(e.label)) bad(`expect.label "${String(e.label)}" is not one of ${LABELS.join(', ')}`);
    if (typeof e.sympathy_only !== 'boolean') bad('expect.sympathy_only must be a boolean');
    if (!strOrNull(e.same_as)) bad('expect.same_as must be null or an id');
    if (!strOrNull(e.closes)) bad('expect.closes must be null or an id');
  }
  return out;
}

function load(): { items: DemoItem[]; errors: string[] } {
  const raw = readFileSync(FILE, 'utf8');
  const errors: string[] = [];
  if (!raw.endsWith('\n')) errors.push('file must end with a newline');
  const items: DemoItem[] = [];
  raw.replace(/\n$/, '').split('\n').forEach((text, i) => {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      errors.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const p = problems(v, i + 1);
    errors.push(...p);
    if (p.length === 0) items.push(v as DemoItem);
  });
  return { items, errors };
}

const { items, errors } = load();
const byId = new Map(items.map((it) => [it.id, it]));
const ms = (iso: string) => Date.parse(iso);
const isRepost = (it: DemoItem) => it.retweeted_by !== null;
const originals = items.filter((it) => !isRepost(it));
const hashtagsIn = (text: string) => [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]);
/** Length as X counts it: most emoji and symbols weigh 2, joiners and variation selectors nothing. */
function tweetLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0xfe0f || cp === 0x200d) continue;
    n += cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247) ? 1 : 2;
  }
  return n;
}
const words = (text: string) => new Set(text.toLowerCase().replace(/\d/g, '#').match(/[\p{L}\p{N}#]+/gu) ?? []);
function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both += 1;
  return both / (a.size + b.size - both);
}

describe('demo/timeline.jsonl format', () => {
  it('parses line by line with every documented field typed', () => {
    expect(errors).toEqual([]);
    expect(items.length).toBeGreaterThanOrEqual(220);
  });

  it('has unique ids', () => {
    expect(new Set(items.map((it) => it.id)).size).toBe(items.length);
  });

  it('is newest first and spans one night of about ten hours', () => {
    for (let i = 1; i < items.length; i++) {
      expect(ms(items[i - 1]!.shown_at), `line ${i + 1}`).toBeGreaterThan(ms(items[i]!.shown_at));
    }
    const span = ms(items[0]!.shown_at) - ms(items.at(-1)!.shown_at);
    expect(span).toBeGreaterThan(8 * HOUR);
    expect(span).toBeLessThan(11 * HOUR);
  });

  it('gives an original tweet its own id as status id, shown when it was posted', () => {
    for (const it of originals) {
      expect(it.status_id, it.id).toBe(it.id);
      if (it.promoted) expect(ms(it.created_at), it.id).toBeLessThan(ms(it.shown_at));
      else expect(it.created_at, it.id).toBe(it.shown_at);
    }
  });

  it('gives a native repost the original status id, author, text and time, shown later', () => {
    for (const rp of items.filter(isRepost)) {
      const o = byId.get(rp.status_id);
      expect(o, `repost ${rp.id} points at a missing status`).toBeDefined();
      if (!o) continue;
      expect(isRepost(o), rp.id).toBe(false);
      expect([rp.author, rp.author_name, rp.text, rp.lang, rp.created_at], rp.id).toEqual([o.author, o.author_name, o.text, o.lang, o.created_at]);
      expect(rp.hashtags, rp.id).toEqual(o.hashtags);
      expect(rp.quote, rp.id).toEqual(o.quote);
      expect(rp.expect.label, rp.id).toBe(o.expect.label);
      expect(rp.expect.sympathy_only, rp.id).toBe(o.expect.sympathy_only);
      expect(rp.retweeted_by, rp.id).not.toBe(rp.author);
      expect(ms(rp.shown_at), rp.id).toBeGreaterThan(ms(rp.created_at));
    }
  });

  it('lists exactly the hashtags written in the text, and every organic tweet carries #hasselthelpt', () => {
    for (const it of items) {
      expect(it.hashtags, it.id).toEqual(hashtagsIn(it.text));
      if (!it.promoted) expect(it.hashtags.map((h) => h.toLowerCase()), it.id).toContain('hasselthelpt');
    }
  });

  it('keeps every text within 280 and ranges from one word to nearly the limit', () => {
    const lengths = originals.map((it) => tweetLength(it.text));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(280);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(250);
    expect(originals.some((it) => it.text.trim().split(/\s+/).length === 1)).toBe(true);
  });

  it('uses only fictional phone numbers and reserved example domains', () => {
    for (const it of originals) {
      for (const m of it.text.matchAll(/\+?\d[\d ./-]{6,}\d/g)) {
        const digits = m[0].replace(/\D/g, '');
        if (digits.length >= 8) expect(digits, `${it.id}: ${m[0]}`).toContain('0000');
      }
      for (const m of it.text.matchAll(/\b(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:\/\S*)?/gi)) {
        expect(m[1]!.toLowerCase(), `${it.id}: ${m[0]}`).toMatch(/\.example$/);
      }
    }
  });
});

describe('demo/timeline.jsonl expectations', () => {
  it('marks sympathy_only only on sympathy', () => {
    for (const it of items) if (it.expect.sympathy_only) expect(it.expect.label, it.id).toBe('sympathy');
  });

  it('points same_as at the first, earlier item carrying the message', () => {
    for (const it of items.filter((x) => x.expect.same_as !== null)) {
      const first = byId.get(it.expect.same_as ?? '');
      expect(first, `${it.id} same_as a missing id`).toBeDefined();
      if (!first) continue;
      expect(first.expect.same_as, `${it.id}: same_as must name the first item`).toBeNull();
      expect(ms(first.shown_at), it.id).toBeLessThan(ms(it.shown_at));
      if (isRepost(it)) expect(it.expect.same_as, it.id).toBe(it.status_id);
      else {
        // A manual copy names the original author; a rewording comes from that author.
        const namesAuthor = it.text.toLowerCase().includes(`@${first.author.toLowerCase()}`);
        expect(namesAuthor || it.author === first.author, `${it.id} copies ${first.id} without naming @${first.author}`).toBe(true);
        expect(it.expect.label, it.id).toBe(first.expect.label);
      }
    }
    // Every native repost whose original is in the file is marked as the same message.
    for (const rp of items.filter(isRepost)) expect(rp.expect.same_as, rp.id).not.toBeNull();
  });

  it('closes only an earlier offer or request of the same author, never as sympathy', () => {
    const closers = items.filter((it) => it.expect.closes !== null);
    expect(closers.length).toBeGreaterThanOrEqual(8);
    for (const c of closers) {
      const closed = byId.get(c.expect.closes ?? '');
      expect(closed, `${c.id} closes a missing id`).toBeDefined();
      if (!closed) continue;
      expect(closed.author, c.id).toBe(c.author);
      expect(['offer', 'request'], c.id).toContain(closed.expect.label);
      expect(ms(closed.shown_at), c.id).toBeLessThan(ms(c.shown_at));
      expect(c.expect.sympathy_only, c.id).toBe(false);
    }
    const closesAnOffer = closers.filter((c) => byId.get(c.expect.closes ?? '')?.expect.label === 'offer');
    expect(closesAnOffer.length).toBeGreaterThanOrEqual(6);
  });
});

describe('demo/timeline.jsonl coverage', () => {
  it('speaks Dutch, French, English and German in roughly the intended shares', () => {
    for (const lang of LANGS) {
      const share = items.filter((it) => it.lang === lang).length / items.length;
      expect(Math.abs(share - TARGET_SHARE[lang]), `${lang} share ${share.toFixed(2)}`).toBeLessThan(0.06);
    }
  });

  it('has every label, with many offers and requests, in every language', () => {
    for (const label of LABELS) expect(originals.filter((it) => it.expect.label === label).length, label).toBeGreaterThanOrEqual(20);
    for (const lang of LANGS) {
      for (const label of ['offer', 'request', 'info', 'sympathy', 'other'] as const) {
        expect(originals.some((it) => it.lang === lang && it.expect.label === label), `${lang} ${label}`).toBe(true);
      }
    }
  });

  it('has pure sympathy in all four languages and sympathy hashtags on actionable tweets', () => {
    for (const lang of LANGS) {
      expect(originals.filter((it) => it.lang === lang && it.expect.sympathy_only).length, lang).toBeGreaterThanOrEqual(6);
    }
    const prayOnActionable = originals.filter((it) => it.hashtags.some((h) => /^prayfor/i.test(h)) && ['offer', 'request', 'info'].includes(it.expect.label));
    expect(prayOnActionable.length).toBeGreaterThanOrEqual(3);
    expect(prayOnActionable.every((it) => !it.expect.sympathy_only)).toBe(true);
    // Sympathy words wrapped around an offer, or a kind quote of one: not hideable.
    expect(originals.some((it) => it.expect.label === 'sympathy' && !it.expect.sympathy_only && it.quote)).toBe(true);
  });

  it('replays one offer natively many times, by different accounts, long after its host closed it', () => {
    const reposts = items.filter(isRepost);
    expect(reposts.length).toBeGreaterThanOrEqual(40);
    const byStatus = new Map<string, DemoItem[]>();
    for (const rp of reposts) byStatus.set(rp.status_id, [...(byStatus.get(rp.status_id) ?? []), rp]);
    const [status, most] = [...byStatus.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(most.length).toBeGreaterThanOrEqual(15);
    expect(new Set(most.map((rp) => rp.retweeted_by)).size).toBe(most.length);
    const closer = items.find((it) => it.expect.closes === status && !isRepost(it));
    expect(closer, 'the most reposted offer is closed by its host').toBeDefined();
    expect(most.filter((rp) => ms(rp.shown_at) > ms(closer!.shown_at)).length).toBeGreaterThanOrEqual(5);
    expect(most.some((rp) => ms(rp.shown_at) - ms(rp.created_at) > 8 * HOUR)).toBe(true);
    expect(byStatus.size).toBeGreaterThanOrEqual(10);
  });

  it('has manual copies of every kind: "RT @", "via @", truncated, other case and hashtags', () => {
    const copies = originals.filter((it) => it.expect.same_as !== null);
    expect(copies.length).toBeGreaterThanOrEqual(10);
    expect(copies.filter((c) => /\bRT @\w+:/.test(c.text)).length).toBeGreaterThanOrEqual(4);
    expect(copies.filter((c) => /\bvia @\w+/i.test(c.text)).length).toBeGreaterThanOrEqual(3);
    expect(copies.some((c) => /(\.\.\.|…)$/.test(c.text.trim()))).toBe(true);
    expect(copies.some((c) => c.text !== c.text.toLowerCase() && /[A-Z]{5,} [A-Z]{4,}/.test(c.text))).toBe(true);
    expect(copies.some((c) => c.hashtags.join() !== byId.get(c.expect.same_as ?? '')?.hashtags.join())).toBe(true);
    expect(copies.some((c) => c.author === byId.get(c.expect.same_as ?? '')?.author), 'a rewording by the same host').toBe(true);
  });

  it('has quote tweets that add a comment, and they are never marked as copies', () => {
    const quotes = items.filter((it) => it.quote !== null && !isRepost(it));
    expect(quotes.length).toBeGreaterThanOrEqual(10);
    for (const q of quotes) expect(q.expect.same_as, q.id).toBeNull();
    expect(quotes.filter((q) => originals.some((o) => o.author === q.quote?.author && o.text === q.quote.text)).length).toBeGreaterThanOrEqual(8);
  });

  it('keeps template offers distinct: same template, other town, capacity, phone, time or author', () => {
    const offers = originals.filter((it) => it.expect.label === 'offer' && it.expect.same_as === null && !it.quote);
    const pairs: [DemoItem, DemoItem][] = [];
    for (let i = 0; i < offers.length; i++) {
      for (let j = i + 1; j < offers.length; j++) {
        if (jaccard(words(offers[i]!.text), words(offers[j]!.text)) >= 0.75) pairs.push([offers[i]!, offers[j]!]);
      }
    }
    expect(pairs.length).toBeGreaterThanOrEqual(15);
    // Same author, same template, other town or capacity (a coordinator's list).
    expect(pairs.some(([a, b]) => a.author === b.author && a.text !== b.text)).toBe(true);
    // Same text word for word, two different people offering their own beds.
    expect(pairs.some(([a, b]) => a.author !== b.author && a.text === b.text)).toBe(true);
    // Same text except the phone number.
    const digitless = (s: string) => s.replace(/[\d ]+/g, ' ');
    expect(pairs.some(([a, b]) => a.text !== b.text && digitless(a.text) === digitless(b.text))).toBe(true);
  });

  it('has official accounts, irony, spam and 2-3 ads', () => {
    const officials = new Set(originals.filter((it) => it.author.endsWith('_demo') && it.expect.label === 'info').map((it) => it.author));
    expect(officials.size).toBeGreaterThanOrEqual(10);
    const ads = items.filter((it) => it.promoted);
    expect(ads.length).toBeGreaterThanOrEqual(2);
    expect(ads.length).toBeLessThanOrEqual(3);
    for (const ad of ads) expect(ad.expect.label, ad.id).toBe('other');
    // Irony that borrows sympathy words is still not sympathy.
    expect(originals.some((it) => it.expect.label === 'other' && /thoughts and prayers/i.test(it.text))).toBe(true);
  });

  it('has replies, including a host answering a request', () => {
    const replies = originals.filter((it) => it.reply_to !== null);
    expect(replies.length).toBeGreaterThanOrEqual(5);
    expect(replies.some((r) => r.reply_to !== r.author && r.expect.label === 'offer')).toBe(true);
  });
});

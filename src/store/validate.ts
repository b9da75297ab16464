// Full validation of an import before anything is written: each problem is
// named by its place in the file ("offers[3].firstSeenAt: ...").

import { OFFER_KINDS } from '../core/types';
import type { StoredOffer, StoredSighting, StoredSnapshot } from './records';

export const EXPORT_FORMAT = 'hashtag-triage-offers';
export const EXPORT_VERSION = 1;
/** More than any real store holds (50,000 offers by default): refuses absurd files early. */
export const MAX_IMPORT_RECORDS = 2_000_000;

export interface ExportEnvelope {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  offers: StoredOffer[];
  sightings: Omit<StoredSighting, 'id'>[];
  snapshots: Omit<StoredSnapshot, 'id'>[];
}

type Problems = string[];
const MAX_PROBLEMS = 20;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => isNum(v) && v >= 0 && Number.isInteger(v);

function str(p: Problems, path: string, v: unknown, max: number, nullable: boolean) {
  if (nullable && v === null) return;
  if (typeof v !== 'string') p.push(`${path} should be ${nullable ? 'text or null' : 'text'}`);
  else if (v.length > max) p.push(`${path} is longer than ${max} characters`);
}

function strList(p: Problems, path: string, v: unknown, max: number) {
  if (!Array.isArray(v)) return p.push(`${path} should be a list of texts`);
  if (v.length > 100) p.push(`${path} holds more than 100 entries`);
  v.forEach((x, i) => str(p, `${path}[${i}]`, x, max, false));
}

const COUNT_KEYS = new Set(['replies', 'reposts', 'likes', 'bookmarks', 'views']);

function counts(p: Problems, path: string, v: unknown) {
  if (!isObj(v)) return p.push(`${path} should be an object of counts`);
  for (const [k, n] of Object.entries(v)) {
    if (!COUNT_KEYS.has(k)) p.push(`${path}.${k} is not a known count`);
    else if (!isCount(n)) p.push(`${path}.${k} should be a whole number, 0 or more`);
  }
}

export function checkOffer(p: Problems, path: string, o: unknown): void {
  if (!isObj(o)) {
    p.push(`${path} should be an object`);
    return;
  }
  str(p, `${path}.key`, o.key, 200, false);
  if (typeof o.key === 'string' && o.key.length === 0) p.push(`${path}.key is empty`);
  str(p, `${path}.statusId`, o.statusId, 40, true);
  str(p, `${path}.author`, o.author, 60, true);
  str(p, `${path}.text`, o.text, 20_000, false);
  str(p, `${path}.lang`, o.lang, 20, true);
  if (!['open', 'closed', 'stale'].includes(o.status as string)) p.push(`${path}.status should be open, closed or stale`);
  if (o.firstPostedAt !== null && !isNum(o.firstPostedAt)) p.push(`${path}.firstPostedAt should be a time in ms or null`);
  if (!isNum(o.firstSeenAt)) p.push(`${path}.firstSeenAt should be a time in ms`);
  if (!isNum(o.lastSeenAt)) p.push(`${path}.lastSeenAt should be a time in ms`);
  if (isNum(o.firstSeenAt) && isNum(o.lastSeenAt) && o.firstSeenAt > o.lastSeenAt) p.push(`${path}.firstSeenAt is after lastSeenAt`);
  if (!isCount(o.repostsSeen)) p.push(`${path}.repostsSeen should be a whole number, 0 or more`);
  if (!isCount(o.sightings)) p.push(`${path}.sightings should be a whole number, 0 or more`);
  if (typeof o.contacted !== 'boolean') p.push(`${path}.contacted should be true or false`);
  if (typeof o.taken !== 'boolean') p.push(`${path}.taken should be true or false`);
  const d = o.details;
  if (!isObj(d)) {
    p.push(`${path}.details should be an object`);
    return;
  }
  if (!(OFFER_KINDS as readonly unknown[]).includes(d.kind)) p.push(`${path}.details.kind should be one of ${OFFER_KINDS.join(', ')}`);
  if (d.capacity !== null && !isCount(d.capacity)) p.push(`${path}.details.capacity should be a whole number or null`);
  strList(p, `${path}.details.places`, d.places, 200);
  if (!['open', 'closed', 'stale'].includes(d.status as string)) p.push(`${path}.details.status should be open, closed or stale`);
  str(p, `${path}.details.postedAt`, d.postedAt, 60, true);
  const c = d.contact;
  if (!isObj(c)) {
    p.push(`${path}.details.contact should be an object`);
    return;
  }
  if (typeof c.dm !== 'boolean') p.push(`${path}.details.contact.dm should be true or false`);
  strList(p, `${path}.details.contact.phones`, c.phones, 60);
  str(p, `${path}.details.contact.address`, c.address, 300, true);
  strList(p, `${path}.details.contact.handles`, c.handles, 60);
}

export function checkSighting(p: Problems, path: string, s: unknown): void {
  if (!isObj(s)) {
    p.push(`${path} should be an object`);
    return;
  }
  str(p, `${path}.key`, s.key, 200, false);
  str(p, `${path}.statusId`, s.statusId, 40, true);
  if (!isNum(s.seenAt)) p.push(`${path}.seenAt should be a time in ms`);
  str(p, `${path}.via`, s.via, 60, true);
}

export function checkSnapshot(p: Problems, path: string, s: unknown): void {
  if (!isObj(s)) {
    p.push(`${path} should be an object`);
    return;
  }
  str(p, `${path}.statusId`, s.statusId, 40, false);
  if (!isNum(s.at)) p.push(`${path}.at should be a time in ms`);
  counts(p, `${path}.counts`, s.counts);
}

/** The envelope when the whole file is valid, else every problem found (up to 20). */
export function validateExport(data: unknown): { ok: true; value: ExportEnvelope } | { ok: false; problems: string[] } {
  const p: Problems = [];
  if (!isObj(data)) return { ok: false, problems: ['the file should hold one JSON object (an export of this extension)'] };
  if (data.format !== EXPORT_FORMAT) return { ok: false, problems: [`"format" should be "${EXPORT_FORMAT}": this is not an export of this extension`] };
  if (!Number.isInteger(data.version) || (data.version as number) < 1 || (data.version as number) > EXPORT_VERSION) {
    return { ok: false, problems: [`"version" ${JSON.stringify(data.version)} is not one this version reads (1 to ${EXPORT_VERSION})`] };
  }
  const lists = { offers: data.offers, sightings: data.sightings ?? [], snapshots: data.snapshots ?? [] };
  for (const [name, v] of Object.entries(lists)) if (!Array.isArray(v)) p.push(`"${name}" should be a list`);
  if (p.length) return { ok: false, problems: p };
  const offers = lists.offers as unknown[];
  const sightings = lists.sightings as unknown[];
  const snapshots = lists.snapshots as unknown[];
  if (offers.length + sightings.length + snapshots.length > MAX_IMPORT_RECORDS) return { ok: false, problems: [`more than ${MAX_IMPORT_RECORDS} records`] };
  const keys = new Set<string>();
  for (let i = 0; i < offers.length && p.length < MAX_PROBLEMS; i++) {
    checkOffer(p, `offers[${i}]`, offers[i]);
    const k = (offers[i] as { key?: unknown } | null)?.key;
    if (typeof k === 'string') {
      if (keys.has(k)) p.push(`offers[${i}].key "${k.slice(0, 40)}" appears twice`);
      keys.add(k);
    }
  }
  for (let i = 0; i < sightings.length && p.length < MAX_PROBLEMS; i++) checkSighting(p, `sightings[${i}]`, sightings[i]);
  for (let i = 0; i < snapshots.length && p.length < MAX_PROBLEMS; i++) checkSnapshot(p, `snapshots[${i}]`, snapshots[i]);
  if (p.length) return { ok: false, problems: p.slice(0, MAX_PROBLEMS) };
  return { ok: true, value: { ...(data as unknown as ExportEnvelope), sightings: sightings as ExportEnvelope['sightings'], snapshots: snapshots as ExportEnvelope['snapshots'] } };
}

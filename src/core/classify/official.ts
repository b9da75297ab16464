// Recognises handles of official and emergency accounts (data/lexicons/official.json).
import officialData from '../../../data/lexicons/official.json';

interface OfficialFile {
  contains: string[];
  exact: string[];
}

const data = officialData as OfficialFile;
const contains = data.contains.map((s) => s.toLowerCase()).filter((s) => s.length >= 3);
const exact = new Set(data.exact.map((s) => s.toLowerCase()));
// Every part as a literal in one pattern: one native scan of a handle instead of one includes() per part.
const containsAny = contains.length ? new RegExp(contains.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : null;

const seen = new Map<string, boolean>();

/** True when a handle (with or without "@") belongs to an official or emergency account. */
export function isOfficialHandle(handle: string | null | undefined): boolean {
  if (typeof handle !== 'string' || handle === '') return false;
  const known = seen.get(handle);
  if (known !== undefined) return known;
  const h = (handle.charCodeAt(0) === 0x40 ? handle.slice(1) : handle).toLowerCase().slice(0, 64);
  const official = exact.has(h) || (containsAny !== null && containsAny.test(h));
  if (seen.size >= 5000) seen.clear();
  seen.set(handle, official);
  return official;
}

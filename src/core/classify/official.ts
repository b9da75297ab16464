// Recognises handles of official and emergency accounts (data/lexicons/official.json).
import officialData from '../../../data/lexicons/official.json';

interface OfficialFile {
  contains: string[];
  exact: string[];
}

const data = officialData as OfficialFile;
const contains = data.contains.map((s) => s.toLowerCase()).filter((s) => s.length >= 3);
const exact = new Set(data.exact.map((s) => s.toLowerCase()));

/** True when a handle (with or without "@") belongs to an official or emergency account. */
export function isOfficialHandle(handle: string | null | undefined): boolean {
  if (typeof handle !== 'string' || handle === '') return false;
  const h = (handle.charCodeAt(0) === 0x40 ? handle.slice(1) : handle).toLowerCase().slice(0, 64);
  if (exact.has(h)) return true;
  for (const c of contains) if (h.includes(c)) return true;
  return false;
}

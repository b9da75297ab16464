// The core's data (model, lexicons, places) for the content script. It is not
// part of content.js, which every x.com page loads and compiles: the build
// ships it as core-data.json, the background reads that file when a page in
// scope first needs the core, and the content script hands it in here before
// the core's modules start. Each data module then reads its own file (see the
// build's core-data plugin in vite.config.ts).

/** Data file path (as "data/lexicons/en.json") -> its JSON text. */
export type CoreFiles = Readonly<Record<string, string>>;

let files: CoreFiles | null = null;

export function provideCoreData(f: CoreFiles): void {
  files = f;
}

/** The parsed content of one data file; throws, with its name, when the file was not handed in. */
export function coreData(id: string): unknown {
  const text = files?.[id];
  if (typeof text !== 'string') throw new Error(`core data file missing: ${id}`);
  return JSON.parse(text);
}

/** Most data files and characters a reply may carry (the shipped data is about half a megabyte in 15 files). */
const MAX_FILES = 100;
const MAX_CHARS = 8_000_000;

/** What the background's reply must be: file names to JSON texts, within bounds. */
export function isCoreFiles(v: unknown): v is CoreFiles {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  if (entries.length === 0 || entries.length > MAX_FILES) return false;
  let chars = 0;
  for (const [k, text] of entries) {
    if (!/^data\/[\w./-]+\.json$/.test(k) || typeof text !== 'string') return false;
    chars += text.length;
  }
  return chars <= MAX_CHARS;
}

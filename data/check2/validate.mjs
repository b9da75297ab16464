// `node data/check2/validate.mjs`: format check of the second check set. Every
// line must be a JSON object with an id `check2-<lang>-NNN` unique across the
// files, the file's lang, a known label, and sympathy_only true only on
// sympathy rows; no text may appear twice. Prints label counts per file and
// exits 1 if anything is wrong.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LANGS = ['nl', 'fr', 'de', 'en'];
const LABELS = new Set(['offer', 'request', 'info', 'sympathy', 'other']);
const here = dirname(fileURLToPath(import.meta.url));
const ids = new Set();
const texts = new Set();
let problems = 0;

for (const lang of LANGS) {
  const file = `${lang}.jsonl`;
  const counts = {};
  const lines = readFileSync(join(here, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const fail = (msg) => { problems++; console.error(`${file}:${i + 1}: ${msg}`); };
    let o;
    try { o = JSON.parse(line); } catch (e) { fail(`not JSON (${e.message})`); return; }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) { fail('not a JSON object'); return; }
    for (const k of ['id', 'lang', 'crisis', 'text', 'label']) {
      if (typeof o[k] !== 'string' || o[k].trim() === '') fail(`"${k}" must be a non-empty string`);
    }
    if (typeof o.sympathy_only !== 'boolean') fail('"sympathy_only" must be true or false');
    if (!new RegExp(`^check2-${lang}-\\d{3}$`).test(o.id)) fail(`id "${o.id}" is not check2-${lang}-NNN`);
    if (ids.has(o.id)) fail(`duplicate id ${o.id}`);
    ids.add(o.id);
    if (o.lang !== lang) fail(`lang "${o.lang}" in ${file}`);
    if (!LABELS.has(o.label)) fail(`unknown label "${o.label}"`);
    if (o.sympathy_only === true && o.label !== 'sympathy') fail(`sympathy_only true on a ${o.label} row`);
    if (texts.has(o.text)) fail('text already used');
    texts.add(o.text);
    const key = o.sympathy_only ? 'sympathy_only' : o.label;
    counts[key] = (counts[key] ?? 0) + 1;
  });
  console.log(`${file}:`, counts);
}
if (problems > 0) {
  console.error(`${problems} problem(s)`);
  process.exit(1);
}
console.log(`ok: ${ids.size} rows`);

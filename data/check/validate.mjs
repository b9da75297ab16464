// `node data/check/validate.mjs`: checks every check-set file line by line
// (JSON object, unique id, lang matches the file, label in the set,
// sympathy_only true only for sympathy rows, no duplicate text) and prints
// per-file label counts. Exits 1 on the first file with a problem.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LABELS = new Set(['offer', 'request', 'info', 'sympathy', 'other']);
const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.jsonl')).sort();
const ids = new Set();
let problems = 0;

for (const file of files) {
  const lang = file.replace(/\.jsonl$/, '');
  const counts = {};
  const texts = new Set();
  const lines = readFileSync(join(here, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    const fail = (msg) => { problems++; console.error(`${where}: ${msg}`); };
    let o;
    try { o = JSON.parse(line); } catch (e) { fail(`not JSON (${e.message})`); return; }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) { fail('not an object'); return; }
    for (const k of ['id', 'lang', 'crisis', 'text', 'label']) if (typeof o[k] !== 'string' || o[k] === '') fail(`missing "${k}"`);
    if (typeof o.sympathy_only !== 'boolean') fail('"sympathy_only" must be a boolean');
    if (ids.has(o.id)) fail(`duplicate id ${o.id}`);
    ids.add(o.id);
    if (o.lang !== lang) fail(`lang "${o.lang}" in ${file}`);
    if (!LABELS.has(o.label)) fail(`unknown label "${o.label}"`);
    if (o.sympathy_only === true && o.label !== 'sympathy') fail('sympathy_only true on a non-sympathy row');
    if (texts.has(o.text)) fail('duplicate text');
    texts.add(o.text);
    const key = o.label === 'sympathy' && !o.sympathy_only ? 'sympathy(actionable)' : o.label;
    counts[key] = (counts[key] ?? 0) + 1;
  });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${file}: ${total} rows`, counts);
}
if (problems > 0) { console.error(`${problems} problem(s)`); process.exit(1); }
console.log(`ok: ${ids.size} rows in ${files.length} files`);

// `npm run eval:repeats`: measures the repeat index on the CrisisLexT26
// streams (shared data, read at run time, never copied into the project) and
// on the project's own hard cases.
//
// Target: every row whose text, once the "RT @user:" prefix, links and
// mentions are removed (spaces collapsed, case ignored), equals an earlier row
// of the same event must get a duplicate_of. Hard cases: no false merge.
//
// Options: --data <file.jsonl.gz>  --show <n> (print n merges beyond the target
// for reading)  --json (machine-readable figures).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HARD_CASES } from '../core/repeat/hard-cases';
import { createRepeatIndex, type MatchKind } from '../core/repeat/index';

interface Row {
  id: string;
  text: string;
  event: string;
  lang?: string | null;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The reference normalisation of the target: RT prefix, links and mentions removed. */
export function referenceText(text: string): string {
  return text
    .replace(/^(?:RT\s+@\w+:?\s*)+/, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/@\w+/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

function readRows(file: string): Row[] {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    throw new Error(`cannot read ${file}: the shared data is expected at ../shared/data/ next to the repository`);
  }
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Partial<Row>;
    if (typeof o.id === 'string' && typeof o.text === 'string' && typeof o.event === 'string') rows.push(o as Row);
  }
  return rows;
}

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(2)}%` : 'n/a';
}

function main() {
  const top = resolve(import.meta.dirname, '../..');
  const file = arg('--data') ?? resolve(top, '../shared/data/crisislex-t26.jsonl.gz');
  const show = Number(arg('--show') ?? 0);
  const rows = readRows(file);

  const byEvent = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byEvent.get(r.event) ?? [];
    list.push(r);
    byEvent.set(r.event, list);
  }

  let targets = 0;
  let found = 0;
  let pointsToSame = 0;
  let extra = 0;
  const routes: Record<MatchKind, number> = { status: 0, exact: 0, prefix: 0, near: 0, quote: 0 };
  const missed: string[] = [];
  const extras: string[] = [];
  const t0 = performance.now();
  for (const [, list] of byEvent) {
    const index = createRepeatIndex();
    const seenRef = new Set<string>();
    const refById = new Map<string, string>();
    const textById = new Map<string, string>();
    for (const r of list) {
      const ref = referenceText(r.text);
      const isTarget = ref !== '' && seenRef.has(ref);
      seenRef.add(ref);
      refById.set(r.id, ref);
      textById.set(r.id, r.text);
      const res = index.see({ id: r.id, text: r.text, lang: r.lang ?? null });
      if (res.match) routes[res.match] += 1;
      if (isTarget) {
        targets += 1;
        if (res.duplicateOf !== null) {
          found += 1;
          if (refById.get(res.duplicateOf) === ref) pointsToSame += 1;
        } else if (missed.length < show) missed.push(r.text);
      } else if (res.duplicateOf !== null) {
        extra += 1;
        if (extras.length < show) extras.push(`${textById.get(res.duplicateOf)}\n    => ${r.text}  [${res.match} ${res.similarity.toFixed(2)}]`);
      }
    }
  }
  const ms = performance.now() - t0;

  let falseMerges = 0;
  let missedMerges = 0;
  const hardFailures: string[] = [];
  for (const c of HARD_CASES) {
    const index = createRepeatIndex();
    const a = index.see(c.a);
    const b = index.see(c.b);
    const merged = a.key === b.key;
    if (merged && !c.same) {
      falseMerges += 1;
      hardFailures.push(`false merge: ${c.lang} ${c.name}`);
    }
    if (!merged && c.same) {
      missedMerges += 1;
      hardFailures.push(`missed: ${c.lang} ${c.name}`);
    }
  }
  const negatives = HARD_CASES.filter((c) => !c.same).length;
  const positives = HARD_CASES.length - negatives;

  const figures = {
    rows: rows.length,
    events: byEvent.size,
    targets,
    found,
    recall: targets ? found / targets : 0,
    pointsToSameText: pointsToSame,
    mergedBeyondTarget: extra,
    routes,
    msPerMessage: ms / rows.length,
    hardCases: { negatives, falseMerges, positives, missedMerges },
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures, null, 2));
  } else {
    console.log(`CrisisLexT26: ${rows.length} rows, ${byEvent.size} events`);
    console.log(`exact and RT copies (target): ${targets}`);
    console.log(`  given a duplicate_of:       ${found} (${pct(found, targets)})`);
    console.log(`  pointing to the same text:  ${pointsToSame} (${pct(pointsToSame, found)})`);
    console.log(`other rows given a duplicate_of (near copies, truncations): ${extra} (${pct(extra, rows.length)} of rows)`);
    console.log(`matches by route: ${Object.entries(routes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`time: ${(ms / rows.length).toFixed(3)} ms a message`);
    console.log(`hard cases: ${negatives} must stay apart -> ${falseMerges} false merges; ${positives} must merge -> ${positives - missedMerges} merged`);
    for (const f of hardFailures) console.log(`  ${f}`);
    if (missed.length) console.log(`\nmissed targets:\n${missed.map((t) => `  ${t}`).join('\n')}`);
    if (extras.length) console.log(`\nmerges beyond the target:\n${extras.map((t) => `  ${t}`).join('\n')}`);
  }
  if (falseMerges > 0 || (targets && found / targets < 0.95)) process.exitCode = 1;
}

main();

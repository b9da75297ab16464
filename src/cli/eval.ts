// `npm run eval -- FILE...`: classify labelled JSONL files ({id, text, lang?,
// label, sympathy_only?, author?}) and print per-class precision/recall/F1, the
// sympathy filter's precision/recall/F1 and "actionable hidden", overall and
// per language.
// `npm run eval -- --loco`: leave-one-crisis-out over ../shared/data instead
// (retrains once per CrisisLexT26 event, about a minute).
// `--baseline` adds a keyword mute list for reference; `--errors` lists the misses.
import { classify } from '../core/classify/classify';
import { analyse } from '../core/classify/features';
import { loadModel, type ModelFile } from '../core/classify/model';
import { LABELS, type Label } from '../core/types';
import { forEachJsonLine, stderrReporter } from './jsonl';
import { formatReport, report, type Scored } from './metrics';
import { loadCrisisLexT26, loadDisasterResponse, loadExamples } from './shared-data';
import { DEFAULT_HYPER, dedupe, featurise, leaveOneCrisisOut } from './train-lib';
import { scoreAt } from './train';
import modelData from '../../data/model/triage-model.json';

interface Row extends Scored {
  lang: string;
}

function parseLabelled(value: unknown): { text: string; lang: string | null; label: Label; sympathyOnly: boolean; author: string | null; id: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new Error('missing "text"');
  if (typeof o.label !== 'string' || !(LABELS as readonly string[]).includes(o.label)) throw new Error(`"label" must be one of ${LABELS.join(', ')}`);
  const label = o.label as Label;
  const sympathyOnly = typeof o.sympathy_only === 'boolean' ? o.sympathy_only : label === 'sympathy';
  return {
    id: String(o.id ?? ''),
    text: o.text,
    lang: typeof o.lang === 'string' ? o.lang : null,
    label,
    sympathyOnly,
    author: typeof o.author === 'string' ? o.author : null,
  };
}

/**
 * The reference a mute list gives: hide every message with a sympathy word or
 * hashtag from the lexicons, with no veto and no model.
 */
function muteList(text: string, lang: string | null): boolean {
  return analyse({ id: '', text, lang }).hits.some((h) => h.kind.startsWith('sympathy-'));
}

async function evalFiles(files: string[], showErrors: boolean, baseline: boolean): Promise<number> {
  const rows: Row[] = [];
  const muted: Row[] = [];
  let bad = 0;
  for (const file of files) {
    const s = await forEachJsonLine(
      file,
      (value) => {
        const r = parseLabelled(value);
        const c = classify({ id: r.id, text: r.text, lang: r.lang, author: r.author });
        rows.push({ truth: r.label, truthSympathyOnly: r.sympathyOnly, label: c.label, sympathyOnly: c.sympathyOnly, lang: r.lang ?? '?' });
        if (baseline) muted.push({ truth: r.label, truthSympathyOnly: r.sympathyOnly, label: c.label, sympathyOnly: muteList(r.text, r.lang), lang: r.lang ?? '?' });
        if (showErrors && (c.sympathyOnly !== r.sympathyOnly || c.label !== r.label)) {
          const mark = c.sympathyOnly !== r.sympathyOnly ? (c.sympathyOnly ? 'HIDDEN' : 'SHOWN ') : '      ';
          process.stdout.write(`${mark} ${r.id} truth=${r.label} got=${c.label} ${c.confidence} | ${r.text.slice(0, 90)} | ${c.cues.map((q) => q.kind).join(',')}\n`);
        }
      },
      stderrReporter(file),
    );
    bad += s.errors;
  }
  console.log(formatReport(`all files`, report(rows)));
  const langs = [...new Set(rows.map((r) => r.lang))].sort();
  if (langs.length > 1) for (const l of langs) console.log(formatReport(`lang ${l}`, report(rows.filter((r) => r.lang === l))));
  if (baseline) {
    const b = report(muted);
    console.log(`baseline mute list (any sympathy word or hashtag hides): sympathy_only precision ${b.sympathyOnly.precision.toFixed(3)} recall ${b.sympathyOnly.recall.toFixed(3)} F1 ${b.sympathyOnly.f1.toFixed(3)}, actionable hidden ${(100 * b.actionableHiddenRate).toFixed(1)}%`);
  }
  return bad;
}

function evalLoco(): void {
  const t26 = loadCrisisLexT26();
  const items = featurise([...dedupe([...t26, ...loadDisasterResponse()]), ...loadExamples('dev')]);
  // Trained on de-duplicated rows; each held-out event is scored on all its rows, retweets included.
  const preds = leaveOneCrisisOut(items, DEFAULT_HYPER, undefined, featurise(t26));
  const shipped = loadModel(modelData as unknown as ModelFile);
  const thresholds = { words: shipped.sympathyThreshold, other: shipped.sympathyThresholdOther, unsupported: shipped.sympathyThresholdUnsupported };
  const scored = scoreAt(preds, shipped, thresholds);
  console.log(formatReport(`leave-one-crisis-out over the CrisisLexT26 events (thresholds ${thresholds.words} / ${thresholds.other} / ${thresholds.unsupported})`, report(scored)));
  const langOf = (i: number): string => {
    const l = (preds[i]?.item.row.lang ?? '').slice(0, 2);
    return ['en', 'es', 'it'].includes(l) ? l : 'other languages';
  };
  console.log('  per language: sympathy_only precision / recall / F1, actionable hidden');
  for (const l of ['en', 'es', 'it', 'other languages']) {
    const r = report(scored.filter((_, i) => langOf(i) === l));
    const s = r.sympathyOnly;
    console.log(`    ${l.padEnd(16)} ${String(r.rows).padStart(6)} rows  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  hidden ${(100 * r.actionableHiddenRate).toFixed(1)}%`);
  }
  const muted = report(preds.map((p) => ({ truth: p.item.row.label, truthSympathyOnly: p.item.row.sympathyOnly, label: p.item.row.label, sympathyOnly: p.item.analysis.hits.some((h) => h.kind.startsWith('sympathy-')) })));
  console.log(`  baseline mute list (any sympathy word or hashtag hides): F1 ${muted.sympathyOnly.f1.toFixed(3)}, actionable hidden ${(100 * muted.actionableHiddenRate).toFixed(1)}%`);
  const events = [...new Set(preds.map((p) => p.item.row.event))].sort();
  console.log('  per event: sympathy_only F1, actionable hidden');
  for (const ev of events) {
    const r = report(scored.filter((_, i) => preds[i]?.item.row.event === ev));
    console.log(`    ${ev.padEnd(32)} F1 ${r.sympathyOnly.f1.toFixed(3)}  hidden ${(100 * r.actionableHiddenRate).toFixed(1)}%`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  if (args.includes('--loco') || files.length === 0) evalLoco();
  if (files.length > 0) {
    const bad = await evalFiles(files, args.includes('--errors'), args.includes('--baseline'));
    if (bad > 0) process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});

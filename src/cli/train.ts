// `npm run train`: fits the triage model on ../shared/data, picks the sympathy
// threshold by leave-one-crisis-out, and writes data/model/triage-model.json.
// Reproducible: same data, lexicons and options give the same file.
//   npm run train                 train, tune, write the model
//   npm run train -- --dry        everything but writing
//   npm run train -- --target 0.008   the highest share of actionable rows the
//                                     threshold may hide in leave-one-crisis-out
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide } from '../core/classify/classify';
import { loadModel, type RuntimeModel } from '../core/classify/model';
import { formatReport, report, type Scored } from './metrics';
import { loadCrisisLexT26, loadDisasterResponse, REPO_ROOT } from './shared-data';
import { DEFAULT_HYPER, dedupe, featurise, fit, leaveOneCrisisOut, toModelFile, type Hyper, type Predicted } from './train-lib';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export function scoreAt(preds: Predicted[], m: RuntimeModel, threshold: number): Scored[] {
  return preds.map(({ item, probs }) => {
    const d = decide(item.analysis, probs, m, threshold);
    return { truth: item.row.label, truthSympathyOnly: item.row.sympathyOnly, label: d.label, sympathyOnly: d.sympathyOnly };
  });
}

/** The threshold with the best sympathy F1 among those hiding at most `target` of actionable rows. */
export function pickThreshold(preds: Predicted[], m: RuntimeModel, target: number): { threshold: number; f1: number; hidden: number } {
  let best = { threshold: 0.99, f1: -1, hidden: 1 };
  for (let t = 0.3; t <= 0.99 + 1e-9; t += 0.01) {
    const r = report(scoreAt(preds, m, t));
    if (r.actionableHiddenRate <= target && r.sympathyOnly.f1 > best.f1) {
      best = { threshold: Math.round(t * 100) / 100, f1: r.sympathyOnly.f1, hidden: r.actionableHiddenRate };
    }
  }
  return best;
}

function main(): void {
  const dry = process.argv.includes('--dry');
  const target = Number(option('--target') ?? 0.008);
  const hyper: Hyper = {
    ...DEFAULT_HYPER,
    ...(option('--epochs') ? { epochs: Number(option('--epochs')) } : {}),
    ...(option('--l2') ? { l2: Number(option('--l2')) } : {}),
    ...(option('--lr') ? { learningRate: Number(option('--lr')) } : {}),
    ...(option('--min-count') ? { minCount: Number(option('--min-count')) } : {}),
    ...(process.argv.includes('--no-words') ? { words: false } : {}),
    ...(process.argv.includes('--no-dropout') ? { wordDropout: false } : {}),
  };
  const t0 = Date.now();
  const t26 = loadCrisisLexT26();
  const drm = loadDisasterResponse();
  const rows = dedupe([...t26, ...drm]);
  console.log(`rows: ${t26.length} CrisisLexT26 + ${drm.length} Disaster Response = ${t26.length + drm.length}; ${rows.length} after removing repeats`);
  const items = featurise(rows);

  console.log('leave-one-crisis-out over the CrisisLexT26 events...');
  const loco = leaveOneCrisisOut(items, hyper, process.argv.includes('--verbose') ? console.log : undefined);
  const full = fit(items, hyper);
  const provisional = loadModel(toModelFile(full.linear, full.vocabulary, 0.5));
  const pick = pickThreshold(loco, provisional, target);
  const locoReport = report(scoreAt(loco, provisional, pick.threshold));
  console.log(formatReport(`leave-one-crisis-out, threshold ${pick.threshold}`, locoReport));

  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  const training = {
    sources: ['CrisisLexT26 (MIT, Olteanu et al. 2015)', 'Disaster Response Messages (CC BY 4.0, Robert Munro / Figure Eight)'],
    rows: rows.length,
    hyper,
    thresholdTarget: target,
    leaveOneCrisisOut: {
      sympathyOnlyPrecision: r3(locoReport.sympathyOnly.precision),
      sympathyOnlyRecall: r3(locoReport.sympathyOnly.recall),
      sympathyOnlyF1: r3(locoReport.sympathyOnly.f1),
      actionableHidden: r3(locoReport.actionableHiddenRate),
      macroF1: r3(locoReport.macroF1),
    },
  };
  const file = toModelFile(full.linear, full.vocabulary, pick.threshold, training);
  const out = join(REPO_ROOT, 'data/model/triage-model.json');
  const json = JSON.stringify(file, null, 0).replace(/\],"/g, '],\n"');
  if (!dry) writeFileSync(out, `${json}\n`);
  console.log(`${Object.keys(file.weights).length} features; ${dry ? 'not written (--dry)' : `written to ${out}`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

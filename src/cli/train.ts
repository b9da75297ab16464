// `npm run train`: fits the triage model on ../shared/data, picks the sympathy
// threshold by leave-one-crisis-out, and writes data/model/triage-model.json.
// Reproducible: same data, lexicons and options give the same file.
//   npm run train                 train, tune, write the model
//   npm run train -- --dry        everything but writing
//   npm run train -- --target 0.008   the highest share of actionable rows the
//                                     threshold may hide in leave-one-crisis-out
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide, type Thresholds } from '../core/classify/classify';
import { LEXICON_LANGS } from '../core/classify/lexicon';
import { loadModel, type RuntimeModel } from '../core/classify/model';
import { formatReport, report, type Scored } from './metrics';
import { loadCrisisLexT26, loadDisasterResponse, loadExamples, REPO_ROOT } from './shared-data';
import { DEFAULT_HYPER, crossValidateExamples, dedupe, featurise, fit, leaveOneCrisisOut, toModelFile, type Hyper, type Predicted } from './train-lib';
import { LABELS } from '../core/types';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** "2,3,1,1,1": the loss weight of offer, request, info, sympathy and other. */
function classWeights(arg: string): number[] {
  const w = arg.split(',').map(Number);
  if (w.length !== LABELS.length || w.some((x) => !(x > 0))) throw new Error(`--class-weights wants ${LABELS.length} positive numbers (${LABELS.join(', ')}), got "${arg}"`);
  return w;
}

export function scoreAt(preds: Predicted[], m: RuntimeModel, thresholds: Thresholds): Scored[] {
  return preds.map(({ item, probs }) => {
    const d = decide(item.analysis, probs, m, thresholds);
    return { truth: item.row.label, truthSympathyOnly: item.row.sympathyOnly, label: d.label, sympathyOnly: d.sympathyOnly };
  });
}

export interface ThresholdPick {
  threshold: number;
  /** Mean sympathy_only F1 over the two sets at that threshold. */
  f1: number;
  locoHidden: number;
  examplesHidden: number;
}

/**
 * One threshold for one group of messages (word model or not): the best mean
 * sympathy F1 over the leave-one-crisis-out predictions and the cross-validated
 * examples, among thresholds that hide at most `target` of the actionable rows
 * in each of the two sets.
 */
export function pickThreshold(loco: Predicted[], examples: Predicted[], m: RuntimeModel, target: number): ThresholdPick {
  let best: ThresholdPick = { threshold: 0.99, f1: -1, locoHidden: 1, examplesHidden: 1 };
  for (let i = 30; i <= 99; i++) {
    const t = i / 100;
    const both = { words: t, other: t, unsupported: t };
    const a = report(scoreAt(loco, m, both));
    const b = report(scoreAt(examples, m, both));
    const sets = [a, b].filter((r) => r.rows > 0);
    if (sets.some((r) => r.actionableHiddenRate > target)) continue;
    const f1 = sets.reduce((x, r) => x + r.sympathyOnly.f1, 0) / Math.max(1, sets.length);
    if (f1 > best.f1 + 1e-9) best = { threshold: t, f1, locoHidden: a.actionableHiddenRate, examplesHidden: b.actionableHiddenRate };
  }
  return best;
}

function main(): void {
  const dry = process.argv.includes('--dry');
  const target = Number(option('--target') ?? 0.01);
  const hyper: Hyper = {
    ...DEFAULT_HYPER,
    ...(option('--epochs') ? { epochs: Number(option('--epochs')) } : {}),
    ...(option('--l2') ? { l2: Number(option('--l2')) } : {}),
    ...(option('--lr') ? { learningRate: Number(option('--lr')) } : {}),
    ...(option('--min-count') ? { minCount: Number(option('--min-count')) } : {}),
    ...(process.argv.includes('--no-words') ? { words: false } : {}),
    ...(process.argv.includes('--no-dropout') ? { wordDropout: false } : {}),
    ...(option('--class-weights') ? { classWeights: classWeights(option('--class-weights') as string) } : {}),
  };
  const t0 = Date.now();
  const t26 = loadCrisisLexT26();
  const drm = loadDisasterResponse();
  const examples = loadExamples('dev');
  const shared = dedupe([...t26, ...drm]);
  console.log(`rows: ${t26.length} CrisisLexT26 + ${drm.length} Disaster Response (${shared.length} after removing repeats) + ${examples.length} own examples`);
  const items = featurise([...shared, ...examples]);
  // Held-out events are scored on all their rows, retweets and repeats included, as they occurred.
  const allT26 = featurise(t26);

  console.log('leave-one-crisis-out over the CrisisLexT26 events, then 5-fold cross-validation over the examples...');
  const loco = leaveOneCrisisOut(items, hyper, process.argv.includes('--verbose') ? console.log : undefined, allT26);
  const cv = crossValidateExamples(items, hyper);
  const full = fit(items, hyper);
  const provisional = loadModel(toModelFile(full.linear, full.vocabulary, 0.5));
  const isWords = (p: Predicted): boolean => p.item.analysis.wordModel && !p.item.analysis.unsupported;
  const pickWords = pickThreshold(loco.filter(isWords), cv.filter(isWords), provisional, target);
  // Languages without a lexicon (Tagalog, Portuguese... in CrisisLexT26): only hashtags and emoji to go on.
  const pickUnsupported = pickThreshold(loco.filter((p) => p.item.analysis.unsupported), [], provisional, target);
  // Other languages: tuned on the CrisisLexT26 rows in a language the lexicons cover (Spanish, Italian) and
  // on the Dutch, French and German examples; rows in languages without a lexicon say little about those.
  const covered = (p: Predicted): boolean => (LEXICON_LANGS as readonly string[]).includes((p.item.row.lang ?? '').slice(0, 2));
  const pickOther = pickThreshold(loco.filter((p) => !isWords(p) && covered(p)), cv.filter((p) => !isWords(p)), provisional, target);
  const thresholds: Thresholds = { words: pickWords.threshold, other: pickOther.threshold, unsupported: pickUnsupported.threshold };
  console.log(`thresholds: English (word weights) ${thresholds.words}, other languages ${thresholds.other}, languages without a lexicon ${thresholds.unsupported}`);
  const locoReport = report(scoreAt(loco, provisional, thresholds));
  const cvReport = report(scoreAt(cv, provisional, thresholds));
  console.log(formatReport('leave-one-crisis-out (CrisisLexT26)', locoReport));
  console.log(formatReport('cross-validated own examples (dev)', cvReport));

  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  const summary = (r: typeof locoReport): Record<string, number> => ({
    sympathyOnlyPrecision: r3(r.sympathyOnly.precision),
    sympathyOnlyRecall: r3(r.sympathyOnly.recall),
    sympathyOnlyF1: r3(r.sympathyOnly.f1),
    actionableHidden: r3(r.actionableHiddenRate),
    macroF1: r3(r.macroF1),
  });
  const training = {
    sources: [
      'CrisisLexT26 (MIT, Olteanu, Imran, Castillo, Varga 2015)',
      'Disaster Response Messages (CC BY 4.0, Robert Munro / Figure Eight)',
      'data/examples/dev-*.jsonl (this project)',
    ],
    rows: items.length,
    hyper,
    thresholdTarget: target,
    leaveOneCrisisOut: summary(locoReport),
    examplesCrossValidated: summary(cvReport),
  };
  const file = { ...toModelFile(full.linear, full.vocabulary, thresholds.words, training), sympathyThresholdOther: thresholds.other, sympathyThresholdUnsupported: thresholds.unsupported };
  const out = join(REPO_ROOT, 'data/model/triage-model.json');
  // One weight row per line keeps diffs of retrained models readable.
  const json = JSON.stringify(file).replace(/\],"/g, '],\n"');
  if (!dry) writeFileSync(out, `${json}\n`);
  const n = Object.keys(file.weights).length + Object.keys(file.words ?? {}).length;
  console.log(`${n} weight rows; ${dry ? 'not written (--dry)' : `written to ${out}`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

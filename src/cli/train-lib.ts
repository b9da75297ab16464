// Training pieces shared by `npm run train` and `npm run eval`: featurising
// labelled rows, fitting the linear model, turning it into the shipped model
// file, and leave-one-crisis-out predictions.
import { analyse, type Analysis } from '../core/classify/features';
import { train, type LinearModel } from '../core/classify/logreg';
import { loadModel, score, type ModelFile, type RuntimeModel } from '../core/classify/model';
import { LABELS, type Label } from '../core/types';
import type { LabelledRow } from './shared-data';

export interface FeaturedRow {
  row: LabelledRow;
  analysis: Analysis;
}

export interface Hyper {
  /** Use single-word weights besides the language-independent features. */
  words: boolean;
  /** Also train on a copy of each row without its words, so the features stand alone (other languages). */
  wordDropout: boolean;
  epochs: number;
  l2: number;
  learningRate: number;
  minCount: number;
  seed: number;
  /** How many times each of the project's own examples counts in training. */
  exampleWeight: number;
  /** Loss weight of each class, in LABELS order (offer, request, info, sympathy, other). */
  classWeights?: number[];
}

// Offers and requests weigh more: the shared data is mostly news (CrisisLexT26 has no request class at all), and a
// missed offer or request costs a person in need more than a news tweet tagged as one.
export const DEFAULT_HYPER: Hyper = { words: true, wordDropout: true, epochs: 12, l2: 1e-3, learningRate: 0.03, minCount: 5, seed: 7, exampleWeight: 10, classWeights: [1.5, 2, 1, 1, 1] };

/** Strip what makes copies look different (RT prefix, links, mentions, case) to find duplicates. */
export function dedupeKey(text: string): string {
  return text
    .replace(/^RT @\w+:?/i, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/@\w+/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** One row per distinct text within an event: retweet storms would otherwise dominate the loss. */
export function dedupe(rows: LabelledRow[]): LabelledRow[] {
  const seen = new Set<string>();
  const out: LabelledRow[] = [];
  for (const r of rows) {
    const key = `${r.event}\u0000${r.label}\u0000${dedupeKey(r.text)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

export function featurise(rows: LabelledRow[]): FeaturedRow[] {
  return rows.map((row) => ({ row, analysis: analyse({ id: row.id, text: row.text, lang: row.lang, author: row.author ?? null }) }));
}

const WORD = 'w:';

function namesOf(r: FeaturedRow, words: boolean): string[] {
  return words ? [...r.analysis.features, ...r.analysis.words.map((w) => WORD + w)] : r.analysis.features;
}

export function buildVocabulary(rows: FeaturedRow[], minCount: number, words: boolean): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const f of namesOf(r, words)) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .map(([f]) => f)
    .sort();
}

export function fit(rows: FeaturedRow[], hyper: Hyper): { linear: LinearModel; vocabulary: string[] } {
  const vocabulary = buildVocabulary(rows, hyper.minCount, hyper.words);
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const xs: Int32Array[] = [];
  const ys: number[] = [];
  const add = (names: string[], label: number): void => {
    const idx: number[] = [];
    for (const f of names) {
      const i = index.get(f);
      if (i !== undefined) idx.push(i);
    }
    xs.push(Int32Array.from(idx));
    ys.push(label);
  };
  for (const r of rows) {
    const y = LABELS.indexOf(r.row.label);
    const times = r.row.source === 'examples' ? hyper.exampleWeight : 1;
    for (let t = 0; t < times; t++) {
      add(namesOf(r, hyper.words), y);
      if (hyper.words && hyper.wordDropout && r.analysis.words.length > 0) add(r.analysis.features, y);
    }
  }
  const linear = train(xs, ys, {
    classes: LABELS.length,
    features: vocabulary.length,
    epochs: hyper.epochs,
    l2: hyper.l2,
    learningRate: hyper.learningRate,
    seed: hyper.seed,
    ...(hyper.classWeights ? { classWeights: hyper.classWeights } : {}),
  });
  return { linear, vocabulary };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function toModelFile(linear: LinearModel, vocabulary: string[], sympathyThreshold: number, training?: unknown): ModelFile {
  const K = linear.classes;
  const weights: Record<string, number[]> = {};
  const words: Record<string, number[]> = {};
  vocabulary.forEach((f, i) => {
    const row = Array.from(linear.weights.subarray(i * K, i * K + K), round);
    if (!row.some((w) => Math.abs(w) >= 0.01)) return;
    if (f.startsWith(WORD)) words[f.slice(WORD.length)] = row;
    else weights[f] = row;
  });
  return {
    version: 1,
    labels: [...LABELS] as Label[],
    bias: Array.from(linear.bias, round),
    weights,
    words,
    sympathyThreshold,
    ...(training === undefined ? {} : { training }),
  };
}

export interface Predicted {
  item: FeaturedRow;
  probs: Float64Array;
}

export function predictAll(items: FeaturedRow[], m: RuntimeModel): Predicted[] {
  return items.map((item) => ({ item, probs: Float64Array.from(score(m, item.analysis.features, item.analysis.words)) }));
}

/**
 * Leave-one-crisis-out: for each CrisisLexT26 event, train on every other row
 * (including the other sources) and predict the held-out event. Training uses
 * the de-duplicated rows; `evaluate` (default: the same rows) lists what is
 * predicted, e.g. every row of the event as it occurred, retweets included.
 */
export function leaveOneCrisisOut(items: FeaturedRow[], hyper: Hyper, log?: (s: string) => void, evaluate: FeaturedRow[] = items): Predicted[] {
  const events = [...new Set(evaluate.filter((r) => r.row.source === 't26').map((r) => r.row.event))].sort();
  const out: Predicted[] = [];
  for (const ev of events) {
    const trainSet = items.filter((r) => r.row.event !== ev);
    const test = evaluate.filter((r) => r.row.event === ev);
    const { linear, vocabulary } = fit(trainSet, hyper);
    const m = loadModel(toModelFile(linear, vocabulary, 0.5));
    out.push(...predictAll(test, m));
    log?.(`  held out ${ev} (${test.length} rows)`);
  }
  return out;
}

/**
 * K-fold cross-validation over the project's examples: each fold is predicted
 * by a model trained on everything else (the shared data and the other folds).
 */
export function crossValidateExamples(items: FeaturedRow[], hyper: Hyper, folds = 5): Predicted[] {
  const examples = items.filter((r) => r.row.source === 'examples');
  const others = items.filter((r) => r.row.source !== 'examples');
  const out: Predicted[] = [];
  for (let f = 0; f < folds; f++) {
    const test = examples.filter((_, i) => i % folds === f);
    const trainSet = [...others, ...examples.filter((_, i) => i % folds !== f)];
    const { linear, vocabulary } = fit(trainSet, hyper);
    out.push(...predictAll(test, loadModel(toModelFile(linear, vocabulary, 0.5))));
  }
  return out;
}

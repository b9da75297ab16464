// The trained weights (data/model/triage-model.json, written by `npm run train`)
// and the scoring of a feature list: a sum of weight rows and a softmax.
import modelData from '../../../data/model/triage-model.json';
import { LABELS, type Label } from '../types';

export interface ModelFile {
  version: number;
  labels: Label[];
  bias: number[];
  weights: Record<string, number[]>;
  /** Weights of single words (mostly English, from the training data). */
  words?: Record<string, number[]>;
  /** P(sympathy) needed before a message may be hidden as sympathy (English: word weights apply). */
  sympathyThreshold: number;
  /** The same for other languages, scored on language-independent features only. */
  sympathyThresholdOther?: number;
  /** The same for messages in a language no lexicon covers. */
  sympathyThresholdUnsupported?: number;
  training?: unknown;
}

export interface RuntimeModel {
  labels: Label[];
  bias: Float64Array;
  rows: Map<string, Float64Array>;
  words: Map<string, Float64Array>;
  sympathyThreshold: number;
  sympathyThresholdOther: number;
  sympathyThresholdUnsupported: number;
  sympathyIndex: number;
}

export function loadModel(file: ModelFile): RuntimeModel {
  const labels = file.labels.filter((l): l is Label => (LABELS as readonly string[]).includes(l));
  if (labels.length !== file.labels.length || labels.length < 2) throw new Error('model: bad label list');
  const K = labels.length;
  const rows = new Map<string, Float64Array>();
  for (const [name, w] of Object.entries(file.weights)) {
    if (Array.isArray(w) && w.length === K) rows.set(name, Float64Array.from(w));
  }
  const words = new Map<string, Float64Array>();
  for (const [name, w] of Object.entries(file.words ?? {})) {
    if (Array.isArray(w) && w.length === K) words.set(name, Float64Array.from(w));
  }
  const sympathyIndex = labels.indexOf('sympathy');
  return {
    labels,
    words,
    bias: Float64Array.from(file.bias.length === K ? file.bias : new Array<number>(K).fill(0)),
    rows,
    sympathyThreshold: Number.isFinite(file.sympathyThreshold) ? file.sympathyThreshold : 0.9,
    sympathyThresholdOther: Number.isFinite(file.sympathyThresholdOther) ? (file.sympathyThresholdOther as number) : Number.isFinite(file.sympathyThreshold) ? file.sympathyThreshold : 0.9,
    sympathyThresholdUnsupported: Number.isFinite(file.sympathyThresholdUnsupported) ? (file.sympathyThresholdUnsupported as number) : 0.9,
    sympathyIndex,
  };
}

export const model: RuntimeModel = loadModel(modelData as unknown as ModelFile);

/** Class probabilities (in model.labels order) for features and words; out is reused. */
export function score(
  m: RuntimeModel,
  features: readonly string[],
  words: readonly string[] = [],
  out: Float64Array = new Float64Array(m.labels.length),
): Float64Array {
  const K = m.labels.length;
  for (let k = 0; k < K; k++) out[k] = m.bias[k] as number;
  // Indexed loops: for-of allocates an iterator and a result per step until the code is optimised.
  for (let i = 0; i < features.length; i++) {
    const row = m.rows.get(features[i] as string);
    if (!row) continue;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (row[k] as number);
  }
  for (let i = 0; i < words.length; i++) {
    const row = m.words.get(words[i] as string);
    if (!row) continue;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (row[k] as number);
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) if ((out[k] as number) > max) max = out[k] as number;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp((out[k] as number) - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < K; k++) out[k] = (out[k] as number) / sum;
  return out;
}

// Multinomial logistic regression over sparse binary features, trained with
// Adam on mini-batches and an L2 penalty. Small and dependency-free; used by
// `npm run train`. Deterministic: the same data and seed give the same weights.

import { seeded } from '../seeded';

export interface TrainOptions {
  classes: number;
  features: number;
  epochs?: number;
  batch?: number;
  learningRate?: number;
  /** L2 penalty per example (weights only, not biases). */
  l2?: number;
  /** Weight of each class in the loss (default 1 each). */
  classWeights?: number[];
  seed?: number;
}

export interface LinearModel {
  classes: number;
  features: number;
  /** features × classes, row-major. */
  weights: Float64Array;
  bias: Float64Array;
}


/** Class probabilities for one example given its active feature indices. */
export function predict(model: LinearModel, x: ArrayLike<number>, out: Float64Array = new Float64Array(model.classes)): Float64Array {
  const K = model.classes;
  for (let k = 0; k < K; k++) out[k] = model.bias[k] as number;
  for (let j = 0; j < x.length; j++) {
    const base = (x[j] as number) * K;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (model.weights[base + k] as number);
  }
  softmaxInPlace(out);
  return out;
}

export function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if ((z[k] as number) > max) max = z[k] as number;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp((z[k] as number) - max);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) / sum;
}

export function train(xs: Int32Array[], ys: ArrayLike<number>, opts: TrainOptions): LinearModel {
  const K = opts.classes;
  const F = opts.features;
  const epochs = opts.epochs ?? 30;
  const batch = opts.batch ?? 64;
  const lr = opts.learningRate ?? 0.05;
  const l2 = opts.l2 ?? 1e-4;
  const cw = opts.classWeights ?? new Array<number>(K).fill(1);
  const random = seeded(opts.seed ?? 1);
  const model: LinearModel = { classes: K, features: F, weights: new Float64Array(F * K), bias: new Float64Array(K) };
  const W = model.weights;
  const b = model.bias;
  // Adam moments.
  const mW = new Float64Array(F * K);
  const vW = new Float64Array(F * K);
  const mB = new Float64Array(K);
  const vB = new Float64Array(K);
  const gW = new Float64Array(F * K);
  const gB = new Float64Array(K);
  const touched = new Uint8Array(F);
  const touchedList: number[] = [];
  const p = new Float64Array(K);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  let step = 0;
  const order = Array.from({ length: xs.length }, (_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    // A gentle decay keeps the last epochs from bouncing around the optimum.
    const rate = lr / (1 + 0.2 * epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (let start = 0; start < order.length; start += batch) {
      const end = Math.min(order.length, start + batch);
      gB.fill(0);
      for (let n = start; n < end; n++) {
        const idx = order[n] as number;
        const x = xs[idx] as Int32Array;
        const y = ys[idx] as number;
        predict(model, x, p);
        const w = cw[y] ?? 1;
        for (let k = 0; k < K; k++) {
          const g = w * ((p[k] as number) - (k === y ? 1 : 0));
          gB[k] = (gB[k] as number) + g;
          for (let j = 0; j < x.length; j++) {
            const f = x[j] as number;
            if (!touched[f]) {
              touched[f] = 1;
              touchedList.push(f);
            }
            gW[f * K + k] = (gW[f * K + k] as number) + g;
          }
        }
      }
      step++;
      const scale = 1 / (end - start);
      const c1 = 1 - Math.pow(beta1, step);
      const c2 = 1 - Math.pow(beta2, step);
      // Lazy update: only features seen in this batch (L2 applied to them), which keeps an epoch fast.
      for (const f of touchedList) {
        for (let k = 0; k < K; k++) {
          const at = f * K + k;
          const g = (gW[at] as number) * scale + l2 * (W[at] as number);
          mW[at] = beta1 * (mW[at] as number) + (1 - beta1) * g;
          vW[at] = beta2 * (vW[at] as number) + (1 - beta2) * g * g;
          W[at] = (W[at] as number) - (rate * ((mW[at] as number) / c1)) / (Math.sqrt((vW[at] as number) / c2) + eps);
          gW[at] = 0;
        }
        touched[f] = 0;
      }
      touchedList.length = 0;
      for (let k = 0; k < K; k++) {
        const g = (gB[k] as number) * scale;
        mB[k] = beta1 * (mB[k] as number) + (1 - beta1) * g;
        vB[k] = beta2 * (vB[k] as number) + (1 - beta2) * g * g;
        b[k] = (b[k] as number) - (rate * ((mB[k] as number) / c1)) / (Math.sqrt((vB[k] as number) / c2) + eps);
      }
    }
  }
  return model;
}

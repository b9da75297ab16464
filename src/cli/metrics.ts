// Evaluation figures: per-class precision/recall/F1, the sympathy filter's
// precision/recall/F1, and "actionable hidden", the share of offer, request and
// info rows the filter would hide (the error that matters most).
import { LABELS, type Label } from '../core/types';

export interface Scored {
  truth: Label;
  truthSympathyOnly: boolean;
  label: Label;
  sympathyOnly: boolean;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  rows: number;
  accuracy: number;
  perClass: Record<Label, Prf>;
  /** takenFor[truth][label]: how many rows of class `truth` got `label` (the diagonal included). */
  takenFor: Record<Label, Record<Label, number>>;
  macroF1: number;
  sympathyOnly: Prf & { predicted: number };
  actionable: number;
  actionableHidden: number;
  /** actionableHidden / actionable */
  actionableHiddenRate: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

export function isActionableLabel(l: Label): boolean {
  return l === 'offer' || l === 'request' || l === 'info';
}

export function report(rows: Scored[]): Report {
  const perClass = {} as Record<Label, Prf>;
  const takenFor = Object.fromEntries(LABELS.map((t) => [t, Object.fromEntries(LABELS.map((l) => [l, 0]))])) as Record<Label, Record<Label, number>>;
  let correct = 0;
  for (const r of rows) {
    if (r.truth === r.label) correct++;
    takenFor[r.truth][r.label]++;
  }
  let present = 0;
  let macro = 0;
  for (const l of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      if (r.label === l && r.truth === l) tp++;
      else if (r.label === l) fp++;
      else if (r.truth === l) fn++;
    }
    perClass[l] = prf(tp, fp, fn);
    if (tp + fn > 0) {
      present++;
      macro += perClass[l].f1;
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let actionable = 0;
  let hidden = 0;
  for (const r of rows) {
    if (r.sympathyOnly && r.truthSympathyOnly) tp++;
    else if (r.sympathyOnly) fp++;
    else if (r.truthSympathyOnly) fn++;
    if (isActionableLabel(r.truth)) {
      actionable++;
      if (r.sympathyOnly) hidden++;
    }
  }
  return {
    rows: rows.length,
    accuracy: rows.length ? correct / rows.length : 0,
    perClass,
    takenFor,
    macroF1: present ? macro / present : 0,
    sympathyOnly: { ...prf(tp, fp, fn), predicted: tp + fp },
    actionable,
    actionableHidden: hidden,
    actionableHiddenRate: actionable ? hidden / actionable : 0,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number): string => x.toFixed(3);

/** A compact multi-line text rendering of a report. */
export function formatReport(title: string, r: Report): string {
  const lines = [`${title}  (${r.rows} rows, accuracy ${pct(r.accuracy)}, macro-F1 ${f3(r.macroF1)})`];
  lines.push('  class       precision  recall  F1     support  taken for');
  for (const l of LABELS) {
    const c = r.perClass[l];
    if (c.support === 0 && c.precision === 0) continue;
    const misses = LABELS.filter((o) => o !== l && r.takenFor[l][o] > 0).map((o) => `${o} ${r.takenFor[l][o]}`);
    lines.push(`  ${l.padEnd(10)}  ${f3(c.precision).padStart(9)}  ${f3(c.recall).padStart(6)}  ${f3(c.f1)}  ${String(c.support).padStart(7)}  ${misses.join(', ')}`.trimEnd());
  }
  const s = r.sympathyOnly;
  lines.push(`  sympathy_only: precision ${f3(s.precision)}  recall ${f3(s.recall)}  F1 ${f3(s.f1)}  (true ${s.support}, hidden ${s.predicted})`);
  lines.push(`  actionable hidden: ${r.actionableHidden}/${r.actionable} = ${pct(r.actionableHiddenRate)}`);
  return lines.join('\n');
}

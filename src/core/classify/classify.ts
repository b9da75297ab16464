// classify(): label, confidence, the cues behind it, and sympathyOnly. The model
// proposes; the veto disposes: any actionable cue (phone, offer, need,
// warning, address...) keeps a message visible whatever the model says,
// because hiding an offer or a request is the worst error this project can make.
import type { Classification, Cue, Label, Message } from '../types';
import { analyse, type Analysis, type Hit } from './features';
import { metaOf, nextStamp } from './kind-meta';
import { model as defaultModel, score, type RuntimeModel } from './model';

/** P(sympathy) needed to hide a message written or reposted by an official account. */
export const OFFICIAL_THRESHOLD = 0.9;

/** At most this many cues are reported. */
export const MAX_CUES = 6;
const MAX_EVIDENCE = 80;

const probs = new Float64Array(8);

export interface Decision {
  label: Label;
  confidence: number;
  sympathyOnly: boolean;
  /** Hits that stop the sympathy filter (actionable cues, irony). */
  vetoes: Hit[];
}

export interface Thresholds {
  /** For messages scored with word weights (English). */
  words: number;
  /** For messages scored on language-independent features only. */
  other: number;
  /** For messages in a language no lexicon covers. */
  unsupported?: number;
}

/** The decision rule, shared by classify() and the training/evaluation scripts. */
export function decide(a: Analysis, p: ArrayLike<number>, m: RuntimeModel, thresholds?: Thresholds): Decision {
  const base = a.wordModel ? (thresholds ? thresholds.words : m.sympathyThreshold) : thresholds ? thresholds.other : m.sympathyThresholdOther;
  const unsupportedThreshold = thresholds ? thresholds.unsupported : m.sympathyThresholdUnsupported;
  let threshold = a.unsupported ? Math.max(base, unsupportedThreshold ?? base) : base;
  let best = 0;
  for (let k = 1; k < m.labels.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
  const label = m.labels[best] as Label;
  const vetoes: Hit[] = [];
  const hits = a.hits;
  let official = false;
  let irony = false;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    const meta = metaOf(h.kind);
    if (h.inTag ? meta.blocksInTag : meta.blocks) vetoes.push(h);
    if (h.kind === 'official-account') official = true;
    else if (h.kind === 'irony' && !h.inTag) irony = true;
  }
  // Official accounts mostly inform: only a plain condolence of theirs may be hidden, never one that
  // also points to information, a place, a time or a number to call.
  if (official) {
    threshold = Math.max(threshold, OFFICIAL_THRESHOLD);
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i] as Hit;
      if (!h.inTag && metaOf(h.kind).officialInfo) vetoes.push(h);
    }
  }
  const pSym = m.sympathyIndex >= 0 ? (p[m.sympathyIndex] as number) : 0;
  // Sympathy hashtags and nothing else ("#JeSuisNice", "#PrayForManchester 💔") carry nothing to act on.
  if (a.sympathyTagsOnly && vetoes.length === 0 && m.sympathyIndex >= 0) {
    return { label: 'sympathy', confidence: Math.max(pSym, threshold), sympathyOnly: true, vetoes };
  }
  const sympathyOnly = label === 'sympathy' && pSym >= threshold && vetoes.length === 0 && !a.truncated;
  // Sympathy words said in irony ("thanks for nothing", "prayers won't fix this") are not sympathy.
  if (label === 'sympathy' && irony) {
    const other = m.labels.indexOf('other');
    return { label: 'other', confidence: pSym + (other >= 0 ? (p[other] as number) : 0), sympathyOnly: false, vetoes };
  }
  return { label, confidence: p[best] as number, sympathyOnly, vetoes };
}

/** Whitespace other than a single space: only then does the evidence need its runs of spaces collapsed. */
const SPACE_TO_FIX = /[^\S ]| {2}/;

function evidenceOf(a: Analysis, h: Hit): string {
  if (h.evidence !== undefined) return h.evidence;
  if (h.end <= h.start) return '';
  const raw = a.text.slice(h.start, Math.min(h.end, h.start + MAX_EVIDENCE));
  const ev = (SPACE_TO_FIX.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim();
  return h.end - h.start > MAX_EVIDENCE ? `${ev}…` : ev;
}

// Reused by pickCues: indexes in a.hits of the candidate cues and their ranks, best first.
const rankedAt: number[] = [];
const ranks: number[] = [];

/** Cues for the user: actionable ones first (why it stays), then those that support the label. */
function pickCues(a: Analysis, d: Decision, m: RuntimeModel): Cue[] {
  const k = m.labels.indexOf(d.label);
  const stamp = nextStamp();
  const hits = a.hits;
  let n = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    const meta = metaOf(h.kind);
    if (!meta.isCue || meta.cueStamp === stamp) continue;
    meta.cueStamp = stamp;
    const row = m.rows.get(h.inTag ? meta.tagFeature : meta.kind);
    const weight = row ? (row[k] as number) : 0;
    const actionable = !h.inTag && meta.blocks;
    // When a message stays visible, its actionable cues are the "why"; when it is hidden, the sympathy cues are.
    const rank = (!d.sympathyOnly && actionable ? 100 : 0) + weight - (h.inTag ? 0.5 : 0);
    // Stable insertion, best first (a handful of cues: cheaper than Array.prototype.sort).
    let at = n;
    while (at > 0 && (ranks[at - 1] as number) < rank) {
      rankedAt[at] = rankedAt[at - 1] as number;
      ranks[at] = ranks[at - 1] as number;
      at--;
    }
    rankedAt[at] = i;
    ranks[at] = rank;
    n++;
  }
  const out: Cue[] = [];
  for (let i = 0; i < n && i < MAX_CUES; i++) {
    const h = hits[rankedAt[i] as number] as Hit;
    out.push({ kind: h.kind, evidence: evidenceOf(a, h) });
  }
  return out;
}

// "info" is the one label no filter hides: a message that could not be read stays visible.
const FALLBACK: Classification = Object.freeze({ label: 'info', confidence: 0, cues: [], sympathyOnly: false }) as Classification;

/** Classify with a given model (tests and evaluation); classify() uses the shipped one. `cues` false: none are picked. */
export function classifyWith(msg: Message, m: RuntimeModel, thresholds?: Thresholds, cues = true): Classification {
  try {
    const a = analyse(msg);
    const p = score(m, a.features, a.words, probs);
    const d = decide(a, p, m, thresholds);
    return { label: d.label, confidence: Math.round(d.confidence * 1000) / 1000, cues: cues ? pickCues(a, d, m) : [], sympathyOnly: d.sympathyOnly };
  } catch {
    // Never throw into the page; an unreadable message is simply shown.
    return { ...FALLBACK, cues: [] };
  }
}

/** Classify one message into offer, request, info, sympathy or other. Never throws. */
export function classify(msg: Message): Classification {
  return classifyWith(msg, defaultModel);
}

/**
 * classify() without the cues (their evidence is cut from the text for each one): the same label,
 * confidence and sympathyOnly, for a caller that never shows why (the content script, once per tweet).
 */
export function classifyLabel(msg: Message): Classification {
  return classifyWith(msg, defaultModel, undefined, false);
}

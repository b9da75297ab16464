// Reads the labelled crisis sets from ../shared/data (next to the repository),
// the same place in CI. Their text never enters the repository: only the
// trained weights do.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LABELS, type Label } from '../core/types';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SHARED_DATA = process.env.TRIAGE_SHARED_DATA ?? resolve(REPO_ROOT, '../shared/data');

export interface LabelledRow {
  id: string;
  text: string;
  lang: string | null;
  event: string;
  label: Label;
  /** Ground truth for the sympathy filter: the row is sympathy and nothing else. */
  sympathyOnly: boolean;
  source: string;
  labelRaw: string;
  /** Author handle, when known (the examples name official accounts). */
  author?: string | null;
}

interface RawRow {
  id?: unknown;
  text?: unknown;
  text_en?: unknown;
  lang?: unknown;
  event?: unknown;
  label?: unknown;
  label_raw?: unknown;
}

function readGzJsonl(file: string): RawRow[] {
  const path = join(SHARED_DATA, file);
  if (!existsSync(path)) throw new Error(`missing ${path}: the shared data folder must sit next to the repository (or set TRIAGE_SHARED_DATA)`);
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const rows: RawRow[] = [];
  for (const line of text.split('\n')) if (line.trim() !== '') rows.push(JSON.parse(line) as RawRow);
  return rows;
}

function toLabel(v: unknown): Label | null {
  return typeof v === 'string' && (LABELS as readonly string[]).includes(v) ? (v as Label) : null;
}

/** CrisisLexT26: 23 crises, five coarse labels. */
export function loadCrisisLexT26(): LabelledRow[] {
  const out: LabelledRow[] = [];
  for (const r of readGzJsonl('crisislex-t26.jsonl.gz')) {
    const label = toLabel(r.label);
    if (!label || typeof r.text !== 'string') continue;
    const lang = typeof r.lang === 'string' ? r.lang.replace('?', '') : null;
    out.push({
      id: String(r.id),
      text: r.text,
      lang,
      event: String(r.event),
      label,
      sympathyOnly: label === 'sympathy',
      source: 't26',
      labelRaw: String(r.label_raw ?? ''),
    });
  }
  return out;
}

/** Disaster Response Messages: SMS and news with request/offer flags; English translation used for Kreyol. */
export function loadDisasterResponse(): LabelledRow[] {
  const out: LabelledRow[] = [];
  for (const r of readGzJsonl('disaster-response-messages.jsonl.gz')) {
    const label = toLabel(r.label);
    if (!label) continue;
    const lang = typeof r.lang === 'string' ? r.lang : null;
    const useEnglish = lang !== 'en' && lang !== 'fr' && typeof r.text_en === 'string';
    const text = useEnglish ? (r.text_en as string) : typeof r.text === 'string' ? r.text : '';
    if (text === '') continue;
    out.push({
      id: String(r.id),
      text,
      lang: useEnglish ? 'en' : lang,
      event: `drm-${String(r.event)}`,
      label,
      sympathyOnly: false,
      source: 'drm',
      labelRaw: String(r.label_raw ?? ''),
    });
  }
  return out;
}

/**
 * The project's own labelled examples (data/examples/<prefix>-<lang>.jsonl):
 * written for this project in nl, fr, de and en. Only the "dev" files are used
 * for training and tuning; the "test" files are for reporting.
 */
export function loadExamples(prefix: 'dev' | 'test'): LabelledRow[] {
  const dir = join(REPO_ROOT, 'data/examples');
  const out: LabelledRow[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.startsWith(`${prefix}-`) || !name.endsWith('.jsonl')) continue;
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const r = JSON.parse(line) as RawRow & { sympathy_only?: unknown; author?: unknown };
      const label = toLabel(r.label);
      if (!label || typeof r.text !== 'string') throw new Error(`${name}:${i + 1}: needs "text" and a valid "label"`);
      out.push({
        id: String(r.id),
        text: r.text,
        lang: typeof r.lang === 'string' ? r.lang : null,
        event: `examples-${name.replace(/\.jsonl$/, '')}`,
        label,
        sympathyOnly: typeof r.sympathy_only === 'boolean' ? r.sympathy_only : label === 'sympathy',
        source: 'examples',
        labelRaw: label,
        author: typeof r.author === 'string' ? r.author : null,
      });
    });
  }
  return out;
}

// `npm run -s triage -- --jsonl FILE` (FILE "-" = stdin): classify one JSON
// object per line ({id, text, lang?, created_at?, author?, retweeted_by?,
// quoted_text?}) and print one JSON result per good line, in input order. A bad
// line is reported on stderr as "FILE:LINE: reason"; the exit code is then 1.
import { classify } from '../core/classify/classify';
import { createRepeatTracker, repeatFields, type RepeatTracker } from '../core/repeat/stream';
import type { Cue, Label, Message, OfferDetails } from '../core/types';
import { forEachJsonLine, stderrReporter } from './jsonl';

export interface TriageInput {
  id: string;
  text: string;
  lang: string | null;
  createdAt: string | null;
  author: string | null;
  retweetedBy: string | null;
  quotedText: string | null;
}

export interface TriageOutput {
  id: string;
  label: Label;
  confidence: number;
  cues: Cue[];
  sympathy_only: boolean;
  /** Id of the earlier message this one repeats (filled by the redundancy work). */
  duplicate_of: string | null;
  /** Structured offer (filled by the offer work). */
  offer: OfferDetails | null;
}

function optionalString(o: Record<string, unknown>, key: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new Error(`"${key}" must be a string`);
  return v;
}

/** Validate one parsed line; throws an Error that says what is wrong. */
export function parseInput(value: unknown): TriageInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  const o = value as Record<string, unknown>;
  const id = o.id;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) throw new Error('missing "id" (string or number)');
  if (typeof o.text !== 'string') throw new Error('missing "text" (string)');
  const createdAt = optionalString(o, 'created_at');
  if (createdAt !== null && Number.isNaN(Date.parse(createdAt))) throw new Error('"created_at" is not an ISO 8601 date');
  return {
    id: String(id),
    text: o.text,
    lang: optionalString(o, 'lang'),
    createdAt,
    author: optionalString(o, 'author'),
    retweetedBy: optionalString(o, 'retweeted_by'),
    quotedText: optionalString(o, 'quoted_text'),
  };
}

export function toMessage(input: TriageInput): Message {
  return {
    id: input.id,
    text: input.text,
    lang: input.lang,
    author: input.author,
    retweetedBy: input.retweetedBy,
    createdAt: input.createdAt,
    quotedText: input.quotedText,
  };
}

/** Everything computed for one message: the single place to add more per-line work. */
export function triageOne(input: TriageInput, repeats?: RepeatTracker): TriageOutput {
  const msg = toMessage(input);
  const c = classify(msg);
  // Repeats need the lines before this one: the tracker carries them, in input order.
  const r = repeats ? repeatFields(repeats, msg, c.label) : { duplicate_of: null, offer: null };
  return {
    id: input.id,
    label: c.label,
    confidence: c.confidence,
    cues: c.cues,
    sympathy_only: c.sympathyOnly,
    duplicate_of: r.duplicate_of,
    offer: r.offer,
  };
}

function usage(): never {
  process.stderr.write('usage: npm run -s triage -- --jsonl FILE   (FILE "-" reads stdin)\n');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--jsonl');
  const source = at >= 0 ? args[at + 1] : undefined;
  if (source === undefined) usage();
  const repeats = createRepeatTracker();
  const out: string[] = [];
  const flush = (): void => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  const summary = await forEachJsonLine(
    source,
    (value) => {
      out.push(`${JSON.stringify(triageOne(parseInput(value), repeats))}\n`);
      if (out.length >= 256) flush();
    },
    (line, message) => {
      flush(); // keep stdout and stderr in input order when both go to a terminal
      stderrReporter(source === '-' ? 'stdin' : source)(line, message);
    },
  );
  flush();
  if (summary.errors > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`triage: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
}

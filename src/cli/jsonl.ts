// Line-by-line JSONL reading for the CLIs: every line is parsed on its own, a
// bad line is reported with its number and the rest is still read.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface JsonlSummary {
  /** Non-empty lines seen. */
  lines: number;
  /** Lines that could not be parsed or handled. */
  errors: number;
}

export type LineHandler = (value: unknown, line: number) => void;
export type ErrorHandler = (line: number, message: string) => void;

/** Standard error reporter: "FILE:LINE: message" on stderr. */
export function stderrReporter(name: string): ErrorHandler {
  return (line, message) => process.stderr.write(`${name}:${line}: ${message}\n`);
}

function openSource(source: string): Readable {
  return source === '-' ? process.stdin : createReadStream(source, { encoding: 'utf8' });
}

/**
 * Call handle(value, lineNumber) for each JSON line of a file ("-" = stdin), in
 * order. Blank lines are skipped. Invalid JSON, or an error thrown by handle,
 * goes to onError with the 1-based line number; reading goes on.
 * Rejects only when the source itself cannot be read.
 */
export async function forEachJsonLine(source: string, handle: LineHandler, onError: ErrorHandler): Promise<JsonlSummary> {
  const input = openSource(source);
  const failure = new Promise<never>((_, reject) => input.once('error', reject));
  const rl = createInterface({ input, crlfDelay: Infinity });
  const summary: JsonlSummary = { lines: 0, errors: 0 };
  let n = 0;
  const work = (async () => {
    for await (const raw of rl) {
      n++;
      const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      summary.lines++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        summary.errors++;
        onError(n, `invalid JSON (${err instanceof Error ? err.message : String(err)})`);
        continue;
      }
      try {
        handle(value, n);
      } catch (err) {
        summary.errors++;
        onError(n, err instanceof Error ? err.message : String(err));
      }
    }
    return summary;
  })();
  return Promise.race([work, failure]);
}

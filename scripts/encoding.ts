// Chrome refuses an extension whose files are not valid UTF-8 ("isn't UTF-8
// encoded"), and minifiers like to turn escapes such as '\uffff' into raw
// noncharacters. This finds both problems in a built folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.json']);

export function encodingProblem(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not valid UTF-8';
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // U+FDD0..U+FDEF and U+xFFFE/U+xFFFF are noncharacters.
    if ((c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff) return `noncharacter U+${c.toString(16).toUpperCase()} at ${i}`;
  }
  return null;
}

export function findEncodingProblems(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findEncodingProblems(p));
    else if (TEXT.has(extname(p))) {
      const problem = encodingProblem(readFileSync(p));
      if (problem) out.push(`${p}: ${problem}`);
      else if (extname(p) !== '.json' && readFileSync(p).some((b) => b > 0x7f)) out.push(`${p}: not ASCII`);
    }
  }
  return out;
}

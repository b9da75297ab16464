// Tweet text must never become markup or code. The extension's source (tests
// aside, which load fixture pages) holds none of the sinks that turn a string
// into HTML or into code, and none of the calls that could reach the network.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    // Tests, their helpers and the attack strings they use are not part of the extension.
    const forTests = /\.test\.tsx?$/.test(e.name) || e.name.startsWith('test-') || e.name === 'hostile-inputs.ts';
    return /\.tsx?$/.test(e.name) && !forTests ? [p] : [];
  });
}

/** Comments say what the code avoids; only code counts. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const SINKS: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['a timer given a string', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['fetch', /(^|[^.\w])fetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['EventSource', /\bEventSource\b/],
  ['a script run in a tab', /\b(executeScript|registerContentScripts)\b/],
];

/**
 * The background's module for its own package files: its one fetch is of runtime.getURL(...) (core-data.json),
 * and the scripts it runs in a tab are the package's core.js and content.js, never code made of a string.
 */
const PACKAGED = join('background', 'packaged.ts');
/** The scripts it runs, by file name written out: the core on a page in scope, the content script in open x.com tabs. */
const PACKAGED_RUNS = [
  "executeScript({ target: { tabId, frameIds: [frameId] }, files: ['core.js'] })",
  "executeScript({ target: { tabId, frameIds: [0] }, files: ['content.js'] })",
];

function packageRead(file: string, sink: string, text: string): boolean {
  if (relative(SRC, file) !== PACKAGED) return false;
  if (sink === 'a script run in a tab') {
    const calls = [...text.matchAll(/\b(executeScript|registerContentScripts)\b\s*\(([^)]*)\)/g)].map((m) => m[0]);
    return calls.join('\n') === PACKAGED_RUNS.join('\n');
  }
  if (sink !== 'fetch') return false;
  const calls = [...text.matchAll(/(^|[^.\w])fetch\s*\(([^)]*)\)/g)].map((m) => (m[2] ?? '').trim());
  // One call, of a URL made by runtime.getURL in the lines above it and checked to be the package's own.
  return calls.length === 1 && calls[0] === 'url' && /const url = browser\.runtime\.getURL\(name\);/.test(text) && /url\.startsWith\(browser\.runtime\.getURL\(''\)\)/.test(text);
}

describe('the source', () => {
  const files = sources(SRC);

  it('is read in full (the scan would otherwise prove nothing)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(join('content', 'apply.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith('.tsx'))).toBe(true);
    expect(SINKS.every(([, re]) => !re.test('el.textContent = text; node.append(span);'))).toBe(true);
    expect(SINKS.filter(([, re]) => re.test('x.innerHTML = t; eval(s); setTimeout("go()", 1)')).length).toBe(3);
  });

  it('turns no string into markup, code or a request', () => {
    const found: string[] = [];
    for (const f of files) {
      const text = code(readFileSync(f, 'utf8'));
      for (const [name, re] of SINKS) if (re.test(text) && !packageRead(f, name, text)) found.push(`${relative(SRC, f)}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it("runs no script in a tab but the package's core.js and content.js, from the background", () => {
    const running = files.filter((f) => /\bexecuteScript\b/.test(code(readFileSync(f, 'utf8'))));
    expect(running.map((f) => relative(SRC, f))).toEqual([PACKAGED]);
    expect(packageRead(join(SRC, PACKAGED), 'a script run in a tab', "scripting.executeScript({ target: { tabId }, func: () => 1 })")).toBe(false);
  });

  it("fetches only in the one module that reads the extension's own package", () => {
    const fetching = files.filter((f) => /(^|[^.\w])fetch\s*\(/.test(code(readFileSync(f, 'utf8'))));
    expect(fetching.map((f) => relative(SRC, f))).toEqual([PACKAGED]);
  });
});

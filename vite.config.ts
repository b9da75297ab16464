import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// Three passes (see scripts/build.ts): MV3 content scripts must be one classic
// script, so the content script is built alone as an IIFE, and so is the core
// (core.js), which the background runs next to it on pages in scope only; pages
// and the background (an ES module) share chunks in the other pass.
const root = resolve(import.meta.dirname, 'extension');
const outDir = resolve(import.meta.dirname, 'dist/.build');

// Chrome refuses files that are not valid UTF-8; Dexie's '\uffff' must stay escaped.
// TRIAGE_KEEP_NAMES: functions keep their names, for a readable profile (scripts/profile-page.ts).
const minify = { compress: true, mangle: !process.env.TRIAGE_KEEP_NAMES, codegen: { asciiOnly: true } } as const;

/**
 * Keeps the core's data (model, lexicons, places: the files under data/) out of core.js, which a
 * page compiles when it first needs the core: each such import becomes a module that reads its file
 * from src/content/core-data.ts at run time, and the files go into core-data.json next to core.js
 * (the background hands them to a page in scope). Their JSON is written in ASCII, as core.js is.
 */
function coreDataOutside(): Plugin {
  const top = import.meta.dirname;
  const dataDir = resolve(top, 'data') + sep;
  const prefix = '\0core-data:';
  const texts = new Map<string, string>();
  return {
    name: 'core-data-outside',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('.json')) return null;
      const path = resolve(dirname(importer), source);
      // Ends in ".js": the JSON plugin must leave the stand-in module alone.
      return path.startsWith(dataDir) ? `${prefix}${relative(top, path).split(sep).join('/')}.js` : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const name = id.slice(prefix.length, -'.js'.length);
      const text = JSON.stringify(JSON.parse(readFileSync(resolve(top, name), 'utf8')));
      texts.set(name, text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      return `import { coreData } from ${JSON.stringify(resolve(top, 'src/content/core-data.ts'))};\nexport default coreData(${JSON.stringify(name)});\n`;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'core-data.json', source: JSON.stringify(Object.fromEntries([...texts].sort())) });
    },
  };
}

export default defineConfig(({ mode }) => ({
  root,
  publicDir: false,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: mode === 'core' ? [coreDataOutside()] : [],
  // Data files become JSON.parse('...') calls: a string literal costs next to
  // nothing to load with content.js on every x.com page, and parsing it when a
  // page in scope first needs it is faster than building an object literal.
  json: { stringify: true, namedExports: false },
  build: {
    outDir,
    emptyOutDir: mode === 'production',
    target: ['chrome120', 'firefox128'],
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: false,
    ...(mode === 'content' || mode === 'core'
      ? {
          lib: {
            entry: resolve(import.meta.dirname, mode === 'core' ? 'src/content/core-entry.ts' : 'src/content/index.ts'),
            formats: ['iife' as const],
            name: 'hashtagTriage',
            fileName: () => `${mode}.js`,
          },
          rollupOptions: { output: { minify } },
        }
      : {
          rollupOptions: {
            input: {
              popup: resolve(root, 'popup.html'),
              board: resolve(root, 'board.html'),
              host: resolve(root, 'host.html'),
              background: resolve(import.meta.dirname, 'src/background/index.ts'),
            },
            output: {
              entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
              minify,
            },
          },
        }),
  },
}));

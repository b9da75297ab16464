import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two passes (see scripts/build.ts): MV3 content scripts must be one classic
// script, so the content script is built alone as an IIFE; pages and the
// background (an ES module) share chunks in the other pass.
const root = resolve(import.meta.dirname, 'extension');
const outDir = resolve(import.meta.dirname, 'dist/.build');

// Chrome refuses files that are not valid UTF-8; Dexie's '\uffff' must stay escaped.
const minify = { compress: true, mangle: true, codegen: { asciiOnly: true } } as const;

export default defineConfig(({ mode }) => ({
  root,
  publicDir: false,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Data files become JSON.parse('...') calls: a string literal costs next to
  // nothing to load with content.js on every x.com page, and parsing it when a
  // page in scope first needs it is faster than building an object literal.
  json: { stringify: true, namedExports: false },
  build: {
    outDir,
    emptyOutDir: mode !== 'content',
    target: ['chrome120', 'firefox128'],
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: false,
    ...(mode === 'content'
      ? {
          lib: {
            entry: resolve(import.meta.dirname, 'src/content/index.ts'),
            formats: ['iife' as const],
            name: 'hashtagTriage',
            fileName: () => 'content.js',
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

// The pure core wired for the content script: the classifier and the repeat
// tracker (message keys, near-duplicates, offers closed by a later message).
// It is core.js, run in a tab only when a page in scope first needs it (see
// core-script.ts). Even then the bundler wraps these modules in lazy
// initialisers, and the build is split over many short tasks (the data modules
// one per task, the classifier's lexicons a slice of patterns per task) so
// that it never makes a long task. The data itself is asked for first (see
// core-data.ts).
import type { TriageCore } from './core';
import { provideCoreData } from './core-data';
import type { CoreDataSource } from './core-script';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Time given to compiling lexicon patterns in one task, ms (~11,000 patterns, ~150 ms in all on a slow machine). */
const COMPILE_SLICE_MS = 8;

let loading: Promise<TriageCore> | null = null;

/** Runs one step in its own task and notes how long it took (ms). */
async function step<T>(steps: number[], load: () => Promise<T> | T): Promise<T> {
  await nextTask();
  const t0 = performance.now();
  const out = await load();
  steps.push(performance.now() - t0);
  return out;
}

async function build(steps: number[], data?: CoreDataSource): Promise<TriageCore> {
  if (data) {
    // Before any data module starts: each reads its file from what is handed in here.
    const files = await data();
    if (!files) throw new Error('the core data could not be had from the background');
    provideCoreData(files);
  }
  const { LEXICON_FILES } = await step(steps, () => import('../core/classify/lexicon-files'));
  const { compileLexiconsPartly } = await step(steps, () => import('../core/classify/lexicon'));
  const slice = () => {
    const end = performance.now() + COMPILE_SLICE_MS;
    let done = false;
    while (!done && performance.now() < end) done = compileLexiconsPartly(LEXICON_FILES, 100);
    return done;
  };
  // lexicon-data then finds the compilation done and only hands it over.
  while (!(await step(steps, slice)));
  await step(steps, () => import('../core/classify/lexicon-data'));
  // The model's data is parsed in a task of its own, before the model is built from it: together they come near 50 ms.
  await step(steps, () => import('../../data/model/triage-model.json'));
  await step(steps, () => import('../core/classify/model'));
  // The page never shows a tweet's cues: they are not picked.
  const { classifyLabel } = await step(steps, () => import('../core/classify/classify'));
  await step(steps, () => import('../core/offer/lexicon'));
  const { createRepeatTracker } = await step(steps, () => import('../core/repeat/stream'));
  return {
    classify: classifyLabel,
    tracker(now) {
      // Bounded: a long session on one tab must not grow without limit.
      const t = createRepeatTracker({ now, maxEntries: 10_000 });
      return { see: (msg, isOffer) => t.see(msg, isOffer), offer: (msg, key) => t.offer(msg, key), restore: (records) => t.restore(records) };
    },
  };
}

/**
 * `steps`: receives the time of each step, ms (the benchmark reports the longest). `data`: where the
 * data files come from in the content script (a build that keeps them in the bundle needs none).
 * A build that failed is tried again at the next call.
 */
export function loadCore(steps: number[] = [], data?: CoreDataSource): Promise<TriageCore> {
  loading ??= build(steps, data).catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

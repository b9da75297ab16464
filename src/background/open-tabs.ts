// Chrome runs an extension's content scripts only in pages loaded after it was
// installed or updated (Firefox also runs them in the tabs already open). An
// x.com tab open during an update would then stop being filtered, silently,
// until reloaded: the old content script stops when its extension goes away.
// So on install and update the background runs content.js in the open x.com
// tabs; a newer instance takes over from an older one (src/content/controller.ts)
// and keeps what the user revealed.

export interface OpenTab {
  id?: number;
  discarded?: boolean;
}

export interface OpenTabsDeps {
  /** The open tabs whose URL the content script matches. */
  tabs: () => Promise<OpenTab[]>;
  run: (tabId: number) => Promise<void>;
}

/** Runs the content script in every open, loaded matching tab; answers in how many it ran. Never rejects. */
export async function runInOpenTabs(deps: OpenTabsDeps): Promise<number> {
  let tabs: OpenTab[];
  try {
    tabs = await deps.tabs();
  } catch {
    return 0;
  }
  // A discarded tab loads afresh, with the content script, when it is opened again.
  const ids = tabs.filter((t) => !t.discarded && typeof t.id === 'number').map((t) => t.id as number);
  const ran = await Promise.all(
    ids.map((id) =>
      deps.run(id).then(
        () => true,
        // A tab closing, or showing an error page: nothing to filter there.
        () => false,
      ),
    ),
  );
  return ran.filter(Boolean).length;
}

/** Whether the browser runs content scripts in open tabs by itself on install and update (Firefox does). */
export function injectsOnInstall(runtime: object): boolean {
  return typeof (runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

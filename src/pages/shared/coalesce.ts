// Run `fn` once per burst of calls: store changes arrive in bursts while a
// timeline scrolls, and one reload per burst is enough.

/** Delay before reloading after the store changed. */
export const RELOAD_DELAY_MS = 400;

export function coalesce(fn: () => void, ms: number): { call(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call() {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Leading + trailing throttle: the first call goes out at once, calls inside the window collapse into
 * one trailing call with the latest arguments, so the last position is never lost.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  // Wrapped, not passed as-is: browsers throw "Illegal invocation" when setTimeout's `this` is not window.
  clock: { now: () => number; set: (fn: () => void, ms: number) => unknown; clear: (t: unknown) => void } = {
    now: () => Date.now(),
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): { call: (...args: A) => void; cancel: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let pending: A | null = null;
  const fire = (args: A) => {
    last = clock.now();
    fn(...args);
  };
  return {
    call(...args: A) {
      const wait = last + intervalMs - clock.now();
      if (wait <= 0 && !timer) {
        fire(args);
        return;
      }
      pending = args;
      if (!timer) {
        timer = clock.set(
          () => {
            timer = null;
            if (pending) fire(pending);
            pending = null;
          },
          Math.max(0, wait),
        );
      }
    },
    cancel() {
      if (timer) clock.clear(timer);
      timer = null;
      pending = null;
    },
  };
}

export const TIMED_OUT: unique symbol = Symbol("timed out");

/** `work`'s value, or TIMED_OUT once `ms` passed first (`work` itself goes on; its result is dropped). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

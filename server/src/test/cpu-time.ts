/**
 * CPU milliseconds this process spent running `fn` (user + system). Bounded-time tests of pure
 * computation use it instead of wall time: on a machine busy with other work the wall clock also
 * counts the time the process waited for a core, which made such tests fail without the code
 * being any slower.
 */
export function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1_000;
}

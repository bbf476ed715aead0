import { rename } from "node:fs/promises";
import { join } from "node:path";

/** File names inside a data directory. */
export const journalName = (gen: number): string => `journal-${String(gen).padStart(6, "0")}.log`;
export const JOURNAL_RE = /^journal-(\d+)\.log$/;

/** Move a damaged file aside for inspection instead of deleting evidence. */
export async function quarantine(dir: string, name: string): Promise<string> {
  const to = `${name}.bad-${Date.now()}`;
  await rename(join(dir, name), join(dir, to));
  return to;
}

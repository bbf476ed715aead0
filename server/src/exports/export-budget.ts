import pLimit, { type LimitFunction } from "p-limit";
import type { Context } from "../core/context.js";
import { runtime } from "../core/runtime.js";
import { badInput } from "../errors/app-errors.js";
import { noteCounts } from "../notes/note.query.js";
import type { Version } from "../versions/version.type.js";

/**
 * What an export may cost. The request's cost estimate counts an export as a fixed EXPORT_COST
 * (app/limits.ts) and allows one per operation; here the real cost is charged: the version's live
 * notes (from its counters, before anything is read), one export per request however it was
 * reached (a list of versions, say), a process-wide number rendered at once, and the text's size.
 * Unbounded, 30 aliased exports of 2,000 notes took 6.2 s and 129 MB per request (issue 13).
 */
const exported = new WeakSet<Context>();
let queue: { size: number; limit: LimitFunction } | null = null;

function exportQueue(size: number): LimitFunction {
  if (queue?.size !== size) queue = { size, limit: pLimit(size) };
  return queue.limit;
}

export async function withExportBudget(
  ctx: Context,
  version: Pick<Version, "id" | "counters">,
  render: () => Promise<string>,
): Promise<string> {
  if (exported.has(ctx))
    throw badInput("One exportMarkers per request; ask for other versions in separate requests.");
  exported.add(ctx);
  const { limits } = runtime().config;
  const { total } = await noteCounts(version);
  if (total > limits.maxExportNotes) {
    throw badInput(
      `This version has ${total} notes; an export takes at most ${limits.maxExportNotes} (MAX_EXPORT_NOTES).`,
    );
  }
  const text = await exportQueue(limits.exportConcurrency)(render);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxExportBytes) {
    throw badInput(
      `The export is ${bytes} bytes; the limit is ${limits.maxExportBytes} (MAX_EXPORT_BYTES). Resolve or delete notes, or export per status from the notes list.`,
    );
  }
  return text;
}

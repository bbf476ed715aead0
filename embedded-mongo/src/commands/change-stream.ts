import { type Document, Long } from "bson";
import type { CommandContext } from "./context.js";
import { CommandError } from "./errors.js";

/** Route `aggregate` with a leading `$changeStream` to the change-stream module. */
export async function openChangeStream(
  ctx: CommandContext,
  coll: string | null,
  pipeline: Document[],
  batchSize: number | undefined,
): Promise<Document> {
  if (!ctx.server.replSet) {
    throw new CommandError(
      "ChangeStreamNotSupported",
      "The $changeStream stage is only supported on replica sets",
    );
  }
  const open = ctx.server.openChangeStream;
  if (!open)
    throw new CommandError(
      "NotImplemented",
      "change streams are not available in this build of the embedded store",
    );
  const maxTimeMS = ctx.cmd.maxTimeMS === undefined ? undefined : Number(ctx.cmd.maxTimeMS);
  const opened = await open({
    db: ctx.db,
    coll,
    pipeline,
    batchSize,
    maxTimeMS,
    newCursorId: () => ctx.cursors.newId(),
    engine: ctx.engine,
  });
  let id = 0n;
  if (!opened.exhausted) {
    id = opened.cursor.id;
    ctx.cursors.register(opened.cursor, { connectionId: ctx.conn.id, session: ctx.session });
  }
  return {
    cursor: { firstBatch: opened.firstBatch, id: Long.fromBigInt(id), ns: opened.cursor.ns, ...opened.extra },
    ok: 1,
  };
}

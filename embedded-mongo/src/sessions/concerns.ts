import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";

/** Commands that take readConcern "snapshot" outside a transaction (MongoDB 5.0+ snapshot reads). */
const SNAPSHOT_READS = new Set(["find", "aggregate", "distinct", "getMore", "killCursors"]);

/** Commands whose write concern is waited for (and so can be unsatisfiable). */
const WAITS_FOR_WRITE_CONCERN = new Set([
  "insert",
  "update",
  "delete",
  "findAndModify",
  "findandmodify",
  "commitTransaction",
  "abortTransaction",
]);

/** The embedded store is a replica set of one data-bearing member. */
const MEMBERS = 1;

/** readConcern "snapshot" outside a transaction: refused on anything but the snapshot reads, as MongoDB does. */
export function checkSnapshotReadConcern(cmd: Document, name: string): void {
  const level = (cmd.readConcern as Document | undefined)?.level;
  if (level !== "snapshot" || SNAPSHOT_READS.has(name)) return;
  throw new CommandError(
    "InvalidOptions",
    `Command ${name} does not support { readConcern: { level: "snapshot" } }`,
  );
}

/**
 * A numeric `w` above the number of members cannot be satisfied: MongoDB applies the write and
 * reports UnsatisfiableWriteConcern (100) as a writeConcernError, never as a transient failure.
 */
export function withWriteConcernError(cmd: Document, name: string, reply: Document): Document {
  if (reply.ok !== 1 || !WAITS_FOR_WRITE_CONCERN.has(name)) return reply;
  const w = (cmd.writeConcern as Document | undefined)?.w;
  if (typeof w !== "number" && !(w && typeof w === "object" && "_bsontype" in w)) return reply;
  if (Number(w) <= MEMBERS) return reply;
  return {
    ...reply,
    writeConcernError: {
      code: 100,
      codeName: "UnsatisfiableWriteConcern",
      errmsg: "Not enough data-bearing nodes",
      errInfo: { writeConcern: { w: Number(w), wtimeout: 0, provenance: "clientSupplied" } },
    },
  };
}

import { Types } from "mongoose";
import { EventModel } from "./event.model.js";
import type { EventLean } from "./event.service.js";
import { MembershipModel } from "../productions/membership.model.js";
import type { Role } from "../productions/production.enums.js";
import { inRealtimeScope } from "../realtime/db-scope.js";
import type { EventLogPort } from "../realtime/ports.js";

const oid = (id: string) => new Types.ObjectId(id);

/** A user's role in a production, or null (one indexed lookup). */
export async function roleOf(productionId: string, userId: string): Promise<Role | null> {
  const m = await MembershipModel.findOne(
    { productionId: oid(productionId), userId: oid(userId) },
    { role: 1 },
  ).lean();
  return m?.role ?? null;
}

/**
 * The event log and memberships as the realtime layer reads them: indexed queries only, in the
 * realtime scope (one command at a time, see db-scope.ts).
 */
export const mongoEventLog: EventLogPort = {
  tail: (productionId, n) =>
    inRealtimeScope(async () => {
      const docs = (await EventModel.find({ productionId: oid(productionId) })
        .sort({ seq: -1 })
        .limit(n)
        .lean()) as EventLean[];
      return docs.reverse();
    }),

  range: (productionId, afterSeq, uptoSeq, limit, versionId) =>
    inRealtimeScope(async () => {
      const seq = { $gt: afterSeq, $lte: uptoSeq };
      const query = versionId
        ? { versionId: oid(versionId), productionId: oid(productionId), seq }
        : { productionId: oid(productionId), seq };
      return (await EventModel.find(query).sort({ seq: 1 }).limit(limit).lean()) as EventLean[];
    }),

  roleOf: (productionId, userId) => inRealtimeScope(() => roleOf(productionId, userId)),
};

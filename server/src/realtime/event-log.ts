import { Types } from "mongoose";
import { EventModel } from "../events/event.model.js";
import type { EventLean } from "../events/event.service.js";
import { MembershipModel } from "../productions/membership.model.js";
import type { EventLogPort } from "./ports.js";

const oid = (id: string) => new Types.ObjectId(id);

/** The event log and memberships as the realtime layer reads them (indexed queries only). */
export const mongoEventLog: EventLogPort = {
  async tail(productionId, n) {
    const docs = (await EventModel.find({ productionId: oid(productionId) })
      .sort({ seq: -1 })
      .limit(n)
      .lean()) as EventLean[];
    return docs.reverse();
  },

  async range(productionId, afterSeq, uptoSeq, limit, versionId) {
    const seq = { $gt: afterSeq, $lte: uptoSeq };
    const query = versionId
      ? { versionId: oid(versionId), productionId: oid(productionId), seq }
      : { productionId: oid(productionId), seq };
    return (await EventModel.find(query).sort({ seq: 1 }).limit(limit).lean()) as EventLean[];
  },

  async roleOf(productionId, userId) {
    const m = await MembershipModel.findOne(
      { productionId: oid(productionId), userId: oid(userId) },
      { role: 1 },
    ).lean();
    return m?.role ?? null;
  },
};

import { Types } from "mongoose";
import { EventModel } from "./event.model.js";
import type { EventLean } from "./event.service.js";
import { MembershipModel } from "../productions/membership.model.js";
import type { Role } from "../productions/production.enums.js";

const oid = (id: string) => new Types.ObjectId(id);

/** A user's role in a production, or null (one indexed lookup). */
export async function roleOf(productionId: string, userId: string): Promise<Role | null> {
  const m = await MembershipModel.findOne(
    { productionId: oid(productionId), userId: oid(userId) },
    { role: 1 },
  ).lean();
  return m?.role ?? null;
}

/** The last `n` events of a production, ascending by seq (realtime's replay of a fresh channel). */
export async function tailEvents(productionId: string, n: number): Promise<EventLean[]> {
  const docs = (await EventModel.find({ productionId: oid(productionId) })
    .sort({ seq: -1 })
    .limit(n)
    .lean()) as EventLean[];
  return docs.reverse();
}

/** Events with afterSeq < seq <= uptoSeq, ascending, at most `limit`; only the version's when given. */
export async function eventRange(
  productionId: string,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
  versionId?: string | null,
): Promise<EventLean[]> {
  const seq = { $gt: afterSeq, $lte: uptoSeq };
  const query = versionId
    ? { versionId: oid(versionId), productionId: oid(productionId), seq }
    : { productionId: oid(productionId), seq };
  return (await EventModel.find(query).sort({ seq: 1 }).limit(limit).lean()) as EventLean[];
}

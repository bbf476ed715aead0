import type { ClientSession, Types } from "mongoose";
import type { Context } from "../core/context.js";
import { EventType } from "../events/event.enums.js";
import type { EventDraft } from "../events/event.service.js";
import type { VersionStatus } from "../versions/version.enums.js";
import { VersionModel, type VersionDoc } from "../versions/version.model.js";
import { toVersion, type Version } from "../versions/version.type.js";

/**
 * Moves a version from one of `from` to `to` with one conditional update, so concurrent callers
 * cannot both transition it. Returns the updated version, or null when the status had moved on.
 */
export async function transition(
  session: ClientSession,
  version: VersionDoc,
  from: readonly VersionStatus[],
  to: VersionStatus,
  by: Types.ObjectId,
  extra: { round?: number; newRound?: boolean } = {},
): Promise<VersionDoc | null> {
  const at = new Date();
  const filter: Record<string, unknown> = { _id: version._id, status: { $in: from } };
  if (extra.round !== undefined) filter.round = extra.round;
  const update: Record<string, unknown> = {
    $set: { status: to, ...(extra.newRound ? { submittedAt: at } : {}) },
    $push: { statusHistory: { from: version.status, to, by, at } },
  };
  if (extra.newRound) update.$inc = { round: 1 };
  // The history entry's `from` is the status we read; the filter guarantees it was one of `from`.
  return VersionModel.findOneAndUpdate(filter, update, { returnDocument: "after", session }).lean();
}

/** Primes the loaders with the written version (after the command committed) and maps it. */
export function refresh(ctx: Context, doc: VersionDoc): Version {
  ctx.loaders.versionById.clear(String(doc._id)).prime(String(doc._id), doc);
  ctx.loaders.versionsByAssetId.clear(String(doc.assetId));
  return toVersion(doc);
}

/** The status change as it happened, so the event log never has to read the version's status now. */
export function statusChanged(version: VersionDoc, to: VersionStatus): EventDraft {
  return {
    type: EventType.VERSION_STATUS_CHANGED,
    versionId: version._id,
    assetId: version.assetId,
    fromStatus: version.status,
    toStatus: to,
  };
}

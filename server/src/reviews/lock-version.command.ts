import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { conflict, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { recordEvents } from "../events/event.service.js";
import { VersionStatus } from "../versions/version.enums.js";
import { requireVersion } from "../versions/version.service.js";
import type { Version } from "../versions/version.type.js";
import { canLock } from "./review.policy.js";
import { refresh, statusChanged } from "./review.service.js";
import { statusesAllowing, transition } from "../versions/version.lifecycle.js";

/** Picture, script or mix lock: APPROVED -> LOCKED, by the showrunner. A lock is final. */
export async function lockVersionCommand(ctx: Context, versionId: string): Promise<Version> {
  const { version, member } = await requireVersion(ctx, versionId);
  if (!canLock(member)) throw forbidden("Only the showrunner can lock a version.");
  if (version.status !== VersionStatus.APPROVED)
    throw conflict(`A ${version.status} version cannot be locked.`);
  const by = new Types.ObjectId(member.userId);
  const updated = await runCommand("reviews/lock-version", async (tx) => {
    const doc = await transition(tx.session, version, statusesAllowing("lock"), VersionStatus.LOCKED, by);
    if (!doc) throw conflict("The version's status changed meanwhile; reload and try again.");
    await recordEvents(tx, version.productionId, by, [statusChanged(version, VersionStatus.LOCKED)]);
    return doc;
  });
  return refresh(ctx, updated);
}

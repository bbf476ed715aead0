import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { canSubmitForReview } from "../assets/asset.policy.js";
import { conflict, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { VersionStatus } from "../versions/version.enums.js";
import { requireVersion } from "../versions/version.service.js";
import type { Version } from "../versions/version.type.js";
import { refresh, statusChanged } from "./review.service.js";
import { statusesAllowing, transition } from "../versions/version.lifecycle.js";

/** DRAFT or CHANGES_REQUESTED -> IN_REVIEW, opening a new round. */
export async function submitVersionCommand(ctx: Context, versionId: string): Promise<Version> {
  const { version, member } = await requireVersion(ctx, versionId);
  if (!canSubmitForReview(member, version.kind)) {
    throw forbidden(
      `Your role (${member.role}) cannot submit ${version.kind.toLowerCase()} versions for review.`,
    );
  }
  const by = new Types.ObjectId(member.userId);
  const from = statusesAllowing("submit");
  if (!from.includes(version.status))
    throw conflict(`A ${version.status} version cannot be submitted for review.`);
  const updated = await runCommand("reviews/submit-version", async (tx) => {
    const doc = await transition(tx.session, version, from, VersionStatus.IN_REVIEW, by, { newRound: true });
    if (!doc) throw conflict("The version's status changed meanwhile; reload and try again.");
    await recordEvents(tx, version.productionId, by, [
      { type: EventType.REVIEW_REQUESTED, versionId: version._id, assetId: version.assetId },
      statusChanged(version, VersionStatus.IN_REVIEW),
    ]);
    return doc;
  });
  return refresh(ctx, updated);
}

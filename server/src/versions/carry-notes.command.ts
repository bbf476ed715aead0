import { Types } from "mongoose";
import { canAddVersion } from "../assets/asset.policy.js";
import type { Context } from "../core/context.js";
import { badInput, conflict, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { recordEvents } from "../events/event.service.js";
import { NoteCarryModel } from "../notes/note-carry.model.js";
import { canCarry, carryOpenNotes } from "./carry-notes.js";
import { VersionModel } from "./version.model.js";
import { requireVersion } from "./version.service.js";
import { toVersion, type Version } from "./version.type.js";

/**
 * Runs the mapping of the previous version's open notes onto this one again (after a correction,
 * or for a version added before carrying existed). The new run replaces the current carries; the
 * earlier runs stay stored, and every carried note gets a NOTE_CARRIED event naming who re-ran it.
 * Only the latest version: a later one was carried from this version's current placements.
 */
export async function carryNotesCommand(ctx: Context, versionId: string): Promise<Version> {
  const { version, member } = await requireVersion(ctx, versionId);
  if (!canAddVersion(member, version.kind)) {
    throw forbidden(
      `Your role (${member.role}) cannot map notes onto ${version.kind.toLowerCase()} versions.`,
    );
  }
  if (!canCarry(version.kind)) {
    throw badInput(`Notes are not mapped onto ${version.kind.toLowerCase()} versions yet.`, {
      versionId: "SCRIPT versions only",
    });
  }
  if (version.number <= 1) {
    throw badInput("The first version has no earlier version to carry notes from.", {
      versionId: "first version",
    });
  }
  const actorId = new Types.ObjectId(member.userId);
  await runCommand("versions/carry-notes", async (tx) => {
    // One operation at a time: a transaction's session runs its operations in order.
    const latest = await VersionModel.findOne({ assetId: version.assetId }, { number: 1 })
      .sort({ number: -1 })
      .session(tx.session)
      .lean();
    const previous = await VersionModel.findOne({ assetId: version.assetId, number: version.number - 1 })
      .session(tx.session)
      .lean();
    const lastRun = await NoteCarryModel.findOne({ versionId: version._id }, { run: 1 })
      .sort({ run: -1 })
      .session(tx.session)
      .lean();
    if (latest && latest.number !== version.number) {
      throw conflict(`Version ${latest.number} was added since; only the latest version can be re-mapped.`);
    }
    if (!previous) throw new Error(`carryNotes: version ${version.number - 1} of the asset is missing`);
    const events = await carryOpenNotes(tx, previous, version, actorId, (lastRun?.run ?? 0) + 1);
    await recordEvents(tx, version.productionId, actorId, events);
  });
  return toVersion(version);
}

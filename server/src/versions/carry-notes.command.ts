import { Types } from "mongoose";
import { canAddVersion } from "../assets/asset.policy.js";
import type { Context } from "../core/context.js";
import { badInput, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { recordEvents } from "../events/event.service.js";
import { canCarry, recarryInto } from "./carry-notes.js";
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
      versionId: "SCRIPT and CUT versions only",
    });
  }
  if (version.number <= 1) {
    throw badInput("The first version has no earlier version to carry notes from.", {
      versionId: "first version",
    });
  }
  const actorId = new Types.ObjectId(member.userId);
  await runCommand("versions/carry-notes", async (tx) => {
    const events = await recarryInto(tx, version, actorId);
    await recordEvents(tx, version.productionId, actorId, events);
  });
  return toVersion(version);
}

import { Types } from "mongoose";
import { canAddVersion } from "../assets/asset.policy.js";
import { AssetKind } from "../assets/asset.enums.js";
import type { Context } from "../core/context.js";
import { badInput, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import type { EventDraft } from "../events/event.service.js";
import type { CommandTx } from "../events/command.js";
import { recarryInto } from "../versions/carry-notes.js";
import { type VersionDoc, VersionModel } from "../versions/version.model.js";
import { requireVersion } from "../versions/version.service.js";
import { timingOf } from "../versions/version.type.js";
import { CutEditModel } from "./cut-edit.model.js";
import { type CutEdit, toCutEdit } from "./cut-edit.type.js";
import type { EditFormat } from "./edit.enums.js";
import { readEditFile } from "./edit.read.js";
import { reconformMixes } from "./mix-reconform.js";

export interface AttachEditInput {
  versionId: string;
  format: EditFormat;
  text: string;
  fileName?: string | null;
}

const MAX_FILE_NAME = 255;

/**
 * Attaches (or replaces) a CUT version's edit: the file is read before the transaction (a refusal
 * names its line), then the timeline and an EDIT_ATTACHED event are written together. Only the
 * cut's makers may attach, as they add its versions. The conform that this edit takes part in is
 * run again in the same transaction (docs/conform.md), as the next run of the carries, and so are
 * the mixes mixed against this cut.
 */
export async function attachEditCommand(ctx: Context, input: AttachEditInput): Promise<CutEdit> {
  const { version, member } = await requireVersion(ctx, input.versionId);
  if (version.kind !== AssetKind.CUT) throw badInput("An edit is attached to a CUT version.");
  if (!canAddVersion(member, version.kind))
    throw forbidden(`Your role (${member.role}) cannot attach an edit to a cut.`);
  const fileName = input.fileName?.trim() || null;
  if (fileName && fileName.length > MAX_FILE_NAME)
    throw badInput(`fileName is at most ${MAX_FILE_NAME} characters.`, { fileName: "too long" });
  const timeline = readEditFile(input.format, input.text, timingOf(version).rate);
  const by = new Types.ObjectId(member.userId);
  const saved = await runCommand("edits/attach-edit", async (tx) => {
    const doc = await CutEditModel.findOneAndUpdate(
      { versionId: version._id },
      {
        $set: {
          productionId: version.productionId,
          assetId: version.assetId,
          format: timeline.format,
          fileName,
          name: timeline.name,
          rate: timeline.rate,
          events: timeline.events,
          markers: timeline.markers,
          warnings: timeline.warnings,
          attachedBy: by,
          attachedAt: new Date(),
        },
        $inc: { revision: 1 },
      },
      { upsert: true, returnDocument: "after", session: tx.session, lean: true, setDefaultsOnInsert: false },
    );
    if (!doc) throw new Error("attachEdit: the upsert returned no document");
    const carried = await reconform(tx, version, by);
    // Mixes follow picture: the mixes mixed against this cut are re-mapped through the new edit.
    const mixes = await reconformMixes(tx, version, by);
    await recordEvents(tx, version.productionId, by, [
      { type: EventType.EDIT_ATTACHED, versionId: version._id, assetId: version.assetId },
      ...carried,
      ...mixes,
    ]);
    return doc;
  });
  ctx.loaders.cutEditByVersionId.clear(input.versionId);
  return toCutEdit(saved);
}

/**
 * The latest version's carries depend on this edit when this is the latest version (its notes came
 * from the one before) or the one before the latest: those are re-mapped. Older versions' carries
 * are history and stay as they were.
 */
async function reconform(tx: CommandTx, version: VersionDoc, by: Types.ObjectId): Promise<EventDraft[]> {
  const latest = await VersionModel.findOne({ assetId: version.assetId })
    .sort({ number: -1 })
    .session(tx.session)
    .lean<VersionDoc>();
  if (!latest) return [];
  if (latest.number === version.number && version.number > 1) return recarryInto(tx, latest, by);
  if (latest.number === version.number + 1) return recarryInto(tx, latest, by);
  return [];
}

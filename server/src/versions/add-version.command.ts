import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { runtime } from "../core/runtime.js";
import { canAddVersion } from "../assets/asset.policy.js";
import { requireAsset } from "../assets/asset.service.js";
import { conflict, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { isDuplicateKey } from "../core/text.js";
import { AssetKind } from "../assets/asset.enums.js";
import { canAddNote } from "../notes/note.policy.js";
import { canCarry, carryOpenNotes } from "./carry-notes.js";
import { pictureOfMix } from "./mix-picture.js";
import { scriptNoteImporter } from "./script-note-import.js";
import { VersionStatus } from "./version.enums.js";
import { type VersionDoc, VersionModel } from "./version.model.js";
import { validateVersionFields, type VersionFieldsInput } from "./version.rules.js";
import { toVersion, type Version } from "./version.type.js";

const MAX_NUMBERING_ATTEMPTS = 8;

/**
 * Version numbers are previous max + 1 per asset, read in the transaction's snapshot. Two
 * concurrent addVersion calls may pick the same number: the unique (assetId, number) index
 * rejects the second, whose transaction aborts whole and is tried again with a fresh number.
 * The previous version's open notes are carried onto the new one in the same transaction.
 */
export async function addVersionCommand(
  ctx: Context,
  input: VersionFieldsInput & {
    assetId: string;
    importFountainNotes?: boolean | null;
    pictureVersionId?: string | null;
  },
): Promise<Version> {
  const { asset, member } = await requireAsset(ctx, input.assetId);
  if (!canAddVersion(member, asset.kind)) {
    throw forbidden(`Your role (${member.role}) cannot add ${asset.kind.toLowerCase()} versions.`);
  }
  const userId = new Types.ObjectId(member.userId);
  // A script's [[notes]] become notes (#16); read once, before the text is validated and stored.
  const imported =
    asset.kind === AssetKind.SCRIPT && input.importFountainNotes !== false && typeof input.text === "string"
      ? scriptNoteImporter()(input.text)
      : null;
  if (imported?.count && !canAddNote(member)) throw forbidden("Viewers cannot add notes.");
  const fieldsInput = imported ? { ...input, text: imported.text } : input;
  for (let attempt = 0; attempt < MAX_NUMBERING_ATTEMPTS; attempt++) {
    try {
      const created = await runCommand("versions/add-version", async (tx) => {
        // The whole previous version when its open notes are to be carried (its text), else its number.
        const last = await VersionModel.findOne<VersionDoc>(
          { assetId: asset._id },
          canCarry(asset.kind) ? {} : { number: 1 },
        )
          .sort({ number: -1 })
          .session(tx.session)
          .lean<VersionDoc>();
        const number = (last?.number ?? 0) + 1;
        const now = new Date();
        const fields = validateVersionFields(
          asset.kind,
          fieldsInput,
          number,
          now,
          runtime().config.mediaHosts,
        );
        const pictureVersionId = await pictureOfMix(tx, asset, input.pictureVersionId);
        const [version] = await VersionModel.create(
          [
            {
              ...fields,
              pictureVersionId,
              assetId: asset._id,
              productionId: asset.productionId,
              kind: asset.kind,
              number,
              status: VersionStatus.DRAFT,
              createdBy: userId,
              createdAt: now,
              round: 0,
              submittedAt: null,
              statusHistory: [{ from: null, to: VersionStatus.DRAFT, by: userId, at: now }],
            },
          ],
          { session: tx.session },
        );
        if (!version) throw new Error("VersionModel.create returned no document");
        const added = version.toObject();
        // Open notes follow the work (#16): mapped onto the new text in this same transaction.
        const carried = last ? await carryOpenNotes(tx, last, added, userId, 1) : [];
        const notes = imported ? await imported.write(tx, added, { userId, role: member.role }) : [];
        await recordEvents(tx, asset.productionId, userId, [
          { type: EventType.VERSION_ADDED, versionId: version._id, assetId: asset._id },
          // The previous version's room is told on its own stream (its viewers subscribe to it alone).
          ...(last
            ? [{ type: EventType.VERSION_SUPERSEDED, versionId: last._id, assetId: asset._id } as const]
            : []),
          ...carried,
          ...notes,
        ]);
        return added;
      });
      ctx.loaders.versionsByAssetId.clear(String(asset._id));
      return toVersion(created);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw conflict("Too many versions were added at once; try again.");
}

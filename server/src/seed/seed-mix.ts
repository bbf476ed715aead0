import { FrameRate } from "@greenlight/common/timecode";
import { AssetKind } from "../assets/asset.enums.js";
import { createAssetCommand as createAsset } from "../assets/create-asset.command.js";
import { addNoteCommand as addNote } from "../notes/add-note.command.js";
import { NoteCategory, NoteStatus } from "../notes/note.enums.js";
import { replyToNoteCommand as replyToNote } from "../notes/reply-to-note.command.js";
import { setNoteStatusCommand as setNoteStatus } from "../notes/set-note-status.command.js";
import { Role } from "../productions/production.enums.js";
import { addVersionCommand as addVersion } from "../versions/add-version.command.js";
import { Stem } from "../versions/version.enums.js";
import { as, type Users } from "./seed-actors.js";

const MEDIA = "/media/demo";
const MIX_FRAMES = 45 * 24; // laid to the 45 s, 24 fps demo cut

/** The cut versions the demo mixes were laid to. */
export interface DemoPicture {
  cutV1: string;
  cutV2: string;
}

/**
 * The pilot's temp mix: v1 laid to cut v1, v2 laid to the recut (cut v2, whose EDL is attached
 * before). Each names its picture (pictureVersionId), so v1's open notes follow the recut through
 * the cuts' conform (docs/conform.md): the montage's dialogue note moves with its shot and the
 * sting on the diner's trimmed tail goes to its nearest surviving frame.
 */
export async function seedMix(users: Users, productionId: string, episodeId: string, picture: DemoPicture) {
  const sound = () => as(users, Role.SOUND_DESIGNER);
  const asset = await createAsset(sound(), {
    productionId,
    kind: AssetKind.MIX,
    title: "Pilot - Temp Mix",
    episodeId,
  });
  const mix = (pictureVersionId: string) =>
    addVersion(sound(), {
      assetId: asset.id,
      mediaUrl: `${MEDIA}/mix-full.ogg`,
      frameRate: FrameRate.FPS_24,
      startTimecode: "01:00:00:00",
      durationFrames: MIX_FRAMES,
      pictureVersionId,
      stems: [
        { stem: Stem.FULL_MIX, mediaUrl: `${MEDIA}/mix-full.ogg` },
        { stem: Stem.DIALOGUE, mediaUrl: `${MEDIA}/mix-dialogue.ogg` },
        { stem: Stem.MUSIC, mediaUrl: `${MEDIA}/mix-music.ogg` },
        { stem: Stem.EFFECTS, mediaUrl: `${MEDIA}/mix-effects.ogg` },
      ],
      // Measured on mix-full.ogg (see server/media/README.md): too loud for the -27 LKFS spec.
      loudness: { integratedLkfs: -21.6, truePeakDbtp: -4.7, loudnessRange: 22.7 },
    });
  const v1 = await mix(picture.cutV1);
  const a = await addNote(as(users, Role.DIRECTOR), {
    versionId: v1.id,
    body: "Dialogue is buried under the ovens here. Lift DX or duck FX.",
    time: { startFrame: 480, endFrame: 600, stem: Stem.DIALOGUE },
    category: NoteCategory.DIALOGUE,
    assigneeId: users.SOUND_DESIGNER.id,
  });
  await replyToNote(sound(), a.id, "Ducking the oven bed 4 dB under lines.");
  await setNoteStatus(sound(), a.id, NoteStatus.IN_PROGRESS);
  await addNote(as(users, Role.SHOWRUNNER), {
    versionId: v1.id,
    body: "Music sting at the smash cut should hit on the cut, not a frame after.",
    time: { startFrame: 1070, stem: Stem.MUSIC },
    category: NoteCategory.MUSIC,
  });
  const c = await addNote(as(users, Role.PRODUCER), {
    versionId: v1.id,
    body: "Integrated loudness is -21.6 LKFS; streaming delivery wants -27 +/-2. @sound_designer",
    time: { startFrame: 0, endFrame: MIX_FRAMES - 1, stem: Stem.FULL_MIX },
    category: NoteCategory.OTHER,
  });
  await replyToNote(sound(), c.id, "Known: temp mix. Final will be conformed to spec.");
  // Laid to the recut: v1's open notes are carried through cut v1 → v2's conform.
  await mix(picture.cutV2);
}

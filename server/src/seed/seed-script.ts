import { readFile } from "node:fs/promises";
import { AssetKind } from "../assets/asset.enums.js";
import { createAssetCommand as createAsset } from "../assets/create-asset.command.js";
import { addNoteCommand as addNote } from "../notes/add-note.command.js";
import { NoteCategory, NoteStatus } from "../notes/note.enums.js";
import { replyToNoteCommand as replyToNote } from "../notes/reply-to-note.command.js";
import { setNoteStatusCommand as setNoteStatus } from "../notes/set-note-status.command.js";
import { Role } from "../productions/production.enums.js";
import { submitVersionCommand as submitForReview } from "../reviews/submit-version.command.js";
import { addVersionCommand as addVersion } from "../versions/add-version.command.js";
import { RevisionColor } from "../versions/version.enums.js";
import { as, type Users } from "./seed-actors.js";
import { blueRevision, lineOf } from "./seed-data.js";

/** The pilot's script: White with notes, then the Blue revision that carries the open ones. */
export async function seedScript(users: Users, productionId: string, episodeId: string) {
  const white = await readFile(new URL("./pilot.fountain", import.meta.url), "utf8");
  const blue = blueRevision(white);
  const writer = () => as(users, Role.WRITER);
  const asset = await createAsset(writer(), {
    productionId,
    kind: AssetKind.SCRIPT,
    title: "Pilot - Shooting Script",
    episodeId,
  });
  const v1 = await addVersion(writer(), {
    assetId: asset.id,
    text: white,
    revisionColor: RevisionColor.WHITE,
    // The demo keeps the writers' room [[note]] in the text: the producer's note below quotes it.
    importFountainNotes: false,
  });
  const n1 = await addNote(as(users, Role.SHOWRUNNER), {
    versionId: v1.id,
    body: "Love this cold open. Can Otis's first fortune be funnier? It sets the tone for the series. @ada.okafor",
    script: {
      lineStart: lineOf(white, "You will find what you are looking for in the last"),
      lineEnd: lineOf(white, "You will find what you are looking for in the last"),
    },
    category: NoteCategory.DIALOGUE,
  });
  await replyToNote(writer(), n1.id, "Trying a few alts for the Blue pages.");
  await setNoteStatus(writer(), n1.id, NoteStatus.RESOLVED);
  const bank = lineOf(white, "The bank man comes at ten");
  const n2 = await addNote(as(users, Role.EXECUTIVE), {
    versionId: v1.id,
    body: "Network asks: do we need the bank deadline this early? Feels like a lot of plot before we know June.",
    script: { lineStart: bank, lineEnd: bank + 1 },
    category: NoteCategory.STORY,
  });
  await replyToNote(as(users, Role.SHOWRUNNER), n2.id, "Keeping it: the clock is the engine of the pilot.");
  await setNoteStatus(as(users, Role.SHOWRUNNER), n2.id, NoteStatus.WONT_FIX);

  // Open on White, so the Blue revision carries them (Version.carriedNotes): one moves with its
  // line, one stays on an edited line, one loses its line.
  const line = (needle: string) => {
    const n = lineOf(white, needle);
    return { lineStart: n, lineEnd: n };
  };
  await addNote(as(users, Role.DIRECTOR), {
    versionId: v1.id,
    body: "Hold on June here before she answers; this is the line the episode is named for.",
    script: line("Then let me show you how it's made."),
    category: NoteCategory.PERFORMANCE,
  });
  await addNote(as(users, Role.SHOWRUNNER), {
    versionId: v1.id,
    body: "Otis needs a sharper word than 'Fair'. @ada.okafor",
    script: line("Harsh. Fair."),
    category: NoteCategory.DIALOGUE,
  });
  await addNote(as(users, Role.PRODUCER), {
    versionId: v1.id,
    body: "Agree with the room note: can we see June's tiredness in the action lines?",
    script: line("[[Note for the room"),
    category: NoteCategory.STORY,
  });

  const v2 = await addVersion(writer(), { assetId: asset.id, text: blue });
  const ask = lineOf(blue, "I'm asking twice.");
  await addNote(as(users, Role.PRODUCER), {
    versionId: v2.id,
    body: "The new fortune lands. Legal should clear the bank's name in the montage. @producer",
    script: { lineStart: ask - 4, lineEnd: ask },
    category: NoteCategory.LEGAL,
  });
  await submitForReview(writer(), v2.id);
}

import { Types } from "mongoose";
import { AssetKind } from "../assets/asset.enums.js";
import { AssetModel } from "../assets/asset.model.js";
import { createAssetCommand as createAsset } from "../assets/create-asset.command.js";
import { hashPassword } from "../auth/password.js";
import { runCommand } from "../events/command.js";
import { EventModel } from "../events/event.model.js";
import { NoteModel } from "../notes/note.model.js";
import { addNoteCommand as addNote } from "../notes/add-note.command.js";
import { setNoteStatusCommand as setNoteStatus } from "../notes/set-note-status.command.js";
import { ReplyModel } from "../notes/reply.model.js";
import { replyToNoteCommand as replyToNote } from "../notes/reply-to-note.command.js";
import { EpisodeModel } from "../productions/episode.model.js";
import { addEpisodeCommand as addEpisode } from "../productions/add-episode.command.js";
import { membershipCache } from "../productions/membership-cache.js";
import { MembershipModel } from "../productions/membership.model.js";
import { addMemberCommand as addMember } from "../productions/add-member.command.js";
import { ProductionKind, ProductionStage, Role } from "../productions/production.enums.js";
import { ProductionModel } from "../productions/production.model.js";
import { createProductionCommand as createProduction } from "../productions/create-production.command.js";
import { setProductionStageCommand as setProductionStage } from "../productions/set-production-stage.command.js";
import { ReviewModel } from "../reviews/review.model.js";
import { reviewVersionCommand as reviewVersion } from "../reviews/review-version.command.js";
import { submitVersionCommand as submitForReview } from "../reviews/submit-version.command.js";
import { ReviewDecision } from "../reviews/review.enums.js";
import { FrameRate } from "@greenlight/common/timecode";
import { UserModel } from "../users/user.model.js";
import { versionCache } from "../versions/version-cache.js";
import { VersionModel } from "../versions/version.model.js";
import { addVersionCommand as addVersion } from "../versions/add-version.command.js";
import { NoteCategory, NoteStatus } from "../notes/note.enums.js";
import { registerCarryMappers } from "../app/carry-mappers.js";
import { DEMO_PASSWORD, DEMO_TITLE, DEMO_USERS } from "./seed-data.js";
import { as, type Users } from "./seed-actors.js";
import { seedScript } from "./seed-script.js";
import { type DemoPicture, seedMix } from "./seed-mix.js";
import { attachEditCommand as attachEdit } from "../edits/attach-edit.command.js";
import { EditFormat } from "../edits/edit.enums.js";
import { DEMO_CUT_V1_EDL, DEMO_CUT_V2_EDL } from "./seed-cut-edits.js";

/**
 * The demo production "How It's Made": a user per role, episode 101 with a Fountain script
 * (White then Blue), a 24 fps cut starting at 01:00:00:00 with an EDL per version (v1 sent back, v2
 * in review, v1's open notes conformed onto v2, docs/conform.md) and a mix with stems and
 * loudness whose versions are laid to cut v1 and v2 (its notes follow the recut, seed-mix.ts), each with notes and replies. Built through the same services the API
 * uses, so events, counters and rules are exactly what real use produces.
 */
export interface SeedResult {
  seeded: boolean;
  productionId: string | null;
}

const CUT_FRAMES = 45 * 24; // the demo cuts are 45 s at 24 fps
const MEDIA = "/media/demo";

/** Seeds the demo unless its showrunner account already exists. */
export async function seedDemoIfEmpty(): Promise<SeedResult> {
  const showrunner = DEMO_USERS.find((u) => u.role === Role.SHOWRUNNER);
  if (showrunner && (await UserModel.exists({ email: showrunner.email })))
    return { seeded: false, productionId: null };
  return seedDemo();
}

export async function seedDemo(options: { reset?: boolean; quiet?: boolean } = {}): Promise<SeedResult> {
  registerCarryMappers(); // the seed may run without the server (seed.cli.ts)
  if (options.reset) await removeDemo();
  else if (await UserModel.exists({ email: { $in: DEMO_USERS.map((u) => u.email) } })) {
    throw new Error("Demo accounts already exist; run with --reset to recreate the demo.");
  }
  const users = await createUsers();
  const productionId = await buildProduction(users);
  if (!options.quiet) printAccounts();
  return { seeded: true, productionId };
}

async function createUsers(): Promise<Users> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const out = {} as Users;
  await runCommand("seed/create-demo-users", async ({ session }) => {
    const docs = await UserModel.create(
      DEMO_USERS.map((u) => ({ email: u.email, name: u.name, passwordHash })),
      { session, ordered: true },
    );
    DEMO_USERS.forEach((u, i) => {
      out[u.role] = { id: String(docs[i]?._id), name: u.name, email: u.email };
    });
  });
  return out;
}

async function buildProduction(users: Users): Promise<string> {
  const sr = () => as(users, Role.SHOWRUNNER);
  const production = await createProduction(sr(), { title: DEMO_TITLE, kind: ProductionKind.SERIES });
  for (const u of DEMO_USERS) {
    if (u.role !== Role.SHOWRUNNER) await addMember(sr(), production.id, u.email, u.role);
  }
  await setProductionStage(as(users, Role.PRODUCER), production.id, ProductionStage.POST_PRODUCTION);
  const episode = await addEpisode(sr(), production.id, 101, "Pilot");

  await seedScript(users, production.id, episode.id);
  const picture = await seedCut(users, production.id, episode.id);
  await seedMix(users, production.id, episode.id, picture);
  return production.id;
}

async function seedCut(users: Users, productionId: string, episodeId: string): Promise<DemoPicture> {
  const editor = () => as(users, Role.EDITOR);
  const director = () => as(users, Role.DIRECTOR);
  const asset = await createAsset(editor(), {
    productionId,
    kind: AssetKind.CUT,
    title: "Pilot - Editor's Cut",
    episodeId,
  });
  const timing = { frameRate: FrameRate.FPS_24, startTimecode: "01:00:00:00", durationFrames: CUT_FRAMES };
  const v1 = await addVersion(editor(), { assetId: asset.id, mediaUrl: `${MEDIA}/cut-v1.webm`, ...timing });
  const edl = (versionId: string, text: string, fileName: string) =>
    attachEdit(editor(), { versionId, format: EditFormat.CMX3600_EDL, text, fileName });
  await edl(v1.id, DEMO_CUT_V1_EDL, "pilot_v1.edl");
  const a = await addNote(director(), {
    versionId: v1.id,
    body: "Open on the fog two seconds longer before the van enters. Let it breathe.",
    time: { startFrame: 0, endFrame: 119 },
    category: NoteCategory.PACING,
    assigneeId: users.EDITOR.id,
  });
  await replyToNote(editor(), a.id, "Extended by 48 frames in v2.");
  await setNoteStatus(editor(), a.id, NoteStatus.RESOLVED);
  const b = await addNote(as(users, Role.SHOWRUNNER), {
    versionId: v1.id,
    body: "June's reaction at the red light is the heart of the scene; stay on her close-up.",
    time: { startFrame: 300, endFrame: 372 },
    category: NoteCategory.PERFORMANCE,
  });
  await replyToNote(editor(), b.id, "Alt take 3 has a longer hold. Swapping it in.");
  await replyToNote(director(), b.id, "Agreed, take 3.");
  await setNoteStatus(editor(), b.id, NoteStatus.IN_PROGRESS);
  await addNote(as(users, Role.PRODUCER), {
    versionId: v1.id,
    body: "Burned-in timecode flickers around here. Check the export settings. @editor",
    time: { startFrame: 612 },
    category: NoteCategory.VFX,
  });
  await submitForReview(editor(), v1.id);
  await reviewVersion(
    director(),
    v1.id,
    ReviewDecision.REQUEST_CHANGES,
    "Pacing in the first minute; see notes.",
  );

  const v2 = await addVersion(editor(), { assetId: asset.id, mediaUrl: `${MEDIA}/cut-v2.webm`, ...timing });
  // Attaching v2's edit conforms v1's open notes onto it (the red light's note follows the shot).
  await edl(v2.id, DEMO_CUT_V2_EDL, "pilot_v2.edl");
  const c = await addNote(director(), {
    versionId: v2.id,
    body: "Much better. The montage could lose one beat: the batter shot repeats.",
    time: { startFrame: 480, endFrame: 600 },
    category: NoteCategory.PACING,
  });
  await replyToNote(editor(), c.id, "Trimmed 12 frames; will show in v3 if needed.");
  await addNote(as(users, Role.EXECUTIVE), {
    versionId: v2.id,
    body: "Title card feels small on a phone screen.",
    time: { startFrame: 24 },
    category: NoteCategory.OTHER,
  });
  await submitForReview(editor(), v2.id);
  await reviewVersion(director(), v2.id, ReviewDecision.APPROVE, "Director approves; over to Maya.");
  return { cutV1: v1.id, cutV2: v2.id };
}

/** Deletes the demo production(s) and accounts, with everything that hangs off them. */
export async function removeDemo(): Promise<void> {
  const users = await UserModel.find({ email: { $in: DEMO_USERS.map((u) => u.email) } }, { _id: 1 }).lean();
  const userIds = users.map((u) => u._id);
  const productions = await ProductionModel.find(
    { createdBy: { $in: userIds }, title: DEMO_TITLE },
    { _id: 1 },
  ).lean();
  const pids: Types.ObjectId[] = productions.map((p) => p._id);
  // One transaction: a reset that dies half-way leaves the old demo whole, not a torn one.
  await runCommand("seed/remove-demo", async ({ session }) => {
    const byProduction = { productionId: { $in: pids } };
    // One after the other: a transaction's session runs one operation at a time.
    await MembershipModel.deleteMany(byProduction, { session });
    await EpisodeModel.deleteMany(byProduction, { session });
    await AssetModel.deleteMany(byProduction, { session });
    await VersionModel.deleteMany(byProduction, { session });
    await NoteModel.deleteMany(byProduction, { session });
    await ReplyModel.deleteMany(byProduction, { session });
    await ReviewModel.deleteMany(byProduction, { session });
    await EventModel.deleteMany(byProduction, { session });
    await ProductionModel.deleteMany({ _id: { $in: pids } }, { session });
    // Memberships of demo users in other productions go too: the accounts no longer exist.
    await MembershipModel.deleteMany({ userId: { $in: userIds } }, { session });
    await UserModel.deleteMany({ _id: { $in: userIds } }, { session });
  });
  membershipCache.clear();
  versionCache.clear();
}

export function printAccounts(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const rows = DEMO_USERS.map((u) => [u.role, u.email, u.name]);
  const widths = [14, 28, 14];
  const fmt = (r: string[]) => `  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")}`.trimEnd();
  write(`Demo production "${DEMO_TITLE}" - accounts (password for all: ${DEMO_PASSWORD})`);
  write(fmt(["ROLE", "EMAIL", "NAME"]));
  for (const r of rows) write(fmt(r));
}

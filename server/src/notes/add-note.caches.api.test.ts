import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { MembershipModel } from "../productions/membership.model.js";
import { membershipCache } from "../productions/membership-cache.js";
import {
  type BuiltProduction,
  buildNote,
  buildProduction,
  buildVersion,
  gqlAs,
} from "../test/domain-factories.js";
import { errorCode, startTestServer, type TestServer, writeOutsideCommands } from "../test/harness.js";
import { countDbOps } from "../test/roundtrips.js";
import { versionCache } from "../versions/version-cache.js";
import { VersionStatus } from "../versions/version.enums.js";
import { VersionModel } from "../versions/version.model.js";
import { NoteModel } from "./note.model.js";

/**
 * addNote's checks read its version and the author's membership from the process's caches
 * (versions/version-cache.ts, productions/membership-cache.ts), which the change stream keeps up:
 * these are the write-cost cut (#19) and what keeps it honest.
 */
let server: TestServer;
let prod: BuiltProduction;
beforeAll(async () => {
  server = await startTestServer();
  prod = await buildProduction(server, { members: { EDITOR: 2 } });
});
afterAll(async () => server?.close());

const ADD = `mutation($v: ID!) { addNote(input: { versionId: $v, body: "n", time: { startFrame: 1 } }) { id } }`;

describe("addNote's caches", () => {
  it("a member's next note reads neither its version nor the membership again", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    await buildNote(server, prod.as("EDITOR"), versionId);
    const { log } = await countDbOps(() => buildNote(server, prod.as("EDITOR"), versionId));
    expect(log.filter((op) => op.startsWith("memberships.") || /^versions\.find/.test(op))).toEqual([]);
    // The writes themselves: the note, the counters (with the status check), the seq, the event.
    expect(log).toEqual([
      "notes.insertOne",
      "versions.updateOne",
      "productions.findOneAndUpdate",
      "events.insertMany",
    ]);
  });

  it("a member removed by another process is refused once its change arrives", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    const editor = prod.as("EDITOR", 1);
    await buildNote(server, editor, versionId);
    const key = `${prod.id}:${editor.user.id}`;
    expect(membershipCache.get(key)).not.toBeNull();
    // What the other process's removeMember commits; this process hears of it on its change stream.
    await writeOutsideCommands(() =>
      MembershipModel.deleteOne({ productionId: prod.id, userId: editor.user.id }),
    );
    await vi.waitFor(() => expect(membershipCache.get(key)).toBeNull(), { timeout: 10_000 });
    expect(errorCode(await gqlAs(server, editor, ADD, { v: versionId }))).toBe("NOT_FOUND");
  });

  it("a version the cache still shows open but that is locked: CONFLICT from the transaction, no note", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    await buildNote(server, prod.as("EDITOR"), versionId);
    const open = await VersionModel.findById(versionId).lean();
    // Locked by another process; the stale copy stands for a change that has not arrived yet.
    await writeOutsideCommands(() =>
      VersionModel.updateOne({ _id: versionId }, { $set: { status: VersionStatus.LOCKED } }),
    );
    await vi.waitFor(() => expect(versionCache.get(versionId)?.status).toBe(VersionStatus.LOCKED), {
      timeout: 10_000,
    });
    versionCache.set(open as NonNullable<typeof open>, versionCache.mark());
    expect(versionCache.get(versionId)?.status).not.toBe(VersionStatus.LOCKED);
    const before = await NoteModel.countDocuments({ versionId: new Types.ObjectId(versionId) });
    expect(errorCode(await gqlAs(server, prod.as("EDITOR"), ADD, { v: versionId }))).toBe("CONFLICT");
    expect(await NoteModel.countDocuments({ versionId: new Types.ObjectId(versionId) })).toBe(before);
  });
});

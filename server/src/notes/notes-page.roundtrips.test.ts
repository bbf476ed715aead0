import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import { type BuiltProduction, buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { startTestServer, type TestServer, writeOutsideCommands } from "../test/harness.js";
import { NoteStatus } from "./note.enums.js";
import { recountNotes } from "./note-counters.js";
import { NoteModel } from "./note.model.js";
import { ReplyModel } from "./reply.model.js";
import { NOTES_PAGE_QUERY } from "../test/notes-page.query.js";
import { countDbOps } from "../test/roundtrips.js";

let server: TestServer;
let prod: BuiltProduction;
let versionId: string;

beforeAll(async () => {
  server = await startTestServer();
  prod = await buildProduction(server, {
    members: { DIRECTOR: 1, EDITOR: 2, SOUND_DESIGNER: 1, PRODUCER: 1, WRITER: 1 },
  });
  const { versionId: vid } = await buildVersion(server, prod, AssetKind.CUT, { durationFrames: 100_000 });
  versionId = vid;
  // Bulk-insert 60 notes by 6 authors, each with two replies by other members.
  const authors = [Role.SHOWRUNNER, Role.DIRECTOR, Role.EDITOR, Role.SOUND_DESIGNER, Role.PRODUCER].map((r) =>
    prod.as(r),
  );
  authors.push(prod.as(Role.EDITOR, 1));
  const v = new Types.ObjectId(versionId);
  const version = await NoteModel.db.collection("versions").findOne({ _id: v });
  const now = Date.now();
  const notes = Array.from({ length: 60 }, (_, i) => ({
    _id: new Types.ObjectId(),
    versionId: v,
    assetId: version?.assetId,
    productionId: version?.productionId,
    authorId: new Types.ObjectId(authors[i % authors.length]?.user.id),
    authorRole: Role.EDITOR,
    body: `Note ${i}`,
    anchor: {
      type: "TIME",
      startFrame: i * 10,
      endFrame: i * 10 + 5,
      startTimecode: "x",
      endTimecode: "y",
      stem: null,
    },
    status: NoteStatus.OPEN,
    replyCount: 2,
    createdAt: new Date(now + i),
    updatedAt: new Date(now + i),
  }));
  await writeOutsideCommands(() => NoteModel.insertMany(notes));
  await writeOutsideCommands(() =>
    ReplyModel.insertMany(
      notes.flatMap((n, i) =>
        [1, 2].map((k) => ({
          noteId: n._id,
          versionId: v,
          productionId: n.productionId,
          // The second reply is always by someone who wrote no note: a second batch of users.
          authorId: new Types.ObjectId(
            k === 2 ? prod.as(Role.WRITER).user.id : authors[(i + k) % authors.length]?.user.id,
          ),
          authorRole: Role.DIRECTOR,
          body: `Reply ${k}`,
          createdAt: new Date(now + i),
        })),
      ),
    ),
  );
  await recountNotes(v); // bulk inserts bypass the services' counters
});
afterAll(() => server?.close());

async function pageOps(first: number, after: string | null = null) {
  const { result, ops, log } = await countDbOps(() =>
    gqlAs<{
      version: { notes: { edges: { node: { replies: unknown[] } }[]; pageInfo: { endCursor: string } } };
    }>(server, prod.as(Role.EDITOR), NOTES_PAGE_QUERY, { v: versionId, first, after }),
  );
  expect(result.body.errors).toBeUndefined();
  return { ops, log, data: result.body.data };
}

describe("a notes page costs a constant number of round trips", () => {
  it("is the same for 10 and 50 notes, and small", async () => {
    // The first request of a token also reads its session and user (then cached per token, see
    // auth/identity-cache.ts): warm that up so both measured pages start alike.
    await pageOps(1);
    const ten = await pageOps(10);
    const fifty = await pageOps(50);
    expect(ten.data?.version.notes.edges).toHaveLength(10);
    expect(fifty.data?.version.notes.edges).toHaveLength(50);
    expect(fifty.data?.version.notes.edges[0]?.node.replies).toHaveLength(2);
    expect(fifty.ops, fifty.log.join(", ")).toBe(ten.ops);
    // versions, memberships, notes page, users (note authors), replies, users (reply authors not
    // already loaded); + sessions and users (viewer) for a token the identity cache has not seen
    expect(fifty.ops, fifty.log.join(", ")).toBeLessThanOrEqual(8);
    if (process.env.SHOW_ROUNDTRIPS) console.log(fifty.log.join(", "));
  });

  it("stays constant with a cursor", async () => {
    const first = await pageOps(5);
    const ten = await pageOps(10, first.data?.version.notes.pageInfo.endCursor ?? null);
    const fifty = await pageOps(50, first.data?.version.notes.pageInfo.endCursor ?? null);
    expect(fifty.ops, fifty.log.join(", ")).toBe(ten.ops);
    expect(fifty.ops, fifty.log.join(", ")).toBeLessThanOrEqual(9); // + the cursor's note
  });
});

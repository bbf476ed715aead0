import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { type BuiltUser, buildUser } from "../test/factories.js";
import { addMember, buildNote, buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { errorCode, expectData, writeOutsideCommands } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";
import { ProductionStage, Role } from "../productions/production.enums.js";
import { ProductionModel } from "../productions/production.model.js";
import { encodeEventCursor, tryDecodeEventCursor } from "./event.cursor.js";
import { EventType } from "./event.enums.js";
import { EventModel } from "./event.model.js";

const world = useProductionWorld({ DIRECTOR: 1, EDITOR: 1 });

const EVENTS = `query($p: ID!, $a: String, $f: Int) { production(id: $p) { events(after: $a, first: $f) {
  id cursor type at productionId
  actor { id }
  note { id body }
  reply { id body }
  version { id status }
  review { id decision role reviewer { id } }
  asset { id kind }
  member { role user { id } }
  stage
  episode { id number }
} } }`;
type Ev = {
  id: string;
  cursor: string;
  type: string;
  actor: { id: string } | null;
  note: { id: string } | null;
  reply: { id: string } | null;
  version: { id: string; status: string } | null;
  review: { decision: string; role: string } | null;
  asset: { id: string; kind: string } | null;
  member: { role: string; user: { id: string } } | null;
  stage: string | null;
  episode: { number: number } | null;
};

async function events(user: BuiltUser, productionId: string, after?: string | null, first?: number) {
  const res = await gqlAs<{ production: { events: Ev[] } }>(world.server, user, EVENTS, {
    p: productionId,
    a: after,
    f: first,
  });
  return expectData(res).production.events;
}

describe("Production.events", () => {
  it("records one event per change, in order, with payloads resolved like queries", async () => {
    const p = await buildProduction(world.server);
    const sr = p.showrunner;
    const director = await buildUser(world.server);
    await addMember(world.server, sr, p.id, director, Role.DIRECTOR);
    await gqlAs(
      world.server,
      sr,
      `mutation($p: ID!) { setProductionStage(productionId: $p, stage: POST_PRODUCTION) { id } }`,
      { p: p.id },
    );
    await gqlAs(
      world.server,
      sr,
      `mutation($p: ID!) { setProductionStage(productionId: $p, stage: POST_PRODUCTION) { id } }`,
      { p: p.id },
    );
    await gqlAs(
      world.server,
      sr,
      `mutation($p: ID!) { addEpisode(productionId: $p, number: 101, title: "Pilot") { id } }`,
      { p: p.id },
    );
    const { assetId, versionId } = await buildVersion(world.server, p, AssetKind.CUT);
    const noteId = await buildNote(world.server, director, versionId);
    await gqlAs(world.server, sr, `mutation($n: ID!) { replyToNote(noteId: $n, body: "On it") { id } }`, {
      n: noteId,
    });
    await gqlAs(
      world.server,
      sr,
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: RESOLVED) { id } }`,
      {
        n: noteId,
      },
    );
    await gqlAs(
      world.server,
      sr,
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: RESOLVED) { id } }`,
      {
        n: noteId,
      },
    );
    await gqlAs(
      world.server,
      director,
      `mutation($n: ID!) { editNote(input: { noteId: $n, body: "Edited" }) { id } }`,
      { n: noteId },
    );
    await gqlAs(world.server, sr, `mutation($v: ID!) { submitForReview(versionId: $v) { id } }`, {
      v: versionId,
    });
    await gqlAs(
      world.server,
      director,
      `mutation($v: ID!) { reviewVersion(versionId: $v, decision: APPROVE) { id } }`,
      { v: versionId },
    );
    await gqlAs(
      world.server,
      sr,
      `mutation($v: ID!) { reviewVersion(versionId: $v, decision: APPROVE) { id } }`,
      {
        v: versionId,
      },
    );
    await gqlAs(world.server, sr, `mutation($v: ID!) { lockVersion(versionId: $v) { id } }`, {
      v: versionId,
    });
    // A locked version's notes cannot be deleted (CONFLICT): nothing is recorded.
    expect(
      errorCode(
        await gqlAs(world.server, director, `mutation($n: ID!) { deleteNote(noteId: $n) { id } }`, {
          n: noteId,
        }),
      ),
    ).toBe("CONFLICT");
    const other = await buildVersion(world.server, p, AssetKind.MIX);
    const doomed = await buildNote(world.server, director, other.versionId);
    await gqlAs(world.server, director, `mutation($n: ID!) { deleteNote(noteId: $n) { id } }`, { n: doomed });
    await gqlAs(
      world.server,
      sr,
      `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`,
      {
        p: p.id,
        u: director.user.id,
      },
    );

    const list = await events(sr, p.id, null, 100);
    expect(list.map((e) => e.type)).toEqual([
      "MEMBER_ADDED",
      "STAGE_CHANGED",
      "EPISODE_ADDED",
      "ASSET_CREATED",
      "VERSION_ADDED",
      "NOTE_ADDED",
      "REPLY_ADDED",
      "NOTE_STATUS_CHANGED",
      "NOTE_UPDATED",
      "REVIEW_REQUESTED",
      "VERSION_STATUS_CHANGED",
      "REVIEW_DECIDED",
      "REVIEW_DECIDED",
      "VERSION_STATUS_CHANGED",
      "VERSION_STATUS_CHANGED",
      "ASSET_CREATED",
      "VERSION_ADDED",
      "NOTE_ADDED",
      "NOTE_DELETED",
      "MEMBER_REMOVED",
    ]);
    const [added, stage, episode, asset, version, note, reply] = list;
    expect(added?.member).toEqual({ role: "DIRECTOR", user: { id: director.user.id } });
    expect(added?.actor).toEqual({ id: sr.user.id });
    expect(stage?.stage).toBe("POST_PRODUCTION");
    expect(episode?.episode).toEqual({ id: expect.any(String), number: 101 });
    expect(asset?.asset).toEqual({ id: assetId, kind: "CUT" });
    expect(version?.version?.id).toBe(versionId);
    expect(note?.note?.id).toBe(noteId);
    expect(note?.actor?.id).toBe(director.user.id);
    expect(reply?.reply?.id).toEqual(expect.any(String));
    expect(reply?.note?.id).toBe(noteId);
    expect(list[11]?.review).toMatchObject({ decision: "APPROVE", role: "DIRECTOR" });
    expect(list[13]?.version?.status).toBe("LOCKED"); // payloads are read now, not snapshotted
    expect(list.at(-1)?.member?.user.id).toBe(director.user.id);
    // One seq per event, in commit order, with no gap.
    const seqs = list.map((e) => tryDecodeEventCursor(e.cursor, p.id));
    expect(seqs).toEqual(list.map((_, i) => i + 1));
  });

  it("pages strictly after the cursor, oldest first", async () => {
    const p = await buildProduction(world.server);
    for (let n = 1; n <= 7; n++) {
      await gqlAs(
        world.server,
        p.showrunner,
        `mutation($p: ID!, $n: Int!) { addEpisode(productionId: $p, number: $n, title: "E") { id } }`,
        {
          p: p.id,
          n,
        },
      );
    }
    const all = await events(p.showrunner, p.id);
    expect(all.map((e) => e.episode?.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const pages: number[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await events(p.showrunner, p.id, after, 3);
      if (page.length === 0) break;
      pages.push(page.map((e) => e.episode?.number ?? 0));
      after = page.at(-1)?.cursor ?? null;
    }
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("rejects first out of range and unknown cursors", async () => {
    const other = await buildProduction(world.server);
    await gqlAs(
      world.server,
      other.showrunner,
      `mutation($p: ID!) { addEpisode(productionId: $p, number: 1, title: "E") { id } }`,
      { p: other.id },
    );
    const foreign = (await events(other.showrunner, other.id))[0]?.cursor;
    const q = (vars: Record<string, unknown>) =>
      gqlAs(
        world.server,
        world.prod.showrunner,
        `query($p: ID!, $a: String, $f: Int) { production(id: $p) { events(after: $a, first: $f) { cursor } } }`,
        { p: world.prod.id, ...vars },
      );
    for (const vars of [
      { f: 0 },
      { f: 501 },
      { a: "nope" },
      { a: foreign },
      { a: encodeEventCursor(world.prod.id, 10_000) },
      { a: "" },
    ]) {
      expect(errorCode(await q(vars)), JSON.stringify(vars)).toBe("BAD_USER_INPUT");
    }
    const ok = await q({ f: 500 });
    expect(ok.body.errors).toBeUndefined();
  });

  it("waits at a fresh gap and skips it once it is older than the settle window", async () => {
    const p = await buildProduction(world.server);
    const pid = new Types.ObjectId(p.id);
    // Simulate a writer that allocated seq 2 but has not inserted yet, while seq 3 is visible.
    await gqlAs(
      world.server,
      p.showrunner,
      `mutation($p: ID!) { addEpisode(productionId: $p, number: 1, title: "E") { id } }`,
      { p: p.id },
    );
    await writeOutsideCommands(() => ProductionModel.updateOne({ _id: pid }, { $inc: { eventSeq: 2 } }));
    await writeOutsideCommands(() =>
      EventModel.create({
        productionId: pid,
        seq: 3,
        type: EventType.STAGE_CHANGED,
        at: new Date(),
        stage: ProductionStage.FILMING,
      }),
    );
    expect((await events(p.showrunner, p.id)).map((e) => e.type)).toEqual(["EPISODE_ADDED"]);
    // The same situation, but the missing seq was allocated long ago: it is skipped.
    await writeOutsideCommands(() =>
      EventModel.updateOne({ productionId: pid, seq: 3 }, { $set: { at: new Date(Date.now() - 60_000) } }),
    );
    expect((await events(p.showrunner, p.id)).map((e) => e.type)).toEqual(["EPISODE_ADDED", "STAGE_CHANGED"]);
  });

  it("gives concurrent writers unique consecutive seqs, each event once", async () => {
    const p = await buildProduction(world.server, { members: { EDITOR: 1, DIRECTOR: 1 } });
    const { versionId } = await buildVersion(world.server, p, AssetKind.CUT);
    const before = (await events(p.showrunner, p.id, null, 100)).length;
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        buildNote(world.server, i % 2 ? p.as("EDITOR") : p.as("DIRECTOR"), versionId, {
          time: { startFrame: i },
        }),
      ),
    );
    const list = await events(p.showrunner, p.id, null, 100);
    const added = list.slice(before);
    expect(added.map((e) => e.type)).toEqual(ids.map(() => "NOTE_ADDED"));
    expect(new Set(added.map((e) => e.note?.id))).toEqual(new Set(ids));
    expect(list.map((e) => tryDecodeEventCursor(e.cursor, p.id))).toEqual(list.map((_, i) => i + 1));
  });

  it("hides events from non-members", async () => {
    const outsider = await buildUser(world.server);
    const res = await gqlAs<{ production: unknown }>(world.server, outsider, EVENTS, { p: world.prod.id });
    expect(res.body.data?.production).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { type BuiltUser, buildUser } from "../test/factories.js";
import {
  ALL_ROLES_ONCE,
  type BuiltProduction,
  buildNote,
  buildProduction,
  buildVersion,
  gqlAs,
  setVersionStatus,
} from "../test/domain-factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";

let server: TestServer;
let prod: BuiltProduction;
let outsider: BuiltUser;
let cut: { assetId: string; versionId: string };

beforeAll(async () => {
  server = await startTestServer();
  prod = await buildProduction(server, { members: ALL_ROLES_ONCE });
  outsider = await buildUser(server);
  cut = await buildVersion(server, prod, AssetKind.CUT, { durationFrames: 100 });
});
afterAll(() => server?.close());

const ADD_NOTE = `mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`;
const MISSING = "0123456789abcdef01234567";

describe("UNAUTHENTICATED comes first", () => {
  it("beats NOT_FOUND and BAD_USER_INPUT", async () => {
    const res = await gqlAs(server, null, ADD_NOTE, { i: { versionId: MISSING, body: "" } });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });
  it("applies to a bad token", async () => {
    const res = await server.gql(ADD_NOTE, { i: { versionId: cut.versionId, body: "x" } }, { token: "nope" });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });
  it("guards queries too", async () => {
    expect(errorCode(await gqlAs(server, null, `{ productions { id } }`))).toBe("UNAUTHENTICATED");
  });
});

describe("NOT_FOUND before FORBIDDEN and input errors", () => {
  it("hides another production's version from a non-member, whatever the input", async () => {
    const res = await gqlAs(server, outsider, ADD_NOTE, { i: { versionId: cut.versionId, body: "" } });
    expect(errorCode(res)).toBe("NOT_FOUND");
  });
  it.each(["not-an-id", "", MISSING, "aaaaaaaaaaaa"])(
    "treats id %j as NOT_FOUND in mutations",
    async (id) => {
      expect(
        errorCode(await gqlAs(server, prod.showrunner, ADD_NOTE, { i: { versionId: id, body: "x" } })),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await gqlAs(
            server,
            prod.showrunner,
            `mutation($v: ID!) { submitForReview(versionId: $v) { id } }`,
            { v: id },
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await gqlAs(
            server,
            prod.showrunner,
            `mutation($p: ID!) { setProductionStage(productionId: $p, stage: FILMING) { id } }`,
            {
              p: id,
            },
          ),
        ),
      ).toBe("NOT_FOUND");
    },
  );
  it.each(["production", "asset", "version", "note"])(
    "answers null for %s(id) when malformed, missing or hidden",
    async (field) => {
      const noteId = await buildNote(server, prod.as("EDITOR"), cut.versionId);
      const own = { production: prod.id, asset: cut.assetId, version: cut.versionId, note: noteId }[field];
      for (const [user, id] of [
        [prod.showrunner, "bad"],
        [prod.showrunner, MISSING],
        [outsider, own],
      ] as const) {
        const res = await gqlAs(server, user, `query($id: ID!) { ${field}(id: $id) { id } }`, { id });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data?.[field]).toBeNull();
      }
      const mine = await gqlAs(server, prod.as("VIEWER"), `query($id: ID!) { ${field}(id: $id) { id } }`, {
        id: own,
      });
      expect(mine.body.data?.[field]).toMatchObject({ id: own });
    },
  );
  it("lists only the viewer's productions", async () => {
    const res = expectData(
      await gqlAs<{ productions: { id: string }[] }>(server, outsider, `{ productions { id } }`),
    );
    expect(res.productions.map((p) => p.id)).not.toContain(prod.id);
  });
});

describe("FORBIDDEN before BAD_USER_INPUT and CONFLICT", () => {
  it("a viewer with an invalid note gets FORBIDDEN", async () => {
    const res = await gqlAs(server, prod.as("VIEWER"), ADD_NOTE, {
      i: { versionId: cut.versionId, body: "" },
    });
    expect(errorCode(res)).toBe("FORBIDDEN");
  });
  it("a writer creating a cut with an empty title gets FORBIDDEN", async () => {
    const res = await gqlAs(
      server,
      prod.as("WRITER"),
      `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`,
      {
        i: { productionId: prod.id, kind: "CUT", title: "" },
      },
    );
    expect(errorCode(res)).toBe("FORBIDDEN");
  });
  it("reviewing a draft: FORBIDDEN for an editor, CONFLICT for the director", async () => {
    const q = `mutation($v: ID!) { reviewVersion(versionId: $v, decision: APPROVE) { id } }`;
    expect(errorCode(await gqlAs(server, prod.as("EDITOR"), q, { v: cut.versionId }))).toBe("FORBIDDEN");
    expect(errorCode(await gqlAs(server, prod.as("DIRECTOR"), q, { v: cut.versionId }))).toBe("CONFLICT");
  });
  it("locking a draft: FORBIDDEN for a producer, CONFLICT for the showrunner", async () => {
    const q = `mutation($v: ID!) { lockVersion(versionId: $v) { id } }`;
    expect(errorCode(await gqlAs(server, prod.as("PRODUCER"), q, { v: cut.versionId }))).toBe("FORBIDDEN");
    expect(errorCode(await gqlAs(server, prod.showrunner, q, { v: cut.versionId }))).toBe("CONFLICT");
  });
  it("a mix field on a cut by an allowed role is BAD_USER_INPUT", async () => {
    const res = await gqlAs(
      server,
      prod.as("EDITOR"),
      `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
      {
        i: { assetId: cut.assetId, stems: [{ stem: "MUSIC", mediaUrl: "/media/m.ogg" }] },
      },
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });
  it("BAD_USER_INPUT before CONFLICT on a locked version", async () => {
    const v = await buildVersion(server, prod, AssetKind.CUT, { durationFrames: 10 });
    await setVersionStatus(server, prod, v.versionId, "LOCKED");
    const q = (time: Record<string, unknown>) =>
      gqlAs(server, prod.as("EDITOR"), ADD_NOTE, { i: { versionId: v.versionId, body: "x", time } });
    expect(errorCode(await q({ startFrame: 10 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await q({ startFrame: 1 }))).toBe("CONFLICT");
  });
});

describe("addMember looks at the email only after the role check", () => {
  const add = (user: BuiltUser | null, email: string, productionId = prod.id) =>
    gqlAs(
      server,
      user,
      `mutation($p: ID!, $e: String!) { addMember(productionId: $p, email: $e, role: VIEWER) { role } }`,
      {
        p: productionId,
        e: email,
      },
    );
  it("FORBIDDEN for an editor even with an unknown email", async () => {
    expect(errorCode(await add(prod.as("EDITOR"), "nobody@nowhere.test"))).toBe("FORBIDDEN");
  });
  it("NOT_FOUND for a non-member, and for an email without an account", async () => {
    expect(errorCode(await add(outsider, "nobody@nowhere.test"))).toBe("NOT_FOUND");
    expect(errorCode(await add(prod.showrunner, "nobody@nowhere.test"))).toBe("NOT_FOUND");
  });
  it("CONFLICT when already a member (email case-insensitive)", async () => {
    expect(errorCode(await add(prod.as("PRODUCER"), prod.as("EDITOR").email.toUpperCase()))).toBe("CONFLICT");
  });
});

describe("other input and state rules", () => {
  it("validates production titles and kinds", async () => {
    const q = `mutation($i: CreateProductionInput!) { createProduction(input: $i) { title kind stage myRole } }`;
    expect(errorCode(await gqlAs(server, outsider, q, { i: { title: "  " } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gqlAs(server, outsider, q, { i: { title: "x".repeat(201) } }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(
      expectData(await gqlAs(server, outsider, q, { i: { title: " Night Shift ", kind: "FILM" } })),
    ).toEqual({
      createProduction: { title: "Night Shift", kind: "FILM", stage: "DEVELOPMENT", myRole: "SHOWRUNNER" },
    });
  });
  it("refuses duplicate episode numbers", async () => {
    const q = `mutation($p: ID!) { addEpisode(productionId: $p, number: 7, title: "Seven") { number } }`;
    expect(errorCode(await gqlAs(server, prod.showrunner, q, { p: prod.id }))).toBeUndefined();
    expect(errorCode(await gqlAs(server, prod.as("PRODUCER"), q, { p: prod.id }))).toBe("CONFLICT");
  });
  it("keeps the last showrunner", async () => {
    const p = await buildProduction(server, { members: { PRODUCER: 1 } });
    const q = `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`;
    expect(errorCode(await gqlAs(server, p.showrunner, q, { p: p.id, u: p.showrunner.user.id }))).toBe(
      "CONFLICT",
    );
    // A producer may not remove a showrunner at all (FORBIDDEN comes before CONFLICT).
    expect(errorCode(await gqlAs(server, p.as("PRODUCER"), q, { p: p.id, u: p.showrunner.user.id }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await gqlAs(server, p.as("PRODUCER"), q, { p: p.id, u: MISSING }))).toBe("NOT_FOUND");
  });
  it("rejects an episode of another production", async () => {
    const other = await buildProduction(server);
    const ep = expectData(
      await gqlAs<{ addEpisode: { id: string } }>(
        server,
        other.showrunner,
        `mutation($p: ID!) { addEpisode(productionId: $p, number: 1, title: "One") { id } }`,
        { p: other.id },
      ),
    ).addEpisode.id;
    const res = await gqlAs(
      server,
      prod.showrunner,
      `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`,
      {
        i: { productionId: prod.id, kind: "CUT", title: "Cut", episodeId: ep },
      },
    );
    expect(errorCode(res)).toBe("NOT_FOUND");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import {
  type Actor,
  addMember,
  type BuiltProduction,
  expectedCode,
  gqlAs,
  buildMatrixWorld,
} from "../test/domain-factories.js";
import { errorCode, type TestServer } from "../test/harness.js";
import { Role } from "./production.enums.js";

let server: TestServer;
let prod: BuiltProduction;
let actors: Actor[];

beforeAll(async () => {
  ({ server, prod, actors } = await buildMatrixWorld());
});
afterAll(() => server?.close());

const MANAGERS = [Role.SHOWRUNNER, Role.PRODUCER];
const labels = [...Object.values(Role), "NON_MEMBER", "SIGNED_OUT"];
const actor = (label: string) => actors.find((a) => a.label === label) as Actor;

describe("addMember: SHOWRUNNER, PRODUCER", () => {
  it.each(labels)("%s", async (label) => {
    const a = actor(label);
    const newcomer = await buildUser(server);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($p: ID!, $e: String!) { addMember(productionId: $p, email: $e, role: EDITOR) { role user { id } } }`,
      { p: prod.id, e: newcomer.email },
    );
    expect(errorCode(res)).toBe(expectedCode(a, MANAGERS));
  });
});

describe("setProductionStage: SHOWRUNNER, PRODUCER", () => {
  it.each(labels)("%s", async (label) => {
    const a = actor(label);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($p: ID!) { setProductionStage(productionId: $p, stage: FILMING) { stage } }`,
      {
        p: prod.id,
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, MANAGERS));
  });
});

describe("addEpisode: SHOWRUNNER, PRODUCER", () => {
  let n = 100;
  it.each(labels)("%s", async (label) => {
    const a = actor(label);
    n++;
    const res = await gqlAs(
      server,
      a.user,
      `mutation($p: ID!, $n: Int!) { addEpisode(productionId: $p, number: $n, title: "Ep") { number } }`,
      {
        p: prod.id,
        n,
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, MANAGERS));
  });
});

describe("removeMember: SHOWRUNNER, PRODUCER", () => {
  it.each(labels)("%s", async (label) => {
    const a = actor(label);
    const leaving = await buildUser(server);
    await addMember(server, prod.showrunner, prod.id, leaving, Role.VIEWER);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`,
      {
        p: prod.id,
        u: leaving.user.id,
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, MANAGERS));
  });
});

// Issue 13, finding 7: a PRODUCER gave SHOWRUNNER to an account they controlled, then removed the
// original showrunner. The showrunner's standing is now the showrunner's alone to give or take.
describe("SHOWRUNNER and PRODUCER standing: only a SHOWRUNNER grants or removes it", () => {
  const grant = (who: Actor["user"], email: string, role: Role) =>
    gqlAs(
      server,
      who,
      `mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }`,
      { p: prod.id, e: email, r: role },
    );
  const remove = (who: Actor["user"], userId: string) =>
    gqlAs(server, who, `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`, {
      p: prod.id,
      u: userId,
    });

  it.each(labels)("granting SHOWRUNNER as %s", async (label) => {
    const a = actor(label);
    const res = await grant(a.user, (await buildUser(server)).email, Role.SHOWRUNNER);
    expect(errorCode(res)).toBe(expectedCode(a, [Role.SHOWRUNNER]));
  });

  it.each(labels)("removing a PRODUCER as %s", async (label) => {
    const a = actor(label);
    const target = await buildUser(server);
    await addMember(server, prod.showrunner, prod.id, target, Role.PRODUCER);
    expect(errorCode(await remove(a.user, target.user.id))).toBe(expectedCode(a, [Role.SHOWRUNNER]));
  });

  it.each(labels)("removing a second SHOWRUNNER as %s", async (label) => {
    const a = actor(label);
    const target = await buildUser(server);
    await addMember(server, prod.showrunner, prod.id, target, Role.SHOWRUNNER);
    expect(errorCode(await remove(a.user, target.user.id))).toBe(expectedCode(a, [Role.SHOWRUNNER]));
  });

  it("stops the takeover: a producer can neither promote an ally nor remove the showrunner", async () => {
    const producer = actor(Role.PRODUCER).user;
    const ally = await buildUser(server);
    expect(errorCode(await grant(producer, ally.email, Role.SHOWRUNNER))).toBe("FORBIDDEN");
    expect(errorCode(await remove(producer, prod.showrunner.user.id))).toBe("FORBIDDEN");
    // A producer still adds and removes everyone else.
    expect(errorCode(await grant(producer, ally.email, Role.EDITOR))).toBeUndefined();
    expect(errorCode(await remove(producer, ally.user.id))).toBeUndefined();
  });

  it("keeps at least one SHOWRUNNER: the last cannot be removed, even by themselves", async () => {
    const solo = await buildUser(server);
    const created = await gqlAs<{ createProduction: { id: string } }>(
      server,
      solo,
      `mutation { createProduction(input: { title: "Solo" }) { id } }`,
    );
    const soloId = created.body.data?.createProduction.id as string;
    const res = await gqlAs(
      server,
      solo,
      `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`,
      {
        p: soloId,
        u: solo.user.id,
      },
    );
    expect(errorCode(res)).toBe("CONFLICT");
  });
});

describe("viewerCan mirrors the matrix", () => {
  it.each(Object.values(Role))("%s", async (role) => {
    const res = await gqlAs<{ production: { myRole: string; viewerCan: Record<string, boolean> } }>(
      server,
      prod.as(role),
      `query($p: ID!) { production(id: $p) { myRole viewerCan { addMember setStage createScript createCut createMix addEpisode } } }`,
      { p: prod.id },
    );
    const p = res.body.data?.production;
    expect(p?.myRole).toBe(role);
    const manager = MANAGERS.includes(role);
    expect(p?.viewerCan).toEqual({
      addMember: manager,
      setStage: manager,
      addEpisode: manager,
      createScript: manager || role === Role.WRITER,
      createCut: manager || role === Role.DIRECTOR || role === Role.EDITOR,
      createMix: manager || role === Role.SOUND_DESIGNER,
    });
  });
});

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

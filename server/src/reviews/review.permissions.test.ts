import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import {
  type Actor,
  type BuiltProduction,
  buildVersion,
  expectedCode,
  gqlAs,
  setVersionStatus,
  buildMatrixWorld,
} from "../test/domain-factories.js";
import { errorCode, type TestServer } from "../test/harness.js";

let server: TestServer;
let prod: BuiltProduction;
let actors: Actor[];

beforeAll(async () => {
  ({ server, prod, actors } = await buildMatrixWorld());
});
afterAll(() => server?.close());

const APPROVERS: Record<AssetKind, Role[]> = {
  SCRIPT: [Role.SHOWRUNNER],
  CUT: [Role.DIRECTOR, Role.SHOWRUNNER],
  MIX: [Role.DIRECTOR, Role.SHOWRUNNER],
};
const cases = Object.values(AssetKind).flatMap((kind) =>
  [...Object.values(Role), "NON_MEMBER", "SIGNED_OUT"].map((label) => [kind, label] as const),
);
const actor = (label: string) => actors.find((a) => a.label === label) as Actor;

describe("reviewVersion: the kind's approving roles", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const { versionId } = await buildVersion(server, prod, kind);
    await setVersionStatus(server, prod, versionId, "IN_REVIEW");
    const res = await gqlAs(
      server,
      a.user,
      `mutation($v: ID!) { reviewVersion(versionId: $v, decision: REQUEST_CHANGES) { status } }`,
      {
        v: versionId,
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, APPROVERS[kind]));
  });
});

describe("lockVersion: SHOWRUNNER", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const { versionId } = await buildVersion(server, prod, kind);
    await setVersionStatus(server, prod, versionId, "APPROVED");
    const res = await gqlAs(server, a.user, `mutation($v: ID!) { lockVersion(versionId: $v) { status } }`, {
      v: versionId,
    });
    expect(errorCode(res)).toBe(expectedCode(a, [Role.SHOWRUNNER]));
  });
});

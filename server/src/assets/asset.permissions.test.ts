import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../productions/production.enums.js";
import {
  type Actor,
  type BuiltProduction,
  buildAsset,
  buildVersion,
  defaultVersionInput,
  expectedCode,
  gqlAs,
  buildMatrixWorld,
} from "../test/domain-factories.js";
import { errorCode, type TestServer } from "../test/harness.js";
import { AssetKind } from "./asset.enums.js";

let server: TestServer;
let prod: BuiltProduction;
let actors: Actor[];

beforeAll(async () => {
  ({ server, prod, actors } = await buildMatrixWorld());
});
afterAll(() => server?.close());

/** createAsset, addVersion, submitForReview by the asset's kind (contract role table). */
const MAKERS: Record<AssetKind, Role[]> = {
  SCRIPT: [Role.SHOWRUNNER, Role.PRODUCER, Role.WRITER],
  CUT: [Role.SHOWRUNNER, Role.PRODUCER, Role.DIRECTOR, Role.EDITOR],
  MIX: [Role.SHOWRUNNER, Role.PRODUCER, Role.SOUND_DESIGNER],
};
const cases = Object.values(AssetKind).flatMap((kind) =>
  [...Object.values(Role), "NON_MEMBER", "SIGNED_OUT"].map((label) => [kind, label] as const),
);
const actor = (label: string) => actors.find((a) => a.label === label) as Actor;

describe("createAsset", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id kind } }`,
      {
        i: { productionId: prod.id, kind, title: "T" },
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, MAKERS[kind]));
  });
});

describe("addVersion", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const assetId = await buildAsset(server, prod, kind);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($i: AddVersionInput!) { addVersion(input: $i) { number } }`,
      {
        i: { assetId, ...defaultVersionInput(kind) },
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, MAKERS[kind]));
  });
});

describe("submitForReview", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const { versionId } = await buildVersion(server, prod, kind);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($v: ID!) { submitForReview(versionId: $v) { status } }`,
      { v: versionId },
    );
    expect(errorCode(res)).toBe(expectedCode(a, MAKERS[kind]));
  });
});

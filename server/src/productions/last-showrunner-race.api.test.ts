import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProduction, gqlAs } from "../test/domain-factories.js";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";
import { MembershipModel } from "./membership.model.js";
import { Role } from "./production.enums.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const REMOVE = `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`;

describe("the last showrunner under concurrency", () => {
  it("two showrunners removing each other at once: exactly one wins, the other is CONFLICT or NOT_FOUND", async () => {
    for (let round = 0; round < 4; round++) {
      const prod = await buildProduction(server, { members: { SHOWRUNNER: 2 } });
      const a = prod.as("SHOWRUNNER", 0);
      const b = prod.as("SHOWRUNNER", 1);
      // Both pass their checks outside the transaction (two showrunners each); the count inside
      // the transaction decides.
      const results = await Promise.all([
        gqlAs(server, a, REMOVE, { p: prod.id, u: b.user.id }),
        gqlAs(server, b, REMOVE, { p: prod.id, u: a.user.id }),
      ]);
      const codes = results.map((r) => errorCode(r) ?? "OK").sort();
      // The loser is CONFLICT when both transactions overlap, and NOT_FOUND when the winner had
      // already committed before the loser's request was checked: it is then no longer a member,
      // and a production is not found by non-members. Either way exactly one removal wins.
      expect(codes).toHaveLength(2);
      expect(codes[1]).toBe("OK");
      expect(["CONFLICT", "NOT_FOUND"]).toContain(codes[0]);
      const left = await MembershipModel.countDocuments({ productionId: prod.id, role: Role.SHOWRUNNER });
      expect(left).toBe(1);
    }
  }, 60_000);
});

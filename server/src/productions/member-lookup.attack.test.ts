import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltProduction, buildProduction, gqlAs } from "../test/domain-factories.js";
import { buildUser, uniqueEmail } from "../test/factories.js";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";

// Issue 13, finding 15: addMember's NOT_FOUND tells its caller which emails have accounts, and
// anyone may create a production to call it. The answers about unknown emails are now bounded per
// acting user (ADD_MEMBER_MAX_UNKNOWN per SIGNIN_WINDOW_SECONDS); adding real accounts is not.
const ADD =
  "mutation($p: ID!, $e: String!) { addMember(productionId: $p, email: $e, role: VIEWER) { role } }";

let t: TestServer;
let prod: BuiltProduction;
beforeAll(async () => {
  t = await startTestServer({ env: { ADD_MEMBER_MAX_UNKNOWN: "3" } });
  prod = await buildProduction(t, { members: { PRODUCER: 1 } });
}, 120_000);
afterAll(async () => t?.close());

const add = (who: Parameters<typeof gqlAs>[1], email: string) => gqlAs(t, who, ADD, { p: prod.id, e: email });

describe("addMember email enumeration", () => {
  it("answers at most N unknown emails per acting user, then FORBIDDEN; known ones cost nothing", async () => {
    for (let i = 0; i < 4; i++) {
      const colleague = await buildUser(t, { name: `Colleague ${i}` });
      expect(errorCode(await add(prod.showrunner, colleague.email))).toBeUndefined();
    }
    const probes = await Promise.all(
      Array.from({ length: 8 }, () => add(prod.showrunner, uniqueEmail("probe"))),
    );
    const codes = probes.map(errorCode).sort();
    expect(codes.filter((c) => c === "NOT_FOUND")).toHaveLength(3);
    expect(codes.filter((c) => c === "FORBIDDEN")).toHaveLength(5);
    // Another user's budget is their own (the producer of the same production).
    expect(errorCode(await add(prod.as("PRODUCER"), uniqueEmail("probe")))).toBe("NOT_FOUND");
  });
});

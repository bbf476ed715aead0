import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, uniqueEmail } from "../test/factories.js";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { SIGNIN_MAX_FAILURES_PER_EMAIL: "3", SIGNIN_MAX_FAILURES_PER_IP: "6" } });
});
afterAll(async () => {
  await t?.close();
});

describe("sign-in throttling", () => {
  it("refuses an email after N failures, even with the right password, with retryAfterSeconds", async () => {
    const u = await buildUser(t);
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(SIGN_IN, { email: u.email, password: "wrong password" });
      expect(res.body.errors?.[0]?.message).toBe("Wrong email or password.");
    }
    const blocked = await t.gql(SIGN_IN, { email: u.email, password: u.password });
    expect(errorCode(blocked)).toBe("UNAUTHENTICATED");
    expect(blocked.body.errors?.[0]?.message).toMatch(/Too many failed sign-in attempts; retry in \d+s/);
    expect(blocked.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refuses a client IP after M failures across emails", async () => {
    // 3 failures so far from this IP (previous test); 3 more on other emails reach the limit of 6.
    await t.gql(SIGN_IN, { email: uniqueEmail(), password: "wrong password" });
    await t.gql(SIGN_IN, { email: uniqueEmail(), password: "wrong password" });
    await t.gql(SIGN_IN, { email: uniqueEmail(), password: "wrong password" });
    const fresh = await buildUser(t);
    const res = await t.gql(SIGN_IN, { email: fresh.email, password: fresh.password });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("sign-in throttling across server processes", () => {
  it("counts failures made on another server sharing the database", async () => {
    // Config is process-wide, so from here on both servers allow 1000 failures per IP.
    const other = await startTestServer({
      env: { SIGNIN_MAX_FAILURES_PER_EMAIL: "3", SIGNIN_MAX_FAILURES_PER_IP: "1000" },
    });
    try {
      const u = await buildUser(other);
      await other.gql(SIGN_IN, { email: u.email, password: "wrong password" });
      await other.gql(SIGN_IN, { email: u.email, password: "wrong password" });
      await t.gql(SIGN_IN, { email: u.email, password: "wrong password" });
      const res = await other.gql(SIGN_IN, { email: u.email, password: u.password });
      expect(res.body.errors?.[0]?.message).toMatch(/Too many failed sign-in attempts/);
    } finally {
      await other.close();
    }
  });
});

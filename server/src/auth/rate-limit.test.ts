import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, uniqueEmail } from "../test/factories.js";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";
import { scheduleMs } from "./rate-limit.js";

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`;
const WRONG = "Wrong email or password.";
const TOO_MANY = /^Too many failed sign-in attempts; retry in \d+s\.$/;

// TRUST_PROXY: each test signs in from its own client address (X-Forwarded-For), so they do not
// share the per-address counters.
const ENV = {
  TRUST_PROXY: "true",
  SIGNIN_FREE_FAILURES: "5",
  // A first wait far longer than a test takes, so "not yet" never depends on timing.
  SIGNIN_FIRST_DELAY_SECONDS: "30",
  SIGNIN_MAX_DELAY_SECONDS: "120",
  SIGNIN_MAX_FAILURES_PER_IP: "20",
  SIGNUP_MAX_PER_IP: "10", // buildUser signs up from loopback, a few times
};
let t: TestServer;
let other: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: ENV });
  other = await startTestServer({ env: ENV }); // a second process on the same database
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

let ips = 0;
const newIp = () => `203.0.113.${++ips}`;
const signIn = (s: TestServer, ip: string, email: string, password: string) =>
  s.gql(SIGN_IN, { email, password }, { headers: { "x-forwarded-for": ip } });
const messages = (res: Awaited<ReturnType<typeof signIn>>[]) => res.map((r) => r.body.errors?.[0]?.message);

// Under CI load 100 parallel requests and a few scrypt runs passed the 20 s default.
describe("sign-in throttling (issue 13, findings 6 and 15)", { timeout: 60_000 }, () => {
  it("progressive delay: 1 s, 2 s, 4 s ... after the free failures, at most the cap apart", () => {
    expect([5, 6, 7, 8].map((n) => scheduleMs(n, 5, 1, 60))).toEqual([0, 1_000, 3_000, 7_000]);
    expect(scheduleMs(20, 5, 1, 60) - scheduleMs(19, 5, 1, 60)).toBe(60_000);
  });

  it("checks exactly the free attempts of 100 parallel guesses for one email, split over two servers", async () => {
    const u = await buildUser(t);
    const ip = newIp();
    const res = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn(i % 2 ? other : t, ip, u.email, `wrong password ${i}`)),
    );
    const m = messages(res);
    // Only checked guesses run scrypt (WRONG), so the burst costs five password checks, not 100.
    // Before: the count was checked before failures were recorded, and 81 (one server) / 100 (two) were checked.
    expect(m.filter((x) => x === WRONG)).toHaveLength(5);
    expect(m.filter((x) => x !== undefined && TOO_MANY.test(x))).toHaveLength(95);
    expect(res.every((r) => errorCode(r) === "UNAUTHENTICATED")).toBe(true);
  });

  it("delays rather than locks out: the right password waits its turn from the attacked address and is let in from any other", async () => {
    const u = await buildUser(t);
    const attacker = newIp();
    for (let i = 0; i < 5; i++)
      expect(messages([await signIn(t, attacker, u.email, "wrong password")])[0]).toBe(WRONG);
    const waiting = await signIn(t, attacker, u.email, u.password);
    expect(errorCode(waiting)).toBe("UNAUTHENTICATED");
    const retry = waiting.body.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(30);
    const owner = await signIn(other, newIp(), u.email, u.password);
    expect(owner.body.errors).toBeUndefined();
    expect(owner.body.data).toMatchObject({ signIn: { token: expect.any(String) } });
  });

  it("caps one address's failures across emails (atomic too)", async () => {
    const ip = newIp();
    const res = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(i % 2 ? other : t, ip, uniqueEmail(), "wrong password")),
    );
    const m = messages(res);
    expect(m.filter((x) => x === WRONG)).toHaveLength(20);
    expect(m.filter((x) => x !== undefined && TOO_MANY.test(x))).toHaveLength(20);
    const fresh = await buildUser(t);
    const blocked = await signIn(t, ip, fresh.email, fresh.password);
    expect(blocked.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("a successful sign-in gives the address its attempt back and clears the pair's delay", async () => {
    const u = await buildUser(t);
    const ip = newIp();
    for (let i = 0; i < 4; i++) await signIn(t, ip, u.email, "wrong password");
    expect((await signIn(t, ip, u.email, u.password)).body.errors).toBeUndefined();
    for (let i = 0; i < 5; i++)
      expect(messages([await signIn(t, ip, u.email, "wrong password")])[0]).toBe(WRONG);
  });
});

describe("sign-up throttling (issue 13, finding 15)", { timeout: 60_000 }, () => {
  it("creates at most SIGNUP_MAX_PER_IP accounts per address, in parallel too, across servers", async () => {
    const ip = newIp();
    const res = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? other : t).gql(
          SIGN_UP,
          { input: { name: `Bulk ${i}`, email: uniqueEmail(), password: "a long passphrase here" } },
          { headers: { "x-forwarded-for": ip } },
        ),
      ),
    );
    expect(res.filter((r) => r.body.data?.signUp)).toHaveLength(10);
    const refused = res.filter((r) => errorCode(r) === "UNAUTHENTICATED");
    expect(refused).toHaveLength(20);
    expect(refused[0]?.body.errors?.[0]?.message).toMatch(
      /^Too many sign-ups from this address; retry in \d+s\.$/,
    );
    expect(refused[0]?.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const elsewhere = await t.gql(
      SIGN_UP,
      { input: { name: "Elsewhere", email: uniqueEmail(), password: "a long passphrase here" } },
      { headers: { "x-forwarded-for": newIp() } },
    );
    expect(elsewhere.body.data?.signUp).toBeTruthy();
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "../test/harness.js";

// signIn waits on a gate the test opens, so a request can be held in flight during shutdown.
const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  let entered: () => void = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  const reached = new Promise<void>((r) => {
    entered = r;
  });
  return { open: () => open(), opened, reached, entered: () => entered() };
});

vi.mock("../users/sign-in-user.command.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../users/sign-in-user.command.js")>();
  return {
    ...original,
    signInUserCommand: async () => {
      gate.entered();
      await gate.opened;
      return { token: "t", user: { id: "1", name: "N", email: "n@example.test", initials: "N" } };
    },
  };
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close().catch(() => {});
});

describe("graceful shutdown", () => {
  it("finishes in-flight requests before stopping, and accepts no new ones", async () => {
    const inFlight = t.gql<{ signIn: { token: string } }>(
      'mutation { signIn(email: "a@b.cd", password: "x") { token } }',
    );
    await gate.reached;
    let stopped = false;
    const stopping = t.app.stop().then(() => {
      stopped = true;
    });
    // The listener closes at once: a new connection is refused while the old request runs.
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    expect(stopped).toBe(false);
    gate.open();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body.data?.signIn.token).toBe("t");
    await stopping;
    expect(stopped).toBe(true);
  });
});

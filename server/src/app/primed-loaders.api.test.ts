import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import type { ExecutionScope } from "../realtime/ports.js";
import { primedLoaders } from "./primed-loaders.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("primedLoaders", () => {
  it("serves primed values without a read and lists what the executions loaded, primed or read", async () => {
    const ann = await buildUser(server);
    const scope: ExecutionScope = {
      primeCached: [
        ["userById:000000000000000000000001", { id: "000000000000000000000001", name: "Primed" }],
      ],
    };
    const loaders = primedLoaders(scope);
    expect((await loaders.userById.load("000000000000000000000001"))?.name).toBe("Primed");
    expect((await loaders.userById.load(ann.user.id))?.id).toBe(ann.user.id);
    expect(await loaders.userById.load("not-an-id")).toBeNull();
    const kept = new Map(await (scope.collect as NonNullable<ExecutionScope["collect"]>)());
    expect((kept.get(`userById:${ann.user.id}`) as { id: string }).id).toBe(ann.user.id);
    expect(kept.has("userById:000000000000000000000001")).toBe(true);
    expect(kept.has("userById:not-an-id")).toBe(false); // nothing to remember
  });
});

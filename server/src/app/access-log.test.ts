import type { IncomingMessage } from "node:http";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import { LogSink, startTestServer, type TestServer } from "../test/harness.js";
import { connectAs, openRaw } from "../test/ws-test-client.js";

const log = new LogSink();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ logTo: log });
});
afterAll(async () => {
  await t?.close();
});

const accessLine = (requestId: string | null) => (l: Record<string, unknown>) =>
  l.requestId === requestId && typeof l.durationMs === "number";

describe("access log (pino-http)", () => {
  it("one info line per GraphQL request: request id, operation, user, status, duration; no secrets", async () => {
    const u = await buildUser(t, { password: "hunter2-very-secret-pass" });
    const res = await t.gql(`query Whoami { me { id } }`, {}, { token: u.token });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await log.waitFor(accessLine(id));
    expect(line).toMatchObject({
      level: "info",
      msg: "POST /graphql 200",
      status: 200,
      operationName: "Whoami",
      operationType: "query",
      userId: u.user.id,
      req: { method: "POST", path: "/graphql" },
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(log.lines.filter(accessLine(id))).toHaveLength(1);
    // Neither the sign-up's password nor any token is anywhere in the log.
    const all = JSON.stringify(log.lines);
    expect(all).not.toContain("hunter2-very-secret-pass");
    expect(all).not.toContain(u.token);
    expect(all).not.toContain(u.token.split(".")[2] as string);
  });

  it("names the error codes of a failed operation, and keeps a proxy's request id", async () => {
    const res = await t.gql(
      `query Guarded { apiTokens { id } }`,
      {},
      { headers: { "x-request-id": "proxy-abc-123456" } },
    );
    expect(res.headers.get("x-request-id")).toBe("proxy-abc-123456");
    const line = await log.waitFor(accessLine("proxy-abc-123456"));
    expect(line).toMatchObject({ operationName: "Guarded", userId: null, errorCodes: ["UNAUTHENTICATED"] });
  });

  it("redacts a password logged in a line's fields", async () => {
    const { createLogger } = await import("../core/logger.js");
    const sink = new LogSink();
    createLogger("info", true, sink).info("x", {
      input: { password: "p4ss-w0rd!", token: "t0k" },
      authorization: "Bearer z",
    });
    expect(sink.lines[0]).toMatchObject({
      input: { password: "[redacted]", token: "[redacted]" },
      authorization: "[redacted]",
    });
  });

  it("every response carries x-request-id, /healthz and the client too, each with its line", async () => {
    for (const path of ["/healthz", "/", "/nope.js", "/graphql?query=%7B__typename%7D"]) {
      const res = await fetch(`${t.url}${path}`, { headers: { accept: "application/json" } });
      await res.arrayBuffer();
      const id = res.headers.get("x-request-id");
      expect(id, path).toBeTruthy();
      const line = await log.waitFor(accessLine(id));
      expect((line.req as { path: string }).path).toBe(path.split("?")[0]);
      expect(line.status).toBe(res.status);
    }
  });
});

describe("WebSocket lines", () => {
  it("connect and close lines with the close code and the user; the 101 carries x-request-id", async () => {
    const u = await buildUser(t);
    const c = await connectAs(t.wsUrl, u.token);
    const connect = log.lines.findLast((l) => l.msg === "ws connect");
    expect(connect?.requestId).toBeTruthy();
    await c.close();
    const close = await log.waitFor((l) => l.msg === "ws close" && l.requestId === connect?.requestId);
    expect(close).toMatchObject({ level: "info", userId: u.user.id, code: 1000 });
    expect(JSON.stringify(log.lines)).not.toContain(u.token);

    const bad = await openRaw(t.wsUrl);
    bad.send({ type: "connection_init", payload: { authorization: "Bearer nope" } });
    const { code } = await bad.closed;
    expect(code).toBe(4403);
    await log.waitFor((l) => l.msg === "ws close" && l.code === 4403 && l.userId === null);

    const raw = new WebSocket(t.wsUrl, "graphql-transport-ws");
    const upgrade = await new Promise<IncomingMessage>((resolve) => raw.once("upgrade", resolve));
    const upgradeId = upgrade.headers["x-request-id"];
    expect(upgradeId).toBeTruthy();
    await log.waitFor((l) => l.msg === "ws connect" && l.requestId === upgradeId);
    raw.close();
  });
});

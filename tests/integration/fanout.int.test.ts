import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { addNote, gql, listEvents, type User } from "./support/api.js";
import { ResumingSubscriber } from "./support/subscriber.js";
import { clusterSuite } from "./support/suite.js";

const t = clusterSuite(2);

describe("two server processes behave as one", () => {
  it("delivers every event exactly once, in Production.events order, to subscribers on both, with 4 concurrent writers on both", async () => {
    const [a] = t.cluster.urls as [string, string];
    const start = (await listEvents(a, t.setup.showrunner.token, t.setup.productionId, null)).at(-1) ?? null;
    const users = [t.setup.showrunner, ...t.setup.members];
    // Three subscribers per process: two identical (one group), one with another role.
    for (let i = 0; i < 6; i++) {
      const user = users[i % 3] as (typeof users)[number];
      const s = new ResumingSubscriber(t.wsUrls, user.token, t.setup.productionId, start, i % 2);
      t.subs.push(s);
      await s.start();
    }
    // 4 writers, alternating between the two processes, 25 notes each, concurrently.
    await Promise.all(
      users.map(async (u, w) => {
        for (let i = 0; i < 25; i++)
          await addNote(t.cluster.urls[(w + i) % 2] as string, u.token, t.setup.versionId, `w${w}-${i}`);
      }),
    );
    const expected = await listEvents(a, t.setup.showrunner.token, t.setup.productionId, start);
    expect(expected).toHaveLength(100);
    await Promise.all(t.subs.map((s) => s.waitForCursor(expected.at(-1) as string)));
    for (const s of t.subs) {
      expect(s.cursors).toEqual(expected);
      expect(s.reconnects).toBe(0);
    }
  });

  it("presence works across processes: joined on one, seen live on the other, left on the other", async () => {
    const [a, b] = t.cluster.urls as [string, string];
    const [viewer] = t.setup.members as [User];
    const socket = new WebSocket(t.wsUrls[1] as string, "graphql-transport-ws");
    const updates: Array<Array<{ user: { id: string }; frame: number | null }>> = [];
    const waiters = new Set<() => void>();
    socket.on("open", () =>
      socket.send(
        JSON.stringify({
          type: "connection_init",
          payload: { authorization: `Bearer ${t.setup.showrunner.token}` },
        }),
      ),
    );
    socket.on("message", (d) => {
      const m = JSON.parse(String(d)) as {
        type: string;
        payload?: { data: { presence: { viewers: (typeof updates)[number] } } };
      };
      if (m.type === "connection_ack") {
        socket.send(
          JSON.stringify({
            id: "p",
            type: "subscribe",
            payload: {
              query: `subscription($v: ID!) { presence(versionId: $v) { viewers { user { id } frame } } }`,
              variables: { v: t.setup.versionId },
            },
          }),
        );
      }
      if (m.type === "next" && m.payload) updates.push(m.payload.data.presence.viewers);
      for (const w of waiters) w();
    });
    const until = (pred: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!pred()) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    await until(() => updates.length > 0); // the current viewers come first
    await gql(a, `mutation($v: ID!) { joinVersion(versionId: $v) }`, { v: t.setup.versionId }, viewer.token);
    await gql(
      a,
      `mutation($v: ID!) { updatePresence(versionId: $v, frame: 42) }`,
      { v: t.setup.versionId },
      viewer.token,
    );
    await until(() => updates.some((u) => u.some((x) => x.user.id === viewer.id && x.frame === 42)));
    await gql(b, `mutation($v: ID!) { leaveVersion(versionId: $v) }`, { v: t.setup.versionId }, viewer.token);
    await until(() => (updates.at(-1) ?? []).every((x) => x.user.id !== viewer.id));
    socket.close();
  });

  it("graceful shutdown: SIGTERM closes sockets with 1001; clients fail over with their cursor and miss nothing", async () => {
    const [a] = t.cluster.urls as [string, string];
    const before = (await listEvents(a, t.setup.showrunner.token, t.setup.productionId, null)).at(-1) ?? null;
    await Promise.all([
      addNote(a, t.setup.showrunner.token, t.setup.versionId, "before-shutdown"),
      t.cluster.servers[1]?.stop("SIGTERM"),
    ]);
    for (let i = 0; i < 10; i++)
      await addNote(a, t.setup.showrunner.token, t.setup.versionId, `after-shutdown-${i}`);
    const expected = await listEvents(a, t.setup.showrunner.token, t.setup.productionId, null);
    await Promise.all(t.subs.map((s) => s.waitForCursor(expected.at(-1) as string)));
    const onKilled = t.subs.filter((_, i) => i % 2 === 1);
    for (const s of onKilled) expect(s.closeCodes).toContain(1001);
    for (const s of t.subs) {
      expect(new Set(s.cursors).size).toBe(s.cursors.length);
      expect(s.cursors.slice(s.cursors.indexOf(before as string) + 1)).toEqual(
        expected.slice(expected.indexOf(before as string) + 1),
      );
    }
  });
});

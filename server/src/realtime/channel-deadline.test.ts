import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { Viewer } from "../core/context.js";
import { createLogger } from "../core/logger.js";
import type { EventLean } from "../events/event.service.js";
import { Role } from "../productions/production.enums.js";
import { Channel } from "./channel.js";
import type { EventLogPort, GroupSpec } from "./ports.js";
import { FrameSink, type FrameSocket } from "./sinks.js";

const log: EventLogPort = {
  tail: async () => [],
  range: async () => [],
  roleOf: async () => Role.EDITOR,
};

/** A socket that resolves `next` with each frame it is sent. */
function socket() {
  const frames: string[] = [];
  let wake: (() => void) | null = null;
  const s: FrameSocket = {
    readyState: 1,
    bufferedAmount: 0,
    send(data) {
      frames.push(data.toString());
      wake?.();
    },
    close() {},
  };
  const next = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  return { s, frames, next };
}

const viewer = { userId: "u1" } as Viewer;
const spec = (key: string, execute: GroupSpec["execute"]): GroupSpec => ({
  key,
  kind: "events",
  versionId: null,
  role: Role.EDITOR,
  execute,
});
const event = (seq: number) =>
  ({
    seq,
    type: "NOTE_ADDED",
    actorId: new Types.ObjectId(),
    versionId: null,
    noteId: null,
  }) as unknown as EventLean;

describe("Channel execution time limit", () => {
  it("ends a group whose execution overruns it, and keeps delivering to the others", async () => {
    const ch = new Channel({
      productionId: "p1",
      log,
      logger: createLogger("silent"),
      watchPresence: () => {
        throw new Error("no presence here");
      },
      onIdle: () => {},
      settleMs: 0,
      executionTimeoutMs: 50,
    });
    const slow = new FrameSink("slow", socket().s, viewer, 1 << 20);
    const fast = socket();
    const quick = new FrameSink("quick", fast.s, viewer, 1 << 20);
    await ch.attachFrame(
      slow,
      spec("slow", () => new Promise<Buffer>(() => {})),
      null,
    );
    await ch.attachFrame(
      quick,
      spec("quick", async (root) => Buffer.from(JSON.stringify(root))),
      null,
    );
    const delivered = fast.next();
    ch.push([event(1)]);
    await delivered;
    expect(slow.failure?.message).toBe(
      "Each event of this subscription took longer than 50 ms to compute; subscribe again with fewer fields.",
    );
    expect(quick.ended).toBe(false);
    expect(ch.subscriberCount).toBe(1);
    // The next event does not wait on the ended group at all.
    const again = fast.next();
    const started = performance.now();
    ch.push([event(2)]);
    await again;
    expect(performance.now() - started).toBeLessThan(50);
    ch.dispose();
  });
});

import { describe, expect, it } from "vitest";
import type { Viewer } from "../core/context.js";
import { Role } from "../productions/production.enums.js";
import { Batch, Group } from "./channel-batch.js";
import type { GroupSpec } from "./ports.js";
import { FrameSink, type FrameSocket } from "./sinks.js";

/** A socket that records frames and the writes they went out in (cork .. uncork = one write). */
function fakeSocket() {
  const writes: string[][] = [];
  let corked: string[] | null = null;
  const socket: FrameSocket = {
    readyState: 1,
    bufferedAmount: 0,
    send(data) {
      const text = data.toString();
      if (corked) corked.push(text);
      else writes.push([text]);
    },
    close() {},
    _socket: {
      cork: () => {
        corked = [];
      },
      uncork: () => {
        if (corked) writes.push(corked);
        corked = null;
      },
    },
  };
  return { socket, writes };
}

const viewer = { userId: "u1" } as Viewer;
const spec = { key: "k", kind: "events", versionId: null, role: Role.EDITOR } as unknown as GroupSpec;
const payload = (seq: number) => Buffer.from(`{"seq":${seq}}`);

describe("Batch", () => {
  it("writes a run of events to each subscriber in one write, in seq order", () => {
    const g = new Group(spec);
    const a = fakeSocket();
    const b = fakeSocket();
    const sa = new FrameSink("1", a.socket, viewer, 1 << 20);
    const sb = new FrameSink("2", b.socket, viewer, 1 << 20);
    g.sinks.add(sa);
    g.sinks.add(sb);
    const batch = new Batch();
    for (const seq of [5, 6, 7]) batch.add(g, seq, payload(seq));
    batch.write();
    expect(a.writes).toHaveLength(1);
    expect(a.writes[0]?.map((f) => JSON.parse(f).payload.seq)).toEqual([5, 6, 7]);
    expect(JSON.parse(b.writes[0]?.[0] ?? "{}").id).toBe("2");
    expect(sa.lastSeq).toBe(7);
  });

  it("skips what a subscriber already has (replayed at the seam) and sends a single event as is", () => {
    const g = new Group(spec);
    const a = fakeSocket();
    const late = new FrameSink("1", a.socket, viewer, 1 << 20);
    late.lastSeq = 6;
    const c = fakeSocket();
    const done = new FrameSink("3", c.socket, viewer, 1 << 20);
    done.lastSeq = 7;
    g.sinks.add(late);
    g.sinks.add(done);
    const batch = new Batch();
    for (const seq of [5, 6, 7]) batch.add(g, seq, payload(seq));
    batch.write();
    expect(a.writes).toEqual([[expect.stringContaining('"seq":7')]]);
    expect(c.writes).toEqual([]);
  });

  it("writes nothing to a subscriber that ended", () => {
    const g = new Group(spec);
    const a = fakeSocket();
    const s = new FrameSink("1", a.socket, viewer, 1 << 20);
    g.sinks.add(s);
    s.end();
    const batch = new Batch();
    batch.add(g, 1, payload(1));
    batch.add(g, 2, payload(2));
    batch.write();
    expect(a.writes.flat()).toEqual([]);
  });

  it("reports each event once with the frames written for it (seam skips counted)", () => {
    const g = new Group(spec);
    const sinks = [0, 6, 7].map((last, i) => {
      const s = new FrameSink(String(i), fakeSocket().socket, viewer, 1 << 20);
      s.lastSeq = last;
      g.sinks.add(s);
      return s;
    });
    const batch = new Batch();
    for (const seq of [5, 6, 7]) {
      batch.add(g, seq, payload(seq));
      batch.events.push({ seq } as never);
    }
    const seen: Array<[number, number]> = [];
    batch.write({ delivered: (e, frames) => seen.push([e.seq, frames]) });
    // seq 5: the fresh sink; 6: the fresh sink; 7: the fresh and the one at 6.
    expect(seen).toEqual([
      [5, 1],
      [6, 1],
      [7, 2],
    ]);
    expect(sinks.map((s) => s.lastSeq)).toEqual([7, 7, 7]);
  });
});

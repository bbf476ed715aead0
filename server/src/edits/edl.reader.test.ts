import { describe, expect, it } from "vitest";
import { FrameRate, timecodeToFrames } from "@greenlight/common/timecode";
import { readEdl } from "./edl.reader.js";
import { EditParseError } from "./edit.timeline.js";
import { cpuMs } from "../test/cpu-time.js";

/** A cut's EDL as Avid and Resolve write them: cuts, a dissolve, a speed change, comments. */
const CUT_EDL = [
  "TITLE: PILOT LOCKED CUT",
  "FCM: NON-DROP FRAME",
  "",
  "001  A001C003 V     C        11:02:10:00 11:02:14:00 01:00:00:00 01:00:04:00",
  "* FROM CLIP NAME: A001C003_SC12_TK3.MOV",
  "* SOURCE FILE: A001C003_230101.MOV",
  "002  A001C003 V     C        11:02:14:00 11:02:14:00 01:00:04:00 01:00:04:00",
  "002  B002C001 V     D    024 08:15:00:00 08:15:03:00 01:00:04:00 01:00:07:00",
  "* FROM CLIP NAME: A001C003_SC12_TK3.MOV",
  "* TO CLIP NAME: B002C001_SC12_TK1.MOV",
  "003  B002C001 AA    C        08:15:03:00 08:15:05:00 01:00:07:00 01:00:09:00",
  "M2   B002C001       012.0    08:15:03:00",
  "* A NOTE FROM THE ASSISTANT",
  "AUD  3    4",
  "* LOC: 01:00:08:00 RED     CHECK SYNC",
  "",
].join("\r\n");

describe("readEdl", () => {
  it("reads events with reels, clip names, a dissolve, a speed change, AUD channels and locators", () => {
    const t = readEdl(CUT_EDL, FrameRate.FPS_24);
    expect(t.name).toBe("PILOT LOCKED CUT");
    expect(t.events).toHaveLength(4);
    const [first, out, dissolve, speed] = t.events;
    expect(first).toMatchObject({
      number: 1,
      reel: "A001C003",
      tracks: ["V"],
      clipName: "A001C003_SC12_TK3.MOV",
      sourceFile: "A001C003_230101.MOV",
      recordIn: timecodeToFrames("01:00:00:00", FrameRate.FPS_24),
      line: 4,
    });
    expect(first && first.recordOut - first.recordIn).toBe(96);
    expect(out?.clipName).toBe("A001C003_SC12_TK3.MOV");
    expect(dissolve).toMatchObject({
      transition: { kind: "DISSOLVE", code: "D", frames: 24 },
      clipName: "B002C001_SC12_TK1.MOV",
    });
    expect(speed).toMatchObject({ tracks: ["A1", "A2", "A3", "A4"], speed: { fps: 12, freeze: false } });
    expect(speed?.comments).toEqual(["A NOTE FROM THE ASSISTANT"]);
    expect(t.markers).toEqual([
      expect.objectContaining({
        frame: timecodeToFrames("01:00:08:00", FrameRate.FPS_24),
        colour: "RED",
        comment: "CHECK SYNC",
      }),
    ]);
    expect(t.warnings).toEqual([]);
  });

  it("reads drop-frame labels under FCM: DROP FRAME, and non-drop at the same rate family", () => {
    const df = [
      "TITLE: DF",
      "FCM: DROP FRAME",
      "001  AX       V     C        00:00:00;00 00:01:00;02 01:00:59;28 01:01:00;02",
    ].join("\n");
    const t = readEdl(df, FrameRate.FPS_29_97_NDF);
    expect(t.rate).toBe(FrameRate.FPS_29_97_DF);
    expect(t.events[0]?.sourceOut).toBe(1800);
    expect((t.events[0]?.recordOut ?? 0) - (t.events[0]?.recordIn ?? 0)).toBe(2);
    const ndf = readEdl(df.replace("FCM: DROP FRAME", "FCM: NON-DROP FRAME"), FrameRate.FPS_29_97_DF);
    expect(ndf.rate).toBe(FrameRate.FPS_29_97_NDF);
  });

  it("continues past midnight: 24:00:03:00 is three seconds into the next day", () => {
    const t = readEdl(
      "TITLE: X\nFCM: NON-DROP FRAME\n001  AX       V     C        23:59:59:00 24:00:03:00 23:59:59:00 24:00:03:00\n",
      FrameRate.FPS_25,
    );
    expect((t.events[0]?.recordOut ?? 0) - (t.events[0]?.recordIn ?? 0)).toBe(100);
  });

  it.each([
    ["001  AX  V  C  01:00:00:00 01:00:01:00 01:00:01:00 01:00:00:00", 3, /record out is before record in/],
    ["001  AX  V  X  01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00", 3, /unknown transition "X"/],
    ["001  AX  V  D  01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00", 3, /needs its length in frames/],
    ["001  AX  Q  C  01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00", 3, /unknown channel "Q"/],
    ["001  AX  V  C  01:00:00:00 01:00:01:00 01:00:00:00 01:00:0X:00", 3, /is not a timecode/],
    ["001  AX  V  C  01:00:00:00 01:00:01:00", 3, /8 or 9 fields/],
    ["hello there", 3, /not an event, comment or known statement/],
  ])("refuses %s with its line number", (line, at, message) => {
    const run = () => readEdl(`TITLE: X\nFCM: NON-DROP FRAME\n${line}\n`, FrameRate.FPS_24);
    expect(run).toThrow(EditParseError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as EditParseError).line).toBe(at);
    }
  });

  it("refuses overlapping record on one track and a skipped drop-frame label", () => {
    const overlap = [
      "FCM: NON-DROP FRAME",
      "001  AX       V     C        01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00",
      "002  AX       V     C        01:00:00:00 01:00:02:00 01:00:01:00 01:00:03:00",
    ].join("\n");
    expect(() => readEdl(overlap, FrameRate.FPS_24)).toThrow(/line 3: .*overlapping record/);
    const skipped =
      "FCM: DROP FRAME\n001  AX       V     C        00:01:00;00 00:01:01;00 00:01:00;02 00:01:01;02\n";
    expect(() => readEdl(skipped, FrameRate.FPS_29_97_DF)).toThrow(/line 2/);
  });

  it("refuses 1 MB of garbage at its first line, quickly", () => {
    const used = cpuMs(() => {
      expect(() => readEdl("\u0000".repeat(1_000_000), FrameRate.FPS_24)).toThrow(/line 1: longer than/);
      expect(() => readEdl(`${"* ok\n".repeat(200_000)}garbage`, FrameRate.FPS_24)).toThrow(/line 200001/);
    });
    expect(used).toBeLessThan(2_000);
  });
});

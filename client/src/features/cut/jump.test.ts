import { describe, expect, it } from "vitest";
import { FrameRate } from "../../lib/timecode";
import { parseJump } from "./jump";

const df = { current: 100, rate: FrameRate.FPS_29_97_DF, start: "01:00:00;00", duration: 10_000 };
const p24 = { current: 100, rate: FrameRate.FPS_24, start: "01:00:00:00", duration: 1080 };

describe("parseJump", () => {
  it("goes to a full drop-frame timecode from the version's start", () => {
    // 42 s 10 f at 29.97 DF: no minute boundary crossed, so 42 * 30 + 10 frames.
    expect(parseJump("01:00:42;10", df)).toEqual({ frame: 42 * 30 + 10 });
    expect(parseJump("01:00:42:10", df)).toEqual({ frame: 42 * 30 + 10 });
    expect(parseJump("01.00.42.10", df)).toEqual({ frame: 42 * 30 + 10 });
  });

  it("counts the labels drop-frame skips past a minute", () => {
    // 01:01:00;02 is the first label of minute one: 60 * 30 frames less the two dropped.
    expect(parseJump("01:01:00;02", df)).toEqual({ frame: 1800 });
    expect("error" in parseJump("01:01:00;00", df)).toBe(true);
  });

  it("keeps the playhead's leading fields for a short timecode", () => {
    expect(parseJump("42;10", df)).toEqual({ frame: 42 * 30 + 10 });
    expect(parseJump("0:12:00", p24)).toEqual({ frame: 12 * 24 });
  });

  it("moves by an offset in frames, seconds or minutes", () => {
    expect(parseJump("+2s", p24)).toEqual({ frame: 148 });
    expect(parseJump("-1.5s", p24)).toEqual({ frame: 64 });
    expect(parseJump("+12", p24)).toEqual({ frame: 112 });
    expect(parseJump("-12f", p24)).toEqual({ frame: 88 });
    expect(parseJump("+2s", df)).toEqual({ frame: 160 });
  });

  it("takes a frame number", () => {
    expect(parseJump("f120", p24)).toEqual({ frame: 120 });
    expect(parseJump("#7", p24)).toEqual({ frame: 7 });
    expect(parseJump("0", p24)).toEqual({ frame: 0 });
  });

  it("says where the media ends instead of going outside it", () => {
    expect(parseJump("f1080", p24)).toEqual({ error: "That is past the last frame (01:00:44:23)." });
    expect(parseJump("-10s", p24)).toEqual({ error: "That is before the first frame (01:00:00:00)." });
    expect(parseJump("00:59:59:00", p24)).toMatchObject({ error: expect.stringContaining("before") });
  });

  it("refuses what it cannot read", () => {
    for (const bad of ["", "soon", "1:2:3:4:5", "+2h", "01:00:42:99"])
      expect("error" in parseJump(bad, p24)).toBe(true);
  });
});

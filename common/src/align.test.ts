import { describe, expect, it } from "vitest";
import { alignedFrame, sameClock } from "./align.js";
import { FrameRate } from "./timecode.js";

const at = (rate: FrameRate, startTimecode: string) => ({ rate, startTimecode });

describe("alignedFrame", () => {
  it("is the same frame on the same clock", () => {
    const a = at(FrameRate.FPS_24, "01:00:00:00");
    expect(sameClock(a, a)).toBe(true);
    expect(alignedFrame(37, a, a)).toBe(37);
  });

  it("offsets by the starts at one rate: frame 0 of a start 2 s later is frame 48 earlier", () => {
    const a = at(FrameRate.FPS_24, "01:00:00:00");
    const b = at(FrameRate.FPS_24, "00:59:58:00");
    expect(sameClock(a, b)).toBe(false);
    expect(alignedFrame(0, a, b)).toBe(48);
    expect(alignedFrame(10, b, a)).toBe(-38);
  });

  it("across rates lands on the same timecode second (24 -> 25: 01:00:01:00 is frame 25)", () => {
    const a = at(FrameRate.FPS_24, "01:00:00:00");
    const b = at(FrameRate.FPS_25, "01:00:00:00");
    expect(alignedFrame(24, a, b)).toBe(25);
    expect(alignedFrame(12, a, b)).toBe(13); // half a second: 12.5 rounds to 13
  });

  it("drop-frame against non-drop by the label's clock: 29.97 DF 00:10:00;00 is 17,982 frames in", () => {
    const a = at(FrameRate.FPS_29_97_DF, "00:00:00;00");
    const b = at(FrameRate.FPS_30, "00:00:00:00");
    // 17,982 DF frames are 600 s of wall clock and of DF labels: 18,000 frames at 30.
    expect(alignedFrame(17_982, a, b)).toBe(18_000);
  });
});

import { FrameRate } from "@greenlight/common/timecode";
import { describe, expect, it } from "vitest";
import type { AnchorDoc } from "../notes/note.model.js";
import { type CutSide, mapCutAnchors } from "./conform-mapper.js";
import { readEdl } from "./edl.reader.js";
import { readOtio } from "./otio.reader.js";
import { cutsOnlyEdl, type EdlRow } from "./edl.compose.js";

/**
 * Hand-written recuts (issue #16 part 2), each with its exact expected mapping. v1 at 24 fps from
 * 01:00:00:00: SC1 5 s, SC2 4 s, SC3 6 s. Notes: n1 a point 2 s into SC2 (frame 168), n2 a range
 * of one second starting 1 s into SC3 (240-263), n3 a point in SC1 (frame 12).
 */
type Row = EdlRow;
const edl = cutsOnlyEdl;

const SC1: Row = ["A001", "10:00:00:00", "10:00:05:00", "01:00:00:00", "01:00:05:00", "SC1"];
const V1 = edl("V1", [
  SC1,
  ["B001", "11:00:00:00", "11:00:04:00", "01:00:05:00", "01:00:09:00", "SC2"],
  ["C001", "12:00:00:00", "12:00:06:00", "01:00:09:00", "01:00:15:00", "SC3"],
]);

const version = (number: number, frameRate: FrameRate, startTimecode = "01:00:00:00") => ({
  number,
  frameRate,
  startTimecode,
  durationFrames: 1_000,
});
const side = (number: number, text: string, rate = FrameRate.FPS_24, start?: string): CutSide => {
  const t = text.trimStart().startsWith("{") ? readOtio(text, rate) : readEdl(text, rate);
  return { version: version(number, rate, start), edit: { events: t.events, rate: t.rate } };
};
const anchor = (startFrame: number, endFrame = startFrame): AnchorDoc => ({
  type: "TIME",
  startFrame,
  endFrame,
  startTimecode: "",
  endTimecode: "",
});
const NOTES = [anchor(168), anchor(240, 263), anchor(12)];

function conform(v2: CutSide, notes = NOTES, v1 = side(1, V1)) {
  return mapCutAnchors(v1, v2, notes).map((m) => [
    m.outcome,
    m.anchor.startFrame,
    m.anchor.endFrame,
    m.detail,
  ]);
}

describe("cut conform on hand-written recuts", () => {
  it("trim head: a note on trimmed-away frames goes to the shot's first surviving frame", () => {
    const v2 = edl("V2 TRIM HEAD", [
      SC1,
      ["B001", "11:00:03:00", "11:00:04:00", "01:00:05:00", "01:00:06:00", "SC2"],
      ["C001", "12:00:00:00", "12:00:06:00", "01:00:06:00", "01:00:12:00", "SC3"],
    ]);
    expect(conform(side(2, v2))).toEqual([
      [
        "TRIMMED",
        120,
        120,
        "trimmed: the frames were cut from SC2; at its nearest surviving frame (-00:00:02:00)",
      ],
      ["MOVED", 168, 191, "moved -00:00:03:00 (the shot or the cut before it changed length)"],
      ["UNCHANGED", 12, 12, "same place in the new edit"],
    ]);
  });

  it("trim tail: a range half cut away shrinks to what remains", () => {
    const v2 = edl("V2 TRIM TAIL", [
      SC1,
      ["B001", "11:00:00:00", "11:00:04:00", "01:00:05:00", "01:00:09:00", "SC2"],
      ["C001", "12:00:00:00", "12:00:01:12", "01:00:09:00", "01:00:10:12", "SC3"],
    ]);
    expect(conform(side(2, v2))[1]).toEqual([
      "TRIMMED",
      240,
      251,
      "trimmed: 12 of 24 frames remain, moved +00:00:00:00",
    ]);
  });

  it("ripple insert: later shots move by the inserted length", () => {
    const v2 = edl("V2 INSERT", [
      SC1,
      ["D001", "13:00:00:00", "13:00:02:00", "01:00:05:00", "01:00:07:00", "INSERT"],
      ["B001", "11:00:00:00", "11:00:04:00", "01:00:07:00", "01:00:11:00", "SC2"],
      ["C001", "12:00:00:00", "12:00:06:00", "01:00:11:00", "01:00:17:00", "SC3"],
    ]);
    expect(conform(side(2, v2))).toEqual([
      ["MOVED", 216, 216, "moved +00:00:02:00 (the shot or the cut before it changed length)"],
      ["MOVED", 288, 311, "moved +00:00:02:00 (the shot or the cut before it changed length)"],
      ["UNCHANGED", 12, 12, "same place in the new edit"],
    ]);
  });

  it("delete: a note on the removed shot keeps its timecode", () => {
    const v2 = edl("V2 DELETE", [
      SC1,
      ["C001", "12:00:00:00", "12:00:06:00", "01:00:05:00", "01:00:11:00", "SC3"],
    ]);
    const out = conform(side(2, v2));
    expect(out[0]).toEqual([
      "SHOT_REMOVED",
      168,
      168,
      "shot removed (SC2); kept its timecode (v1 at 01:00:07:00)",
    ]);
    expect(out[1]).toEqual([
      "MOVED",
      144,
      167,
      "moved -00:00:04:00 (the shot or the cut before it changed length)",
    ]);
  });

  it("reorder (v2 as OTIO): notes follow their shots", () => {
    const clip = (name: string, start: number, frames: number) => ({
      OTIO_SCHEMA: "Clip.2",
      name,
      source_range: {
        OTIO_SCHEMA: "TimeRange.1",
        start_time: { OTIO_SCHEMA: "RationalTime.1", value: start, rate: 24 },
        duration: { OTIO_SCHEMA: "RationalTime.1", value: frames, rate: 24 },
      },
    });
    const hours = (h: number) => h * 3600 * 24;
    const v2 = JSON.stringify({
      OTIO_SCHEMA: "Timeline.1",
      name: "V2 REORDER",
      global_start_time: { OTIO_SCHEMA: "RationalTime.1", value: hours(1), rate: 24 },
      tracks: {
        OTIO_SCHEMA: "Stack.1",
        children: [
          {
            OTIO_SCHEMA: "Track.1",
            kind: "Video",
            children: [clip("SC1", hours(10), 120), clip("SC3", hours(12), 144), clip("SC2", hours(11), 96)],
          },
        ],
      },
    });
    expect(conform(side(2, v2))).toEqual([
      ["MOVED", 312, 312, "moved +00:00:06:00 (shot reordered)"],
      ["MOVED", 144, 167, "moved -00:00:04:00 (shot reordered)"],
      ["UNCHANGED", 12, 12, "same place in the new edit"],
    ]);
  });

  it("split: a range over a cut made inside its shot splits, anchored to its first longest piece", () => {
    const v2 = edl("V2 SPLIT", [
      SC1,
      ["B001", "11:00:00:00", "11:00:04:00", "01:00:05:00", "01:00:09:00", "SC2"],
      ["C001", "12:00:00:00", "12:00:01:12", "01:00:09:00", "01:00:10:12", "SC3"],
      ["D001", "13:00:00:00", "13:00:02:00", "01:00:10:12", "01:00:12:12", "INSERT"],
      ["C001", "12:00:01:12", "12:00:06:00", "01:00:12:12", "01:00:17:00", "SC3"],
    ]);
    expect(conform(side(2, v2))[1]).toEqual([
      "RANGE_SPLIT",
      240,
      251,
      "range split in 2: 01:00:10:00-01:00:10:11, 01:00:12:12-01:00:12:23; anchored to the longest",
    ]);
  });

  it("a different frame rate (v2 at 25 fps, reordered): notes keep their source timecode", () => {
    const v2 = edl("V2 25P", [
      SC1,
      ["C001", "12:00:00:00", "12:00:06:00", "01:00:05:00", "01:00:11:00", "SC3"],
      ["B001", "11:00:00:00", "11:00:04:00", "01:00:11:00", "01:00:15:00", "SC2"],
    ]);
    expect(conform(side(2, v2, FrameRate.FPS_25))).toEqual([
      ["MOVED", 325, 325, "moved +00:00:06:00 (shot reordered)"],
      ["MOVED", 150, 173, "moved -00:00:04:00 (shot reordered)"],
      ["UNCHANGED", 12, 12, "same place in the new edit"],
    ]);
  });

  it("drop-frame (29.97 DF, across a minute): a reordered shot's note lands on the DF label", () => {
    const df = FrameRate.FPS_29_97_DF;
    const v1 = edl(
      "DF V1",
      [
        ["A001", "10:00:00;00", "10:00:50;00", "01:00:00;00", "01:00:50;00", "SC1"],
        ["B001", "11:00:00;00", "11:00:20;00", "01:00:50;00", "01:01:10;00", "SC2"],
      ],
      "DROP FRAME",
    );
    const v2 = edl(
      "DF V2",
      [
        ["B001", "11:00:00;00", "11:00:20;00", "01:00:00;00", "01:00:20;00", "SC2"],
        ["A001", "10:00:00;00", "10:00:50;00", "01:00:20;00", "01:01:10;00", "SC1"],
      ],
      "DROP FRAME",
    );
    // 01:01:05;00 is frame 1948 of a cut starting 01:00:00;00 (two labels dropped at minute 1).
    const out = mapCutAnchors(side(1, v1, df, "01:00:00;00"), side(2, v2, df, "01:00:00;00"), [anchor(1948)]);
    expect(out.map((m) => [m.outcome, m.anchor.startFrame, m.anchor.startTimecode, m.detail])).toEqual([
      ["MOVED", 448, "01:00:14;28", "moved -00:00:50;00 (shot reordered)"],
    ]);
  });

  it("falls back to timecode without an edit for both versions, and says so", () => {
    const v2: CutSide = { version: version(2, FrameRate.FPS_24), edit: null };
    const out = mapCutAnchors(side(1, V1), v2, [anchor(168)]);
    expect(out.map((m) => [m.outcome, m.method, m.anchor.startFrame, m.detail])).toEqual([
      ["UNCHANGED", "TIMECODE", 168, "no edit for v2: kept the same timecode"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { FrameRate } from "@greenlight/common/timecode";
import {
  type MarkerNote,
  type MarkerSource,
  toAvidTxt,
  toCmx3600,
  toCsv,
  toFcp7Xml,
  toResolveEdl,
} from "./markers.js";

const note = (over: Partial<MarkerNote>): MarkerNote => ({
  index: 1,
  startFrame: 38,
  endFrame: 38,
  status: "OPEN",
  author: "Rafael Ortiz",
  category: "PACING",
  body: "Hold longer",
  replies: [],
  ...over,
});

const source = (over: Partial<MarkerSource> = {}): MarkerSource => ({
  title: "Pilot v2",
  rate: FrameRate.FPS_24,
  startTimecode: "01:00:00:00",
  durationFrames: 240,
  track: "V1",
  notes: [
    note({}),
    note({
      index: 2,
      startFrame: 100,
      endFrame: 147,
      status: "RESOLVED",
      body: 'Line\nbreak, "quoted" & <tag>',
      replies: [{ author: "Priya Nair", body: "Done" }],
    }),
  ],
  ...over,
});

describe("CMX3600 with locators", () => {
  it("writes the header, one event over the media and a LOC per note", () => {
    expect(toCmx3600(source())).toBe(
      [
        "TITLE: PILOT V2",
        "FCM: NON-DROP FRAME",
        "",
        "001  AX       V     C        01:00:00:00 01:00:10:00 01:00:00:00 01:00:10:00",
        "* FROM CLIP NAME: Pilot v2",
        "* LOC: 01:00:01:14 BLUE    [OPEN] Rafael Ortiz: Hold longer",
        '* LOC: 01:00:04:04 GREEN   [RESOLVED] Rafael Ortiz: Line break, "quoted" & <tag> // Priya Nair: Done',
        "",
      ].join("\n"),
    );
  });
  it("declares drop frame and uses ';' labels at 29.97 DF", () => {
    const edl = toCmx3600(
      source({
        rate: FrameRate.FPS_29_97_DF,
        startTimecode: "01:00:00;00",
        notes: [note({ startFrame: 1800 })],
      }),
    );
    expect(edl).toContain("FCM: DROP FRAME");
    expect(edl).toContain("* LOC: 01:01:00;02 BLUE");
  });
});

describe("Resolve marker EDL", () => {
  it("writes one-frame events with colour, name and duration", () => {
    const edl = toResolveEdl(source());
    expect(edl).toContain("001  001      V     C        01:00:01:14 01:00:01:15 01:00:01:14 01:00:01:15");
    expect(edl).toContain(
      "[OPEN] Rafael Ortiz: Hold longer |C:ResolveColorBlue |M:#1 PACING (Rafael Ortiz) |D:1",
    );
    expect(edl).toContain("|C:ResolveColorGreen |M:#2 PACING (Rafael Ortiz) |D:48");
  });
  it("merges notes on the same frame (Resolve drops overlapping markers), open first", () => {
    const edl = toResolveEdl(
      source({
        notes: [note({ status: "RESOLVED", body: "a|b" }), note({ index: 2, body: "second", endFrame: 50 })],
      }),
    );
    const events = edl.split("\n").filter((l) => /^\d{3} {2}/.test(l));
    expect(events).toHaveLength(1);
    expect(edl).toContain("[RESOLVED] Rafael Ortiz: a/b ;; [OPEN] Rafael Ortiz: second |C:ResolveColorBlue");
    expect(edl).toContain("|D:13");
  });
});

describe("Avid marker list", () => {
  it("is tab-separated: user, timecode, track, colour, comment, duration", () => {
    expect(toAvidTxt(source({ track: "A1" })).split("\n")[1]).toBe(
      'Rafael Ortiz\t01:00:04:04\tA1\tgreen\t[RESOLVED] Rafael Ortiz: Line break, "quoted" & <tag> // Priya Nair: Done\t48',
    );
  });
});

describe("FCP7 XML", () => {
  it("writes escaped markers with in/out frames at the sequence timebase", () => {
    const xml = toFcp7Xml(source({ rate: FrameRate.FPS_23_976 }));
    expect(xml).toContain('<xmeml version="4">');
    expect(xml).toContain("<rate><timebase>24</timebase><ntsc>TRUE</ntsc></rate>");
    expect(xml).toContain("<in>38</in>\n      <out>-1</out>");
    expect(xml).toContain("<in>100</in>\n      <out>148</out>");
    expect(xml).toContain("&quot;quoted&quot; &amp; &lt;tag&gt;");
  });
});

describe("CSV", () => {
  it("quotes cells per RFC 4180", () => {
    const csv = toCsv(source());
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("No.,Name,Start,End,Duration,Color,Notes");
    expect(lines[1]).toBe(
      "1,#1 PACING (Rafael Ortiz),01:00:01:14,01:00:01:14,00:00:00:01,blue,[OPEN] Rafael Ortiz: Hold longer",
    );
    expect(lines[2]).toBe(
      '2,#2 PACING (Rafael Ortiz),01:00:04:04,01:00:06:03,00:00:02:00,green,"[RESOLVED] Rafael Ortiz: Line break, ""quoted"" & <tag> // Priya Nair: Done"',
    );
  });
});

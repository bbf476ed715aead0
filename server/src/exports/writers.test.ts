import { describe, expect, it } from "vitest";
import { readEdl } from "../edits/edl.reader.js";
import { FrameRate } from "@greenlight/common/timecode";
import { note, source } from "../test/marker-fixtures.js";
import {
  child,
  cmxColumnProblems,
  findAll,
  strictCsv,
  strictXml,
  xmllint,
} from "../test/interchange-readers.js";
import { toAvidTxt } from "./avid-txt.js";
import { toCmx3600 } from "./cmx3600.js";
import { toCsv, toCsvSliced } from "./csv.js";
import { toFcp7Xml } from "./fcp7-xml.js";
import { resolveParts, toResolveEdl } from "./resolve-edl.js";
import { escapeFormula, toAscii } from "./text.js";

const two = () =>
  source({
    notes: [
      note(),
      note({
        id: "n2",
        index: 2,
        startFrame: 100,
        endFrame: 147,
        status: "RESOLVED",
        body: 'Line\nbreak, "quoted" & <tag>',
        replies: [{ author: "Priya Nair", body: "Done" }],
      }),
    ],
  });

describe("CMX3600 with locators", () => {
  it("writes the header, one event over the media in the fixed columns and a LOC per note", () => {
    expect(toCmx3600(two())).toBe(
      [
        "TITLE: Pilot v2",
        "FCM: NON-DROP FRAME",
        "",
        "001  AX       V     C        01:00:00:00 01:00:10:00 01:00:00:00 01:00:10:00",
        "* FROM CLIP NAME: Pilot v2",
        "* LOC: 01:00:01:14 BLUE    #1 [OPEN] Rafael Ortiz: Hold longer",
        '* LOC: 01:00:04:04 GREEN   #2 DUR 48 [RESOLVED] Rafael Ortiz: Line / break, "quoted" & <tag> // > Priya Nair: Done',
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

  it("puts a mix on audio tracks: the full mix on A, each stem with notes on its own (A2 dialogue ...)", () => {
    const edl = toCmx3600(
      source({
        kind: "MIX",
        notes: [note({ stem: "DIALOGUE" }), note({ index: 2, stem: "EFFECTS" }), note({ index: 3 })],
      }),
    );
    const events = edl.split("\n").filter((l) => /^\d{3}/.test(l));
    expect(events.map((l) => l.slice(14, 19).trim())).toEqual(["A", "A2", "A4"]);
    expect(edl).toContain("#1 [OPEN] [DX] Rafael Ortiz");
    expect(cmxColumnProblems(edl)).toEqual([]);
    const read = readEdl(edl, FrameRate.FPS_24);
    expect(read.events.map((e) => e.tracks)).toEqual([["A1"], ["A2"], ["A4"]]);
    expect(read.events.some((e) => e.tracks.includes("V"))).toBe(false);
  });

  it("is 7-bit ASCII: transliterated, title cut to 70 characters", () => {
    const edl = toCmx3600(
      source({ title: `Épisode 日本 ${"ü".repeat(120)}`, notes: [note({ body: "café ß 😀" })] }),
    );
    expect(edl.split("\n")[0]).toMatch(/^TITLE: Episode RiBen u{53}\.\.\.$/);
    expect(edl).toContain("cafe ss :grinning:");
    expect(cmxColumnProblems(edl)).toEqual([]);
  });
});

describe("Resolve marker EDL", () => {
  it("writes one-frame events with colour, name and duration", () => {
    const edl = toResolveEdl(two());
    expect(edl).toContain("001  001      V     C        01:00:01:14 01:00:01:15 01:00:01:14 01:00:01:15  ");
    expect(edl).toContain(
      "[OPEN] Rafael Ortiz: Hold longer |C:ResolveColorBlue |M:#1 PACING (Rafael Ortiz) |D:1",
    );
    expect(edl).toContain("|C:ResolveColorGreen |M:#2 PACING (Rafael Ortiz) |D:48");
    expect(cmxColumnProblems(edl, { resolve: true })).toEqual([]);
  });

  it("merges notes on one frame listing each with its own range, never stretching the point note", () => {
    const edl = toResolveEdl(
      source({
        durationFrames: 108_000,
        notes: [
          note({ status: "RESOLVED", body: "a|b" }),
          note({ id: "n2", index: 2, body: "whole cut", startFrame: 38, endFrame: 38 + 107_999 }),
        ],
      }),
    );
    const events = edl.split("\n").filter((l) => /^\d{3} {2}/.test(l));
    expect(events).toHaveLength(1);
    expect(edl).toContain(
      "[RESOLVED] Rafael Ortiz: a/b (01:00:01:14) ;; [OPEN] Rafael Ortiz: whole cut (01:00:01:14-02:15:01:13, 108000 frames)",
    );
    expect(edl).toContain(
      "|C:ResolveColorBlue |M:#1 PACING (Rafael Ortiz) + #2 PACING (Rafael Ortiz) |D:1\n",
    );
  });

  it("splits past 999 markers into numbered parts of 001-999 instead of 4-digit events", () => {
    const notes = Array.from({ length: 2_500 }, (_, i) =>
      note({ id: `n${i}`, index: i + 1, startFrame: i, endFrame: i }),
    );
    const src = source({ durationFrames: 3_000, notes });
    expect(resolveParts(src.notes)).toBe(3);
    const parts = [1, 2, 3].map((p) => toResolveEdl(src, p));
    for (const p of parts) expect(cmxColumnProblems(p, { resolve: true })).toEqual([]);
    expect(parts.map((p) => p.split("\n").filter((l) => /^\d{3}/.test(l)).length)).toEqual([999, 999, 502]);
    expect(parts[1]).toContain("TITLE: Pilot v2 (part 2 of 3)");
    expect(parts[1]).toMatch(/^001 {2}001 {6}V {5}C {8}01:00:41:15 /m);
    expect(() => toResolveEdl(src, 4)).toThrow(/part must be 1-3/);
  });
});

describe("Avid marker list", () => {
  it("6 columns: user, timecode, track, colour, comment, duration", () => {
    expect(toAvidTxt(two()).split("\n")[1]).toBe(
      'Rafael Ortiz\t01:00:04:04\tV1\tgreen\t[RESOLVED] Rafael Ortiz: Line / break, "quoted" & <tag> // > Priya Nair: Done\t48',
    );
  });
  it("8 columns as newer Media Composer exports: an empty column and the colour again", () => {
    const rows = toAvidTxt(two(), 8)
      .trimEnd()
      .split("\n")
      .map((l) => l.split("\t"));
    expect(rows.map((r) => r.length)).toEqual([8, 8]);
    expect(rows[0]?.slice(5)).toEqual(["1", "", "blue"]);
  });
  it("escapes a formula in the user column and keeps fields free of tabs and controls", () => {
    const txt = toAvidTxt(
      source({ notes: [note({ author: '=HYPERLINK("x")\tA', body: "a\tb\u0007c\u2028d" })] }),
    );
    const cols = txt.trimEnd().split("\t");
    expect(cols).toHaveLength(6);
    expect(cols[0]).toBe(`'=HYPERLINK("x") A`);
    expect(cols[4]).toContain("a bc / d");
  });
  it("puts a mix note on its stem's audio track", () => {
    expect(toAvidTxt(source({ kind: "MIX", notes: [note({ stem: "MUSIC" })] })).split("\t")[2]).toBe("A3");
  });
});

describe("FCP7 XML", () => {
  it("writes a sequence with media, ids, rate and timecode with frame, as Premiere does", () => {
    const xml = toFcp7Xml(source({ rate: FrameRate.FPS_23_976 }));
    expect(xmllint(xml)).toBe("");
    const doc = strictXml(xml);
    const seq = findAll(doc, "sequence")[0];
    expect(seq?.attributes.id).toBe("sequence-1");
    expect(child(child(seq, "rate"), "ntsc")?.text).toBe("TRUE");
    expect(child(child(seq, "timecode"), "frame")?.text).toBe("86400");
    expect(findAll(doc, "clipitem")[0]?.attributes.id).toBe("clipitem-1");
    expect(findAll(doc, "pathurl")[0]?.text).toBe("/media/pilot.mp4");
  });
  it("writes markers with in/out at the timebase and keeps line breaks in comments", () => {
    const markers = findAll(strictXml(toFcp7Xml(two())), "marker");
    expect(markers.map((m) => [child(m, "in")?.text, child(m, "out")?.text])).toEqual([
      ["38", "-1"],
      ["100", "148"],
    ]);
    expect(child(markers[1], "comment")?.text).toBe(
      '[RESOLVED] Rafael Ortiz: Line\nbreak, "quoted" & <tag>\n> Priya Nair: Done',
    );
  });
});

describe("CSV", () => {
  it("is RFC 4180 with the common columns first, line breaks kept inside quotes", () => {
    const rows = strictCsv(toCsv(two()));
    expect(rows[0]).toEqual([
      "No.",
      "Name",
      "Start",
      "End",
      "Duration",
      "Color",
      "Notes",
      "Track",
      "Stem",
      "Status",
      "Author",
      "Category",
      "Note ID",
    ]);
    expect(rows[2]?.slice(0, 7)).toEqual([
      "2",
      "#2 PACING (Rafael Ortiz)",
      "01:00:04:04",
      "01:00:06:03",
      "00:00:02:00",
      "green",
      '[RESOLVED] Rafael Ortiz: Line\nbreak, "quoted" & <tag>\n> Priya Nair: Done',
    ]);
  });
  it("escapes formulas and adds a byte-order mark with the Excel preset only", () => {
    const csv = toCsv(source({ notes: [note({ author: "=cmd|' /C calc'!A0" })] }), { excel: true });
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(toCsv(source()).startsWith("\ufeff")).toBe(false);
    expect(strictCsv(csv)[1]?.[10]).toBe("'=cmd|' /C calc'!A0");
  });
  it("renders the same bytes in slices as whole (the service's form)", async () => {
    const src = source({
      notes: Array.from({ length: 450 }, (_, i) => note({ index: i + 1, startFrame: i, endFrame: i })),
    });
    expect(await toCsvSliced(src, { excel: true })).toBe(toCsv(src, { excel: true }));
    expect(await toCsvSliced(source({ notes: [] }))).toBe(toCsv(source({ notes: [] })));
  });
  it("leaves a mix note's stem in its own column", () => {
    expect(
      strictCsv(toCsv(source({ kind: "MIX", notes: [note({ stem: "DIALOGUE" })] })))[1]?.slice(7, 9),
    ).toEqual(["A2", "DX"]);
  });
});

describe("text rules", () => {
  it("formula escaping covers = + - @ tab and CR, nothing else", () => {
    expect(["=1", "+1", "-1", "@x", "\tx", "\rx", "a=1", "#1"].map(escapeFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      "a=1",
      "#1",
    ]);
  });
  it("ASCII keeps 0x20-0x7E only", () => {
    expect(toAscii("a\u0007b\u2028c é")).toBe("ab / c e");
  });
});

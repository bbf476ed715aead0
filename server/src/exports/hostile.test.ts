import { describe, expect, it } from "vitest";
import { continuousTimecodeToFrames } from "../edits/edit.timecode.js";
import { readEdl } from "../edits/edl.reader.js";
import { readOtio } from "../edits/otio.reader.js";
import { ALL_FRAME_RATES, type FrameRate, rateLabel, timecodeToFrames } from "@greenlight/common/timecode";
import { beforeMidnight, hostileSource, manyNotes, source } from "../test/marker-fixtures.js";
import { cmxColumnProblems, findAll, strictCsv, strictXml, xmllint } from "../test/interchange-readers.js";
import { toAvidTxt } from "./avid-txt.js";
import { toCmx3600 } from "./cmx3600.js";
import { toCsv } from "./csv.js";
import { toFcp7Xml } from "./fcp7-xml.js";
import type { MarkerSource } from "./marker.types.js";
import { toOtio } from "./otio.js";
import { resolveParts, toResolveEdl } from "./resolve-edl.js";

/**
 * Issue #15's hostile fixtures through every writer at every rate, from a normal start and from
 * two seconds before midnight, each output read back by an independent reader.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const LINE_SPLITTERS = /[\u000b\u000c\u001c-\u001e\u0085\u2028\u2029\r]/;

function checkAll(src: MarkerSource): void {
  const start = timecodeToFrames(src.startTimecode, src.rate);
  // CMX3600: fixed columns, ASCII, monotonic record times; our reader finds every locator.
  const cmx = toCmx3600(src);
  expect(cmxColumnProblems(cmx)).toEqual([]);
  const edl = readEdl(cmx, src.rate);
  expect(edl.markers.map((m) => m.frame - start)).toEqual(src.notes.map((n) => n.startFrame));
  expect(edl.events.filter((e) => e.recordOut <= e.recordIn)).toEqual([]);
  // Resolve: one event per frame, every part in the columns.
  for (let p = 1; p <= resolveParts(src.notes); p++) {
    const resolve = toResolveEdl(src, p);
    expect(cmxColumnProblems(resolve, { resolve: true })).toEqual([]);
    readEdl(resolve, src.rate);
  }
  // Avid: one line per note, 6 fields, no field starting like a formula.
  const avid = toAvidTxt(src).split("\n").filter(Boolean);
  expect(avid).toHaveLength(src.notes.length);
  // Offenders are collected, then asserted once (5,000 rows of expect() calls cost seconds).
  const badAvid = avid.filter((line) => {
    const cols = line.split("\t");
    return cols.length !== 6 || LINE_SPLITTERS.test(line) || cols.some((c) => /^[=+\-@]/.test(c));
  });
  expect(badAvid).toEqual([]);
  // FCP7 XML: libxml2 and a strict parser accept it, with every marker.
  const xml = toFcp7Xml(src);
  expect(xmllint(xml)).toBe("");
  expect(findAll(strictXml(xml), "marker")).toHaveLength(src.notes.length);
  // CSV: strict parse, same count, no cell starting like a formula.
  const rows = strictCsv(toCsv(src, { excel: true }));
  expect(rows).toHaveLength(src.notes.length + 1);
  expect(
    rows
      .slice(1)
      .flat()
      .filter((c) => /^[=+\-@\t\r]/.test(c)),
  ).toEqual([]);
  // OTIO: valid JSON that reads back with every marker where it was.
  const otio = readOtio(toOtio(src), src.rate);
  expect(otio.markers.map((m) => m.frame - start)).toEqual(src.notes.map((n) => n.startFrame));
}

describe.each(ALL_FRAME_RATES.map((r) => [rateLabel(r), r] as [string, FrameRate]))(
  "at %s",
  (_label, rate) => {
    it("writes hostile notes readably in every format", () => {
      checkAll(hostileSource({ rate, startTimecode: rate.includes("_DF") ? "01:00:00;00" : "01:00:00:00" }));
    });

    it("continues past midnight instead of wrapping (record out after record in)", () => {
      const startTimecode = beforeMidnight(rate);
      const src = hostileSource({ rate, startTimecode });
      checkAll(src);
      const event = toCmx3600(src).split("\n")[3] ?? "";
      expect(event.slice(53, 55)).toBe("23");
      expect(event.slice(65, 67)).toBe("24");
      expect(continuousTimecodeToFrames(event.slice(65, 76), rate)).toBe(
        timecodeToFrames(startTimecode, rate) + 2_000,
      );
    });
  },
);

describe("sizes", () => {
  it("0 markers: every format still valid", () => {
    checkAll(source({ notes: [] }));
    expect(toAvidTxt(source({ notes: [] }))).toBe("");
  });

  it("5,000 markers: every format, and 5 Resolve parts (4,500 frames) of at most 999 events", {
    timeout: 60_000,
  }, () => {
    const src = source({ durationFrames: 6_000, notes: manyNotes(5_000) });
    checkAll(src);
    expect(resolveParts(src.notes)).toBe(5);
  });

  it("a 10 kB note is cut to the line limit in EDLs and kept whole in XML, CSV and OTIO", () => {
    const body = `start ${"word ".repeat(2_000)}end`;
    const src = source({
      notes: [hostileSource().notes[0] ?? source().notes[0]].map((n) => ({
        ...n,
        body,
      })) as MarkerSource["notes"],
    });
    expect(
      Math.max(
        ...toCmx3600(src)
          .split("\n")
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(255);
    expect(toFcp7Xml(src)).toContain(" end</comment>");
    expect(strictCsv(toCsv(src))[1]?.[6]).toContain(" end");
    expect(readOtio(toOtio(src), src.rate).markers[0]?.comment).toContain(" end");
  });
});

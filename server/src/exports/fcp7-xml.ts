import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { frameRateInfo, timecodeToFrames } from "@greenlight/common/timecode";
import { markerLines, markerName } from "./marker.text.js";
import { type MarkerSource, mediaEnd } from "./marker.types.js";
import { cleanText, oneLine } from "./text.js";

/**
 * FCP7 XML (xmeml version 4) as Premiere Pro writes and imports it (docs/exports.md "FCP7 XML"):
 * a sequence with <duration>, <rate>, <name>, <media> holding one clip item that references the
 * version's media, <timecode> with <rate>, <string>, <frame> and <displayformat>, then the
 * markers. Marker <in>/<out> are frames at the sequence timebase from its first frame; <out> is
 * -1 for a point marker. xmlbuilder2 escapes markup and drops characters XML 1.0 forbids; text
 * is cleaned first so a line break stays a line break instead of vanishing.
 */
const text = (s: string) => cleanText(s, { lineBreak: "\n" });

function rate(parent: XMLBuilder, src: MarkerSource): void {
  const r = frameRateInfo(src.rate);
  parent
    .ele("rate")
    .ele("timebase")
    .txt(String(r.nominalFps))
    .up()
    .ele("ntsc")
    .txt(r.denominator === 1 ? "FALSE" : "TRUE");
}

function timecode(parent: XMLBuilder, src: MarkerSource): void {
  const tc = parent.ele("timecode");
  rate(tc, src);
  tc.ele("string").txt(src.startTimecode);
  tc.ele("frame").txt(String(timecodeToFrames(src.startTimecode, src.rate)));
  tc.ele("displayformat").txt(frameRateInfo(src.rate).dropFrame ? "DF" : "NDF");
}

function media(seq: XMLBuilder, src: MarkerSource, end: number): void {
  const kind = src.kind === "CUT" ? "video" : "audio";
  const track = seq.ele("media").ele(kind).ele("track");
  const clip = track.ele("clipitem", { id: "clipitem-1" });
  clip.ele("name").txt(oneLine(src.title));
  clip.ele("duration").txt(String(end));
  rate(clip, src);
  for (const [k, v] of [
    ["start", 0],
    ["end", end],
    ["in", 0],
    ["out", end],
  ] as const)
    clip.ele(k).txt(String(v));
  const file = clip.ele("file", { id: "file-1" });
  file.ele("name").txt(oneLine(src.title));
  if (src.mediaUrl) file.ele("pathurl").txt(src.mediaUrl);
  rate(file, src);
  file.ele("duration").txt(String(end));
  timecode(file, src);
  file.ele("media").ele(kind);
}

export function toFcp7Xml(src: MarkerSource): string {
  const end = mediaEnd(src);
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  doc.dtd({ name: "xmeml" });
  const seq = doc.ele("xmeml", { version: "4" }).ele("sequence", { id: "sequence-1" });
  seq.ele("duration").txt(String(end));
  rate(seq, src);
  seq.ele("name").txt(oneLine(src.title));
  media(seq, src, end);
  timecode(seq, src);
  for (const n of src.notes) {
    const m = seq.ele("marker");
    m.ele("comment").txt(text(markerLines(n).join("\n")));
    m.ele("name").txt(markerName(n));
    m.ele("in").txt(String(n.startFrame));
    m.ele("out").txt(String(n.endFrame > n.startFrame ? n.endFrame + 1 : -1));
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}

import { FrameRate, frameRateInfo, framesToTimecode } from "@greenlight/common/timecode";

/**
 * Notes as markers for editing systems (domain.md "Marker and EDL formats"). Pure functions: the
 * caller supplies the notes with their replies folded in. Colour follows the note's status
 * (open blue, in progress yellow, resolved green, won't fix magenta).
 */
export type MarkerStatus = "OPEN" | "IN_PROGRESS" | "RESOLVED" | "WONT_FIX";

export interface MarkerNote {
  index: number;
  startFrame: number;
  endFrame: number;
  status: MarkerStatus;
  author: string;
  category: string | null;
  body: string;
  replies: { author: string; body: string }[];
}

export interface MarkerSource {
  title: string;
  rate: FrameRate;
  startTimecode: string;
  durationFrames: number | null;
  /** "V1" for picture, "A1" for sound. */
  track: string;
  notes: MarkerNote[];
}

const AVID_COLOUR: Record<MarkerStatus, string> = {
  OPEN: "blue",
  IN_PROGRESS: "yellow",
  RESOLVED: "green",
  WONT_FIX: "magenta",
};
const RESOLVE_COLOUR: Record<MarkerStatus, string> = {
  OPEN: "ResolveColorBlue",
  IN_PROGRESS: "ResolveColorYellow",
  RESOLVED: "ResolveColorGreen",
  WONT_FIX: "ResolveColorPink",
};
/** Open work first when several notes share a frame. */
const STATUS_WEIGHT: Record<MarkerStatus, number> = { OPEN: 0, IN_PROGRESS: 1, WONT_FIX: 2, RESOLVED: 3 };

const oneLine = (s: string) =>
  s
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();

export function markerName(n: MarkerNote): string {
  return oneLine(`#${n.index} ${n.category ? `${n.category} ` : ""}(${n.author})`);
}

/** The note with its replies folded in, on one line. */
export function markerText(n: MarkerNote): string {
  const replies = n.replies.map((r) => ` // ${r.author}: ${r.body}`).join("");
  return oneLine(`[${n.status.replace("_", " ")}] ${n.author}: ${n.body}${replies}`);
}

const tc = (src: MarkerSource, frame: number) => framesToTimecode(frame, src.rate, src.startTimecode);
const fcm = (src: MarkerSource) =>
  frameRateInfo(src.rate).dropFrame ? "FCM: DROP FRAME" : "FCM: NON-DROP FRAME";
const pad3 = (n: number) => String(n).padStart(3, "0");
const mediaEnd = (src: MarkerSource) =>
  src.durationFrames ?? Math.max(1, ...src.notes.map((n) => n.endFrame + 1));

/** CMX3600 with one event spanning the media and `* LOC:` locators for the notes. */
export function toCmx3600(src: MarkerSource): string {
  const end = mediaEnd(src);
  const lines = [
    `TITLE: ${oneLine(src.title).toUpperCase()}`,
    fcm(src),
    "",
    `001  AX       V     C        ${tc(src, 0)} ${tc(src, end)} ${tc(src, 0)} ${tc(src, end)}`,
    `* FROM CLIP NAME: ${oneLine(src.title)}`,
  ];
  for (const n of src.notes) {
    lines.push(
      `* LOC: ${tc(src, n.startFrame)} ${AVID_COLOUR[n.status].toUpperCase().padEnd(7)} ${markerText(n)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Resolve marker EDL: one-frame events; notes on the same frame merged (Resolve drops overlaps). */
export function toResolveEdl(src: MarkerSource): string {
  const byFrame = new Map<number, MarkerNote[]>();
  for (const n of src.notes) byFrame.set(n.startFrame, [...(byFrame.get(n.startFrame) ?? []), n]);
  const lines = [`TITLE: ${oneLine(src.title)}`, fcm(src), ""];
  let event = 0;
  for (const frame of [...byFrame.keys()].sort((a, b) => a - b)) {
    const group = byFrame.get(frame) ?? [];
    const lead = [...group].sort((a, b) => STATUS_WEIGHT[a.status] - STATUS_WEIGHT[b.status])[0];
    if (!lead) continue;
    const duration = Math.max(...group.map((n) => n.endFrame - n.startFrame + 1));
    const text = group.map(markerText).join(" ;; ").replace(/\|/g, "/");
    const name = group.map(markerName).join(" + ").replace(/\|/g, "/");
    event++;
    lines.push(
      `${pad3(event)}  001      V     C        ${tc(src, frame)} ${tc(src, frame + 1)} ${tc(src, frame)} ${tc(src, frame + 1)}  `,
      `${text} |C:${RESOLVE_COLOUR[lead.status]} |M:${name} |D:${duration}`,
      "",
    );
  }
  return `${lines.join("\n")}`;
}

/** Avid Media Composer marker list: user, timecode, track, colour, comment, duration (tab-separated). */
export function toAvidTxt(src: MarkerSource): string {
  return src.notes
    .map((n) =>
      [
        oneLine(n.author),
        tc(src, n.startFrame),
        src.track,
        AVID_COLOUR[n.status],
        markerText(n),
        n.endFrame - n.startFrame + 1,
      ].join("\t"),
    )
    .map((l) => `${l}\n`)
    .join("");
}

const xml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** FCP7 XML (xmeml v4) sequence markers, as Premiere Pro imports them. `in` counts from frame 0. */
export function toFcp7Xml(src: MarkerSource): string {
  const r = frameRateInfo(src.rate);
  const rate = `<rate><timebase>${r.nominalFps}</timebase><ntsc>${r.denominator === 1 ? "FALSE" : "TRUE"}</ntsc></rate>`;
  const markers = src.notes.map((n) => {
    const out = n.endFrame > n.startFrame ? n.endFrame + 1 : -1;
    return `    <marker>\n      <comment>${xml(markerText(n))}</comment>\n      <name>${xml(markerName(n))}</name>\n      <in>${n.startFrame}</in>\n      <out>${out}</out>\n    </marker>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<!DOCTYPE xmeml>",
    '<xmeml version="4">',
    "  <sequence>",
    `    <name>${xml(oneLine(src.title))}</name>`,
    `    <duration>${mediaEnd(src)}</duration>`,
    `    ${rate}`,
    `    <timecode>${rate}<string>${src.startTimecode}</string><displayformat>${r.dropFrame ? "DF" : "NDF"}</displayformat></timecode>`,
    ...markers,
    "  </sequence>",
    "</xmeml>",
    "",
  ].join("\n");
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The universal fallback: No.,Name,Start,End,Duration,Color,Notes (timecodes; duration in frames' label). */
export function toCsv(src: MarkerSource): string {
  const rows = [["No.", "Name", "Start", "End", "Duration", "Color", "Notes"]];
  for (const n of src.notes) {
    rows.push([
      String(n.index),
      markerName(n),
      tc(src, n.startFrame),
      tc(src, n.endFrame),
      framesToTimecode(n.endFrame - n.startFrame + 1, src.rate),
      AVID_COLOUR[n.status],
      markerText(n),
    ]);
  }
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

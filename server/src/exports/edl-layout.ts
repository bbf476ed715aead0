import { framesToContinuousTimecode } from "../edits/edit.timecode.js";
import { frameRateInfo } from "@greenlight/common/timecode";
import { toAscii, truncate } from "./text.js";
import type { MarkerSource } from "./marker.types.js";

/**
 * The fixed columns of a CMX3600 event line (docs/exports.md "CMX3600"), 0-based:
 *   0-2 event 001-999 · 5-12 reel (8) · 14-18 channel (5) · 20-23 transition (4) ·
 *   25-27 transition frames (3) · 29-39 source in · 41-51 source out · 53-63 record in ·
 *   65-75 record out. Everything in a CMX3600 file is 7-bit ASCII.
 */
export const CMX = Object.freeze({
  maxEvent: 999,
  reelWidth: 8,
  channelWidth: 5,
  transitionWidth: 4,
  /** Text after "TITLE: " (a title is cut, never wrapped). */
  maxTitle: 70,
  /** A whole comment line, "* LOC: ..." included: long enough for a note's gist, short enough for line-buffered readers. */
  maxCommentLine: 255,
});

export interface EdlEvent {
  number: number;
  reel: string;
  /** "V", "A" (audio 1), "A2", "A3", "A4", "B" (V+A1), "AA" ... */
  channel: string;
  transition: string;
  transitionFrames?: number | null;
  sourceIn: string;
  sourceOut: string;
  recordIn: string;
  recordOut: string;
}

/** One event line in the fixed columns; a value that does not fit is a bug, so it throws. */
export function eventLine(e: EdlEvent): string {
  if (!Number.isInteger(e.number) || e.number < 1 || e.number > CMX.maxEvent) {
    throw new RangeError(`CMX3600 event numbers run 001-${CMX.maxEvent}, got ${e.number}`);
  }
  const reel =
    toAscii(e.reel)
      .toUpperCase()
      .replace(/[^A-Z0-9_]/g, "")
      .slice(0, CMX.reelWidth) || "AX";
  if (e.channel.length > CMX.channelWidth) throw new RangeError(`Channel ${e.channel} is too wide`);
  const frames = e.transitionFrames == null ? "   " : String(e.transitionFrames).padStart(3, "0");
  if (frames.length !== 3) throw new RangeError(`Transition of ${e.transitionFrames} frames is too long`);
  return [
    String(e.number).padStart(3, "0"),
    "",
    reel.padEnd(CMX.reelWidth),
    e.channel.padEnd(CMX.channelWidth),
    e.transition.padEnd(CMX.transitionWidth),
    frames,
    e.sourceIn,
    e.sourceOut,
    e.recordIn,
    e.recordOut,
  ].join(" ");
}

export function titleLine(title: string): string {
  return `TITLE: ${truncate(toAscii(title), CMX.maxTitle)}`;
}

export function fcmLine(src: Pick<MarkerSource, "rate">): string {
  return frameRateInfo(src.rate).dropFrame ? "FCM: DROP FRAME" : "FCM: NON-DROP FRAME";
}

/** An ASCII comment line cut to the line limit. */
export function commentLine(text: string): string {
  return truncate(`* ${toAscii(text)}`, CMX.maxCommentLine);
}

/** Record/source label of a frame of the media, continuing past 24 hours (never wrapping). */
export function edlTimecode(src: Pick<MarkerSource, "rate" | "startTimecode">, frame: number): string {
  return framesToContinuousTimecode(frame, src.rate, src.startTimecode);
}

/** CMX3600 channel for a track: "V" for picture, "A" for audio 1, "A2"... for the others. */
export function channelOf(track: string): string {
  if (track.startsWith("V")) return "V";
  return track === "A1" ? "A" : track;
}

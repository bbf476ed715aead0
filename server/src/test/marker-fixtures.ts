import type { MarkerNote, MarkerSource } from "../exports/marker.types.js";
import { FrameRate, framesPerDay, framesToTimecode, timecodeToFrames } from "@greenlight/common/timecode";

/** Hostile note text (issue #15): what users paste and what attackers type. */
export const HOSTILE_BODIES: readonly string[] = [
  "Word soft break\u000bhere, BEL\u0007 ESC\u001b NUL\u0000 DEL\u007f C1\u0085NEL\u009b",
  "line\u2028separator and\u2029paragraph\r\nCRLF\rCR\nLF\ttab",
  "emoji 😀🎬👩‍👩‍👧 and a lone surrogate \ud800 and \uffff",
  "CJK 日本語の字幕 · 中文 · 한국어",
  "RTL שלום עולם \u202eevil\u202c مرحبا",
  "=cmd|' /C calc'!A0",
  "+SUM(1,2) @A1 -2+3",
  '=HYPERLINK("http://evil.example","click")',
  "quotes \" and ' & <tag> ]]> |C:ResolveColorRed |M:fake",
  "x".repeat(10_000),
];

export const HOSTILE_AUTHOR = '=HYPERLINK("http://evil.example","Rafael")\t\u0007';

export function note(over: Partial<MarkerNote> = {}): MarkerNote {
  return {
    id: "64b000000000000000000001",
    index: 1,
    startFrame: 38,
    endFrame: 38,
    status: "OPEN",
    author: "Rafael Ortiz",
    category: "PACING",
    stem: null,
    body: "Hold longer",
    replies: [],
    drawingShapes: 0,
    ...over,
  };
}

export function source(over: Partial<MarkerSource> = {}): MarkerSource {
  return {
    title: "Pilot v2",
    kind: "CUT",
    rate: FrameRate.FPS_24,
    startTimecode: "01:00:00:00",
    durationFrames: 240,
    mediaUrl: "/media/pilot.mp4",
    notes: [note()],
    ...over,
  };
}

/** One note per hostile body (plus hostile replies and author), two on one frame, a range. */
export function hostileSource(over: Partial<MarkerSource> = {}): MarkerSource {
  const notes = HOSTILE_BODIES.map((body, i) =>
    note({
      id: `64b0000000000000000000${String(i + 10)}`,
      index: i + 1,
      startFrame: i === 1 ? 0 : i * 7,
      endFrame: i === 3 ? i * 7 + 47 : i === 1 ? 0 : i * 7,
      status: (["OPEN", "IN_PROGRESS", "RESOLVED", "WONT_FIX"] as const)[i % 4],
      author: i === 5 ? HOSTILE_AUTHOR : "Zoë 李",
      category: i % 2 ? "VFX" : null,
      body,
      replies: i === 2 ? [{ author: HOSTILE_AUTHOR, body: HOSTILE_BODIES[0] as string }] : [],
    }),
  );
  return source({ durationFrames: 2_000, notes, ...over });
}

/** `count` notes on distinct frames (and every 10th sharing the previous frame). */
export function manyNotes(count: number): MarkerNote[] {
  return Array.from({ length: count }, (_, i) =>
    note({
      id: `n${i}`,
      index: i + 1,
      startFrame: i - (i % 10 === 9 ? 1 : 0),
      endFrame: i - (i % 10 === 9 ? 1 : 0) + (i % 3),
      body: `note ${i}`,
    }),
  );
}

/** A start label two seconds before midnight at `rate` (DF labels valid). */
export function beforeMidnight(rate: FrameRate): string {
  return framesToTimecode(framesPerDay(rate) - 2 * Math.round(timecodeToFrames("00:00:01:00", rate)), rate);
}

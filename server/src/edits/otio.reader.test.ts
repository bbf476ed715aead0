import { describe, expect, it } from "vitest";
import { toOtio } from "../exports/otio.js";
import { hostileSource, source } from "../test/marker-fixtures.js";
import { FrameRate, timecodeToFrames } from "@greenlight/common/timecode";
import { readOtio } from "./otio.reader.js";

const rt = (value: number, rate = 24) => ({ OTIO_SCHEMA: "RationalTime.1", rate, value });
const tr = (start: number, duration: number, rate = 24) => ({
  OTIO_SCHEMA: "TimeRange.1",
  start_time: rt(start, rate),
  duration: rt(duration, rate),
});
const clip = (name: string, start: number, duration: number, extra: Record<string, unknown> = {}) => ({
  OTIO_SCHEMA: "Clip.2",
  name,
  source_range: tr(start, duration),
  media_references: {
    DEFAULT_MEDIA: { OTIO_SCHEMA: "ExternalReference.1", target_url: `file:///media/${name}.mov` },
  },
  active_media_reference_key: "DEFAULT_MEDIA",
  ...extra,
});

function timeline(children: unknown[], audio: unknown[] = []) {
  return JSON.stringify({
    OTIO_SCHEMA: "Timeline.1",
    name: "Pilot",
    global_start_time: rt(86_400),
    tracks: {
      OTIO_SCHEMA: "Stack.1",
      children: [
        { OTIO_SCHEMA: "Track.1", kind: "Video", children },
        { OTIO_SCHEMA: "Track.1", kind: "Audio", children: audio },
      ],
    },
  });
}

describe("readOtio", () => {
  it("places clips after gaps from global_start_time, reads transitions, speed, media and tracks", () => {
    const t = readOtio(
      timeline(
        [
          clip("A", 100, 48),
          { OTIO_SCHEMA: "Gap.1", source_range: tr(0, 24) },
          {
            OTIO_SCHEMA: "Transition.1",
            transition_type: "SMPTE_Dissolve",
            in_offset: rt(6),
            out_offset: rt(6),
          },
          clip("B", 0, 24, { effects: [{ OTIO_SCHEMA: "LinearTimeWarp.1", time_scalar: 2 }] }),
        ],
        [clip("DX", 0, 96)],
      ),
      FrameRate.FPS_24,
    );
    expect(t.events.map((e) => [e.tracks[0], e.clipName, e.recordIn - 86_400, e.recordOut - 86_400])).toEqual(
      [
        ["V", "A", 0, 48],
        ["V", "B", 72, 96],
        ["A1", "DX", 0, 96],
      ],
    );
    expect(t.events[1]).toMatchObject({
      transition: { kind: "DISSOLVE", frames: 12 },
      speed: { fps: 48, freeze: false },
    });
    expect(t.events[0]?.sourceFile).toBe("file:///media/A.mov");
  });

  it("names the JSON path of a bad object and the line of a syntax error", () => {
    expect(() =>
      readOtio(timeline([{ OTIO_SCHEMA: "Clip.2", source_range: tr(0, -1) }]), FrameRate.FPS_24),
    ).toThrow(/tracks\.children\[0\]\.children\[0\]\.source_range: a range's duration is negative/);
    expect(() => readOtio('{\n"OTIO_SCHEMA": "Timeline.1",\n oops }', FrameRate.FPS_24)).toThrow(
      /line 3: not JSON/,
    );
    expect(() => readOtio('{"OTIO_SCHEMA": "Clip.2"}', FrameRate.FPS_24)).toThrow(
      /expected OTIO_SCHEMA Timeline\.1/,
    );
    expect(() => readOtio(timeline([clip("A", 0.5, 10)]), FrameRate.FPS_24)).toThrow(/not a whole frame/);
  });

  it("answers hostile nesting with a parse error, not a stack overflow", () => {
    const deep = `{"OTIO_SCHEMA":"Timeline.1","metadata":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(() => readOtio(deep, FrameRate.FPS_24)).toThrow(/tracks: expected an object/);
  });

  it.each([FrameRate.FPS_23_976, FrameRate.FPS_29_97_DF, FrameRate.FPS_48, FrameRate.FPS_59_94_DF])(
    "round-trips Greenlight's own export at %s: every marker, range, colour and metadata",
    (rate) => {
      const start = rate.includes("_DF") ? "01:00:00;00" : "01:00:00:00";
      const src = hostileSource({ rate, startTimecode: start });
      const t = readOtio(toOtio(src), rate);
      const first = timecodeToFrames(start, rate);
      expect(t.rate).toBe(rate);
      expect(t.events).toHaveLength(1);
      expect(t.events[0]).toMatchObject({
        recordIn: first,
        recordOut: first + 2_000,
        sourceFile: "/media/pilot.mp4",
      });
      expect(t.markers.map((m) => m.frame - first)).toEqual(src.notes.map((n) => n.startFrame));
      expect(t.markers.map((m) => m.metadata.greenlight)).toEqual(
        src.notes.map((n) =>
          expect.objectContaining({
            noteId: n.id,
            status: n.status,
            durationFrames: n.endFrame - n.startFrame + 1,
          }),
        ),
      );
      expect(t.markers[3]?.colour).toBe("MAGENTA");
    },
  );

  it("reads an export without notes", () => {
    expect(readOtio(toOtio(source({ notes: [] })), FrameRate.FPS_24).markers).toEqual([]);
  });
});

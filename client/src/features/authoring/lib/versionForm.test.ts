import { describe, expect, it } from "vitest";
import { FrameRate } from "../../../lib/timecode";
import {
  buildVersionInput,
  durationToFrames,
  FRAME_RATE_OPTIONS,
  initialVersionForm,
  nextRevisionColor,
  timecodeProblem,
  validateVersionForm,
  versionFormShows,
  withRateSeparator,
} from "./versionForm";

const cut = (patch: Partial<ReturnType<typeof initialVersionForm>> = {}) => ({
  ...initialVersionForm(),
  mediaUrl: "/media/ep101.mp4",
  ...patch,
});

describe("revision colours", () => {
  it("start at White and follow WGA order, wrapping after Double Cherry", () => {
    expect(nextRevisionColor(null)).toBe("WHITE");
    expect(nextRevisionColor("WHITE")).toBe("BLUE");
    expect(nextRevisionColor("CHERRY")).toBe("DOUBLE_BLUE");
    expect(nextRevisionColor("DOUBLE_CHERRY")).toBe("WHITE");
    expect(initialVersionForm("PINK").revisionColor).toBe("YELLOW");
  });
});

describe("frame rates", () => {
  it("offer every rate with the label editors use", () => {
    expect(FRAME_RATE_OPTIONS).toHaveLength(Object.values(FrameRate).length);
    expect(FRAME_RATE_OPTIONS.find((o) => o.value === FrameRate.FPS_29_97_DF)?.label).toBe("29.97 DF");
    expect(FRAME_RATE_OPTIONS.find((o) => o.value === FrameRate.FPS_23_976)?.label).toBe("23.976");
  });
  it("switch the frame separator with drop-frame", () => {
    expect(withRateSeparator("01:00:00:00", FrameRate.FPS_29_97_DF)).toBe("01:00:00;00");
    expect(withRateSeparator("01:00:00;00", FrameRate.FPS_25)).toBe("01:00:00:00");
    expect(withRateSeparator("nonsense", FrameRate.FPS_25)).toBe("nonsense");
  });
});

describe("validateVersionForm", () => {
  it("requires script text", () => {
    expect(validateVersionForm("SCRIPT", initialVersionForm())).toEqual({ text: expect.any(String) });
    expect(validateVersionForm("SCRIPT", { ...initialVersionForm(), text: "INT. HOUSE - DAY" })).toEqual({});
  });
  it("requires a media URL the server accepts", () => {
    expect(validateVersionForm("CUT", cut({ mediaUrl: "" })).mediaUrl).toBe("Required");
    expect(validateVersionForm("CUT", cut({ mediaUrl: "ftp://x/y.mov" })).mediaUrl).toBeDefined();
    expect(validateVersionForm("CUT", cut({ mediaUrl: "https://cdn.example/a.mp4" }))).toEqual({});
    expect(validateVersionForm("CUT", cut({ mediaUrl: "/media/cut-v1.webm" }))).toEqual({});
  });
  // Issue 13, finding 13: the server refuses plain http and credentials; so does the form.
  it("refuses plain http and URLs with credentials, as the server does", () => {
    expect(validateVersionForm("CUT", cut({ mediaUrl: "http://cdn.example/a.mp4" })).mediaUrl).toMatch(
      /https/,
    );
    expect(
      validateVersionForm("CUT", cut({ mediaUrl: "https://u:p@cdn.example/a.mp4" })).mediaUrl,
    ).toBeDefined();
  });
  it("checks the start timecode at the chosen rate, drop-frame aware", () => {
    const df = FrameRate.FPS_29_97_DF;
    expect(validateVersionForm("CUT", cut({ frameRate: df, startTimecode: "01:00:00;00" }))).toEqual({});
    // 00:01:00;00 does not exist in drop-frame counting (frames 00 and 01 of minute 1 are skipped).
    expect(timecodeProblem("00:01:00;00", df)).toMatch(/drop-frame/);
    expect(timecodeProblem("00:01:00:00", FrameRate.FPS_29_97_NDF)).toBeNull();
    expect(validateVersionForm("CUT", cut({ startTimecode: "01:00:00:24" })).startTimecode).toMatch(
      /below 24/,
    );
  });
  it("wants whole positive durations and loudness in range", () => {
    expect(validateVersionForm("CUT", cut({ durationFrames: "1.5" })).durationFrames).toBeDefined();
    expect(validateVersionForm("CUT", cut({ durationFrames: "0" })).durationFrames).toBeDefined();
    const mix = validateVersionForm("MIX", cut({ integratedLkfs: "5", truePeakDbtp: "-1" }));
    expect(mix).toEqual({ "loudness.integratedLkfs": "Between -70 and 0" });
    const stems = validateVersionForm("MIX", cut({ stems: { ...cut().stems, MUSIC: "not a url" } }));
    expect(stems["stems.MUSIC"]).toBeDefined();
  });
});

describe("buildVersionInput", () => {
  it("sends only script fields for a script", () => {
    const input = buildVersionInput("a1", "SCRIPT", { ...initialVersionForm("WHITE"), text: "FADE IN:" });
    expect(input).toEqual({ assetId: "a1", text: "FADE IN:", revisionColor: "BLUE", revisionLabel: null });
  });
  it("sends timing for a cut, without stems or loudness", () => {
    const input = buildVersionInput(
      "a1",
      "CUT",
      cut({ frameRate: FrameRate.FPS_29_97_DF, startTimecode: " 01:00:00;00 ", durationFrames: "1800" }),
    );
    expect(input).toEqual({
      assetId: "a1",
      mediaUrl: "/media/ep101.mp4",
      frameRate: "FPS_29_97_DF",
      startTimecode: "01:00:00;00",
      durationFrames: 1800,
    });
  });
  it("adds the filled stems and loudness for a mix", () => {
    const input = buildVersionInput(
      "a1",
      "MIX",
      cut({ stems: { ...cut().stems, DIALOGUE: "/media/dx.wav" }, integratedLkfs: "-24" }),
    );
    expect(input.stems).toEqual([{ stem: "DIALOGUE", mediaUrl: "/media/dx.wav" }]);
    expect(input.loudness).toEqual({ integratedLkfs: -24, truePeakDbtp: null });
    expect(buildVersionInput("a1", "MIX", cut()).loudness).toBeNull();
  });
});

describe("durationToFrames", () => {
  it("counts whole frames of the media at the rate", () => {
    expect(durationToFrames(60.06, FrameRate.FPS_29_97_DF)).toBe(1800);
    expect(durationToFrames(10, FrameRate.FPS_25)).toBe(250);
    expect(durationToFrames(Number.NaN, FrameRate.FPS_25)).toBeNull();
    expect(durationToFrames(Number.POSITIVE_INFINITY, FrameRate.FPS_25)).toBeNull();
  });
});

describe("versionFormShows", () => {
  it("knows which server fields have a control on each kind's form", () => {
    expect(versionFormShows("SCRIPT", "text")).toBe(true);
    expect(versionFormShows("SCRIPT", "mediaUrl")).toBe(false);
    expect(versionFormShows("CUT", "startTimecode")).toBe(true);
    expect(versionFormShows("CUT", "stems")).toBe(false);
    expect(versionFormShows("MIX", "stems")).toBe(true);
    expect(versionFormShows("MIX", "loudness.loudnessRange")).toBe(false);
  });
});

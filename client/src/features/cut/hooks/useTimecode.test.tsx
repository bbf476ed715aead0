import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FrameRate, framesToSeconds } from "../../../lib/timecode";
import { type FrameSource, usePlayerFrame } from "./usePlayerFrame";
import { useTimecode } from "./useTimecode";

describe("useTimecode", () => {
  it("labels frames from the version's start timecode", () => {
    const { result } = renderHook(() => useTimecode(36, FrameRate.FPS_24, "01:00:00:00"));
    expect(result.current.label).toBe("01:00:01:12");
    expect(result.current.dropFrame).toBe(false);
  });

  it("uses drop-frame labels at 29.97 DF (the label after 00:00:59;29 is 00:01:00;02)", () => {
    const { result, rerender } = renderHook(({ f }) => useTimecode(f, FrameRate.FPS_29_97_DF, null), {
      initialProps: { f: 1799 },
    });
    expect(result.current.label).toBe("00:00:59;29");
    rerender({ f: 1800 });
    expect(result.current.label).toBe("00:01:00;02");
    expect(result.current.dropFrame).toBe(true);
    expect(result.current.rateLabel).toBe("29.97 DF");
  });

  it("shows a placeholder rather than a wrong label when there is no frame", () => {
    const { result } = renderHook(() => useTimecode(null, FrameRate.FPS_25));
    expect(result.current.label).toBe("--:--:--:--");
  });
});

class FakeVideo extends EventTarget implements FrameSource {
  currentTime = 0;
  paused = true;
  private cb: ((now: number, meta: { mediaTime: number }) => void) | null = null;
  requestVideoFrameCallback = (cb: (now: number, meta: { mediaTime: number }) => void) => {
    this.cb = cb;
    return 1;
  };
  cancelVideoFrameCallback = () => {
    this.cb = null;
  };
  present(mediaTime: number) {
    this.currentTime = mediaTime;
    this.cb?.(0, { mediaTime });
  }
}

describe("usePlayerFrame", () => {
  it("reads integer frames from presented frames without float drift at 23.976", () => {
    const video = new FakeVideo();
    const { result } = renderHook(() => usePlayerFrame(video, FrameRate.FPS_23_976));
    for (const f of [1, 24, 1439, 86_400 * 24 - 1]) {
      act(() => video.present(framesToSeconds(f, FrameRate.FPS_23_976)));
      expect(result.current).toBe(f);
    }
  });

  it("follows seeks while paused", () => {
    const video = new FakeVideo();
    const { result } = renderHook(() => usePlayerFrame(video, FrameRate.FPS_25));
    act(() => {
      video.currentTime = 4.02; // frame 100.5 -> shows frame 100
      video.dispatchEvent(new Event("seeked"));
    });
    expect(result.current).toBe(100);
  });
});

import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FrameRate, frameAtPresentation, frameSeekSeconds } from "../../../lib/timecode";
import { FakeVideo } from "../../../test/fakeVideo";
import { FrameClock } from "../../cut/frameClock";
import { useLockedFollower } from "./useLockedFollower";

const rate = FrameRate.FPS_24;
const pts = (f: number) => f / 24;

function follow(video: FakeVideo, clock: FrameClock, init: { target: number; speed: number }) {
  return renderHook(({ target, speed }) => useLockedFollower(video, clock, rate, target, 120, speed), {
    initialProps: init,
  });
}

describe("useLockedFollower", () => {
  it("rests on the target frame, and the second picture's readout settles on it", () => {
    const video = new FakeVideo(true);
    const clock = new FrameClock(video, rate);
    clock.start();
    const { rerender } = follow(video, clock, { target: 35, speed: 0 });
    video.finishSeek(pts, rate);
    expect(clock.get()).toEqual({ frame: 35, settled: true });
    rerender({ target: 36, speed: 0 });
    expect(video.currentTime).toBe(frameSeekSeconds(36, rate));
    // The picture comes while the element still reports `seeking`, then the seek completes.
    video.seeking = true;
    video.present(pts(36));
    video.seeking = false;
    video.dispatchEvent(new Event("seeked"));
    expect(clock.get()).toEqual({ frame: 36, settled: true });
  });

  it("pausing after play lands on the target: the pause snap does not pull it back to the old picture", async () => {
    const video = new FakeVideo(true);
    const clock = new FrameClock(video, rate);
    clock.start();
    const { rerender } = follow(video, clock, { target: 40, speed: 1 });
    await act(async () => undefined);
    expect(video.paused).toBe(false);
    video.present(pts(40));
    rerender({ target: 45, speed: 0 });
    // The browser fires `pause` after the follower's seek was asked for.
    video.flush();
    expect(frameAtPresentation(video.currentTime - 0.5 / 24, rate)).toBe(45);
    video.finishSeek(pts, rate);
    expect(clock.get()).toEqual({ frame: 45, settled: true });
  });

  it("outside the second picture's media, pauses it on its nearest end", () => {
    const video = new FakeVideo(true);
    const clock = new FrameClock(video, rate, 120);
    clock.start();
    follow(video, clock, { target: 500, speed: 1 });
    expect(video.paused).toBe(true);
    expect(clock.current()).toBe(119);
  });
});

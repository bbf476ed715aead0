import { describe, expect, it } from "vitest";
import { FrameRate, frameAtPlayhead, frameAtPresentation, frameRateInfo } from "../../lib/timecode";
import { FakeVideo } from "../../test/fakeVideo";
import { FrameClock } from "./frameClock";

const exact = (rate: FrameRate) => (f: number) => {
  const r = frameRateInfo(rate);
  return (f * r.denominator) / r.numerator;
};
/** WebM's whole-millisecond timestamps, rounded down: the case that used to read one frame early. */
const ms = (rate: FrameRate, f: number) =>
  (f * frameRateInfo(rate).denominator * 1000) / frameRateInfo(rate).numerator;
const webmFloor = (rate: FrameRate) => (f: number) => Math.floor(ms(rate, f)) / 1000;
const webmRound = (rate: FrameRate) => (f: number) => Math.round(ms(rate, f)) / 1000;

const RATES = [
  FrameRate.FPS_23_976,
  FrameRate.FPS_24,
  FrameRate.FPS_25,
  FrameRate.FPS_29_97_DF,
  FrameRate.FPS_59_94_DF,
];

describe("frame mapping", () => {
  it.each(RATES)("maps every millisecond-rounded presentation stamp back to its frame at %s", (rate) => {
    const wrong: number[] = [];
    for (let f = 0; f < 20_000; f++) {
      if (frameAtPresentation(webmFloor(rate)(f), rate) !== f) wrong.push(f);
      if (frameAtPresentation(webmRound(rate)(f), rate) !== f) wrong.push(f);
      if (frameAtPlayhead(webmFloor(rate)(f), rate) !== f) wrong.push(f);
    }
    expect(wrong).toEqual([]);
  });
});

describe("FrameClock", () => {
  it("seeks to the middle of the frame and reports it settled once that frame is presented", () => {
    const rate = FrameRate.FPS_29_97_DF;
    const video = new FakeVideo();
    const clock = new FrameClock(video, rate);
    clock.start();
    clock.seek(31);
    video.seeking = true;
    expect(clock.get()).toEqual({ frame: 31, settled: false });
    expect(frameAtPresentation(video.currentTime, rate)).not.toBe(frameAtPlayhead(video.currentTime, rate));
    video.present(webmFloor(rate)(0)); // the old picture, still in flight
    expect(clock.get().frame).toBe(31);
    video.finishSeek(webmFloor(rate), rate);
    expect(clock.get()).toEqual({ frame: 31, settled: true });
  });

  it("steps from a seek in flight, so a burst of keys is not lost", () => {
    const video = new FakeVideo();
    const clock = new FrameClock(video, FrameRate.FPS_24);
    clock.start();
    clock.seek(10);
    video.seeking = true;
    clock.seek(clock.current() + 1);
    clock.seek(clock.current() + 1);
    expect(clock.current()).toBe(12);
  });

  it("settles at once when a seek lands on the frame already on screen", () => {
    const rate = FrameRate.FPS_25;
    const video = new FakeVideo();
    const clock = new FrameClock(video, rate);
    clock.start();
    video.present(exact(rate)(7));
    clock.seek(7);
    video.seeking = true;
    video.seeking = false;
    video.dispatchEvent(new Event("seeked"));
    expect(clock.get()).toEqual({ frame: 7, settled: true });
  });

  it("settles a seek it did not make once it lands, though its picture came while still seeking", () => {
    // Chromium can present the sought picture before it clears `seeking`; no later frame confirms it.
    const rate = FrameRate.FPS_24;
    const video = new FakeVideo();
    const clock = new FrameClock(video, rate);
    clock.start();
    clock.seek(35);
    video.finishSeek(exact(rate), rate);
    expect(clock.get()).toEqual({ frame: 35, settled: true });
    video.currentTime = exact(rate)(36.5);
    video.seeking = true;
    video.present(exact(rate)(36));
    expect(clock.get().frame).toBe(35);
    video.seeking = false;
    video.dispatchEvent(new Event("seeked"));
    expect(clock.get()).toEqual({ frame: 36, settled: true });
  });

  it("while playing follows presented frames; pausing rests the playhead on the frame on screen", () => {
    const rate = FrameRate.FPS_23_976;
    const video = new FakeVideo();
    const clock = new FrameClock(video, rate);
    clock.start();
    video.paused = false;
    video.dispatchEvent(new Event("play"));
    for (const f of [1, 2, 3]) video.present(webmFloor(rate)(f));
    expect(clock.get()).toEqual({ frame: 3, settled: false });
    video.currentTime = exact(rate)(4) + 0.001; // the clock ran ahead of the picture
    video.pause();
    expect(frameAtPlayhead(video.currentTime, rate)).toBe(3);
    video.finishSeek(webmFloor(rate), rate);
    expect(clock.get()).toEqual({ frame: 3, settled: true });
  });

  it("at rest, a late callback for an earlier picture moves neither the readout nor an anchor", () => {
    const rate = FrameRate.FPS_59_94_DF;
    const video = new FakeVideo();
    const clock = new FrameClock(video, rate);
    clock.start();
    clock.seek(7);
    video.finishSeek(webmFloor(rate), rate);
    expect(clock.get()).toEqual({ frame: 7, settled: true });
    video.present(webmFloor(rate)(6));
    expect(clock.get()).toEqual({ frame: 7, settled: false });
    video.present(webmRound(rate)(7));
    expect(clock.get()).toEqual({ frame: 7, settled: true });
  });

  it("clamps seeks to the media's frames", () => {
    const video = new FakeVideo();
    const clock = new FrameClock(video, FrameRate.FPS_24, 100);
    clock.seek(250);
    expect(clock.current()).toBe(99);
    clock.seek(-5);
    expect(clock.current()).toBe(0);
  });
});

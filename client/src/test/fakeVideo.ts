/**
 * A video element reduced to what the frame clock and the compare follower read: the test presents
 * frames and finishes seeks. Like the browser, `pause()` fires its event as a later task, and `play()`
 * resolves. Imported by tests only.
 */
import type { FrameSource } from "../features/cut/frameClock";
import { type FrameRate, frameAtPlayhead } from "../lib/timecode";

type Cb = (now: number, meta: { mediaTime: number }) => void;

export class FakeVideo extends EventTarget implements FrameSource {
  currentTime = 0;
  paused = true;
  seeking = false;
  readyState = 4;
  playbackRate = 1;
  private cb: Cb | null = null;
  /** Pause events not fired yet (the browser queues them), for tests that need the real order. */
  readonly queued: Event[] = [];
  constructor(private readonly asyncPause = false) {
    super();
  }
  requestVideoFrameCallback = (cb: Cb) => {
    this.cb = cb;
    return 1;
  };
  cancelVideoFrameCallback = () => {
    this.cb = null;
  };
  play(): Promise<void> {
    if (this.paused) {
      this.paused = false;
      this.dispatchEvent(new Event("play"));
    }
    return Promise.resolve();
  }
  pause() {
    if (this.paused) return;
    this.paused = true;
    if (this.asyncPause) this.queued.push(new Event("pause"));
    else this.dispatchEvent(new Event("pause"));
  }
  /** Fires the events the browser had queued. */
  flush() {
    for (const e of this.queued.splice(0)) this.dispatchEvent(e);
  }
  present(mediaTime: number) {
    this.cb?.(0, { mediaTime });
  }
  /** Completes the seek asked for, presenting the frame a decoder shows at that time. */
  finishSeek(pts: (frame: number) => number, rate: FrameRate) {
    this.seeking = false;
    this.dispatchEvent(new Event("seeked"));
    this.present(pts(frameAtPlayhead(this.currentTime, rate)));
  }
}

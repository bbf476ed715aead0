import { type FrameRate, frameAtPlayhead, frameAtPresentation, frameSeekSeconds } from "../../lib/timecode";
import { clampFrame } from "./transport";

type FrameCallback = (now: number, meta: { mediaTime: number }) => void;

/** The subset of HTMLMediaElement the clock uses; lets unit tests drive it with a fake element. */
export interface FrameSource extends EventTarget {
  currentTime: number;
  readonly paused: boolean;
  readonly seeking: boolean;
  pause(): void;
  requestVideoFrameCallback?: (cb: FrameCallback) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
}

export interface ClockState {
  /** The frame the readout shows: the seek target while a seek is in flight, else the frame on screen. */
  readonly frame: number;
  /** Paused with the picture presenting `frame` (nothing in flight): what a test may compare. */
  readonly settled: boolean;
}

/**
 * The one source of truth for a player's current frame. Every path — presented frames
 * (requestVideoFrameCallback), seeks, steps, shuttle, follow, jump to note — goes through `seek` or is
 * read from the element here, so no two paths can disagree about which frame is current.
 *
 * Seeks land in the middle of a frame (never on a boundary a rounded container timestamp could put on
 * the wrong side), and a presented frame is mapped by nearest-frame rounding. Pausing snaps the element
 * to the middle of the frame on screen, so the playhead, the readout and the picture agree at rest.
 */
export class FrameClock {
  private target: number | null = null;
  private presented: number | null = null;
  private state: ClockState = { frame: 0, settled: false };
  private readonly listeners = new Set<() => void>();
  private readonly hasFrameCallback: boolean;
  private handle = 0;
  private stopped = false;
  /** Set while the clock pauses the element itself (reverse shuttle), so that pause is not a snap. */
  private quietPause = false;

  constructor(
    private readonly media: FrameSource,
    private readonly rate: FrameRate,
    private durationFrames: number | null = null,
  ) {
    this.hasFrameCallback = typeof media.requestVideoFrameCallback === "function";
  }

  setDuration(frames: number | null): void {
    this.durationFrames = frames;
  }

  get = (): ClockState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The frame a step or shuttle starts from: a seek in flight counts as done. */
  current(): number {
    return this.target ?? this.state.frame;
  }

  seek(frame: number): void {
    const f = clampFrame(Math.round(frame), this.durationFrames);
    this.target = f;
    this.media.currentTime = frameSeekSeconds(f, this.rate);
    this.set(f, false);
  }

  /** Pauses without snapping (the reverse shuttle pauses to step the clock by hand). */
  pauseQuietly(): void {
    if (this.media.paused) return;
    this.quietPause = true;
    this.media.pause();
  }

  start(): () => void {
    const m = this.media;
    const on: Record<string, () => void> = {
      seeked: this.onSeeked,
      pause: this.onPause,
      play: this.onPlay,
      loadedmetadata: this.onMetadata,
      timeupdate: this.onTimeUpdate,
    };
    for (const [e, fn] of Object.entries(on)) m.addEventListener(e, fn);
    if (this.hasFrameCallback) this.handle = m.requestVideoFrameCallback?.(this.onFrame) ?? 0;
    else this.handle = requestAnimationFrame(this.tick);
    this.onMetadata();
    return () => {
      this.stopped = true;
      for (const [e, fn] of Object.entries(on)) m.removeEventListener(e, fn);
      if (this.hasFrameCallback) m.cancelVideoFrameCallback?.(this.handle);
      else cancelAnimationFrame(this.handle);
    };
  }

  private set(frame: number, settled: boolean): void {
    if (frame === this.state.frame && settled === this.state.settled) return;
    this.state = { frame, settled };
    for (const l of this.listeners) l();
  }

  private readonly onFrame: FrameCallback = (_now, meta) => {
    if (this.stopped) return;
    this.handle = this.media.requestVideoFrameCallback?.(this.onFrame) ?? 0;
    this.presented = frameAtPresentation(meta.mediaTime, this.rate);
    // A frame presented while a seek is still in flight is the old picture; the seek's frame follows.
    if (this.media.seeking) return;
    if (this.media.paused) this.settleAtRest();
    else {
      this.target = null;
      this.set(this.presented, false);
    }
  };

  /**
   * Paused, the playhead is authoritative: every seek (and every pause, see `onPause`) puts it in the
   * middle of a frame. The picture only confirms it, so a late callback for an earlier picture cannot
   * move the readout or a note's anchor; until the picture matches, the frame is shown unsettled.
   */
  private settleAtRest(): void {
    const at = clampFrame(this.fromPlayhead(), this.durationFrames);
    const confirmed = this.presented === at;
    if (confirmed) this.target = null;
    this.set(this.target ?? at, confirmed);
  }

  private readonly onSeeked = () => {
    if (this.target === null) {
      // A seek made on the element directly: its picture may have come while `seeking` was still set
      // (ignored by onFrame), and no later frame will be presented at rest to confirm it.
      if (this.hasFrameCallback && this.media.paused) this.settleAtRest();
      return;
    }
    if (!this.hasFrameCallback) {
      this.target = null;
      this.set(frameAtPlayhead(this.media.currentTime, this.rate), this.media.paused);
    } else if (this.presented === this.target) {
      // Landed on the frame already on screen: no new frame will be presented to confirm it.
      if (this.media.paused) this.settleAtRest();
      else {
        this.target = null;
        this.set(this.presented, false);
      }
    }
  };

  private readonly onPause = () => {
    if (this.quietPause) {
      this.quietPause = false;
      return;
    }
    if (this.target !== null) return;
    // Rest the playhead in the middle of the frame on screen, so currentTime agrees with the picture.
    const f = this.hasFrameCallback && this.presented !== null ? this.presented : this.fromPlayhead();
    this.seek(f);
  };

  private readonly onPlay = () => this.set(this.current(), false);

  private readonly onMetadata = () => {
    if (this.target !== null || this.presented !== null) return;
    this.set(this.fromPlayhead(), this.media.paused && !this.media.seeking && !this.hasFrameCallback);
  };

  private readonly onTimeUpdate = () => {
    if (!this.hasFrameCallback && this.target === null && !this.media.seeking)
      this.set(this.fromPlayhead(), this.media.paused);
  };

  private readonly tick = () => {
    if (this.stopped) return;
    if (!this.media.paused && this.target === null) this.set(this.fromPlayhead(), false);
    this.handle = requestAnimationFrame(this.tick);
  };

  private fromPlayhead(): number {
    return frameAtPlayhead(this.media.currentTime, this.rate);
  }
}

import { alignedFrame } from "@greenlight/common/align";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CompareSideFragment, CompareVersionsQuery } from "../../../gql/graphql";
import { labelFor, timecodeToFrames, toRate } from "../../../lib/timecode";
import { Timeline } from "../../cut/components/Timeline";
import { usePlayerFrame } from "../../cut/hooks/usePlayerFrame";
import { useMediaFrames } from "../../cut/hooks/useTimedRoom";
import { useTransport } from "../../cut/hooks/useTransport";
import { useVersionNotes } from "../../versions/hooks/useVersionNotes";
import { useLockedFollower } from "../hooks/useLockedFollower";
import { compareLink, type CompareView } from "../lib/compareLink";
import { WipeSplit } from "./WipeSplit";

type Comparison = NonNullable<CompareVersionsQuery["compareVersions"]>;

interface Props {
  cmp: Comparison;
  view: CompareView;
  onView: (view: CompareView) => void;
  /** The record timecode to open at (the URL's `t`). */
  initialT: string | null;
}

const NO_MARKS = { in: null, out: null } as const;
const timing = (v: CompareSideFragment) => ({
  rate: toRate(v.frameRate),
  startTimecode: v.startTimecode ?? "00:00:00:00",
});

/**
 * Two cuts (or mixes) frame-locked: A's transport drives both; B sits on the frame of A's record
 * timecode. Side by side or as a wipe; each with its own notes on its own timeline.
 */
export function CompareCut({ cmp, view, onView, initialT }: Props) {
  const { a, b } = cmp;
  const [videoA, setVideoA] = useState<HTMLVideoElement | null>(null);
  const [videoB, setVideoB] = useState<HTMLVideoElement | null>(null);
  const [split, setSplit] = useState(0.5);
  const ta = useMemo(() => timing(a), [a]);
  const tb = useMemo(() => timing(b), [b]);
  const mediaA = useMediaFrames(videoA, ta.rate);
  const mediaB = useMediaFrames(videoB, tb.rate);
  const durA = a.durationFrames ?? mediaA;
  const durB = b.durationFrames ?? mediaB;
  const { clock, frame, settled } = usePlayerFrame(videoA, ta.rate, durA);
  const transport = useTransport(videoA, clock, ta.rate, frame);
  const targetB = alignedFrame(frame, ta, tb);
  const sideB = usePlayerFrame(videoB, tb.rate, durB);
  useLockedFollower(videoB, sideB.clock, tb.rate, targetB, durB, transport.speed);
  const notesA = useVersionNotes(a.id).notes;
  const notesB = useVersionNotes(b.id).notes;
  const labelA = (f: number) => labelFor(f, ta.rate, ta.startTimecode);
  const labelB = (f: number) => labelFor(f, tb.rate, tb.startTimecode);
  const outside = durB != null && (targetB < 0 || targetB >= durB);

  // Open at the URL's record timecode, once A's clock runs.
  const opened = useRef(false);
  const { seekFrame, pause } = transport;
  useEffect(() => {
    if (opened.current || !clock || durA == null) return;
    opened.current = true;
    if (!initialT) return;
    try {
      seekFrame(timecodeToFrames(initialT, ta.rate) - timecodeToFrames(ta.startTimecode, ta.rate));
    } catch {
      // A malformed t opens at the start.
    }
  }, [clock, durA, initialT, seekFrame, ta]);
  // The address bar keeps both versions, the view and the resting record position.
  const resting = transport.speed === 0 ? labelA(frame) : null;
  useEffect(() => {
    if (!opened.current || !resting) return;
    window.history.replaceState(
      window.history.state,
      "",
      compareLink({ a: a.id, b: b.id, view, t: resting }),
    );
  }, [a.id, b.id, view, resting]);

  const picture = (v: CompareSideFragment, ref: (el: HTMLVideoElement | null) => void, testid: string) =>
    v.mediaUrl ? (
      // biome-ignore lint/a11y/useMediaCaption: review cuts carry no caption track
      <video
        ref={ref}
        src={v.mediaUrl}
        preload="auto"
        playsInline
        muted={testid === "video-b"}
        data-testid={testid}
      />
    ) : (
      <p className="empty">No media for v{v.number}.</p>
    );

  return (
    <div className="compare-cut">
      <div className={`compare-stage ${view}`} data-testid="compare-stage" data-view={view}>
        <figure className="compare-side a" data-testid="side-a">
          {picture(a, setVideoA, "video")}
          <figcaption>v{a.number}</figcaption>
        </figure>
        <figure
          className="compare-side b"
          data-testid="side-b"
          style={view === "wipe" ? { clipPath: `inset(0 0 0 ${split * 100}%)` } : undefined}
        >
          {picture(b, setVideoB, "video-b")}
          <figcaption>v{b.number}</figcaption>
          {outside ? <p className="compare-outside">No picture of v{b.number} at this timecode</p> : null}
        </figure>
        {view === "wipe" ? <WipeSplit split={split} onChange={setSplit} /> : null}
      </div>
      <div className="row compare-transport">
        <span className="timecode mono" data-testid="timecode" data-frame={frame} data-settled={settled}>
          {labelA(frame)}
        </span>
        <span
          className="muted small mono"
          data-testid="timecode-b"
          data-frame={sideB.frame}
          data-settled={sideB.settled}
        >
          v{b.number} f{sideB.frame}
        </span>
        <button
          type="button"
          className="btn sm"
          onClick={() => transport.step(-1)}
          aria-label="Previous frame"
        >
          ◀|
        </button>
        <button
          type="button"
          className="btn primary sm"
          onClick={transport.togglePlay}
          aria-label={transport.speed ? "Pause" : "Play"}
        >
          {transport.speed ? "❚❚" : "▶"}
        </button>
        <button type="button" className="btn sm" onClick={() => transport.step(1)} aria-label="Next frame">
          |▶
        </button>
        <span
          className="badge plain"
          data-testid="compare-alignment"
          data-same-clock={cmp.alignment?.sameClock ?? true}
        >
          {cmp.alignment?.summary}
        </span>
        <span className="spacer" />
        <fieldset aria-label="Compare view" className="row compare-views">
          {(["side", "wipe"] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="btn sm"
              aria-pressed={view === v}
              onClick={() => onView(v)}
            >
              {v === "side" ? "Side by side" : "Wipe"}
            </button>
          ))}
        </fieldset>
      </div>
      {durA ? (
        <CompareTimeline
          label={`v${a.number}`}
          dur={durA}
          frame={frame}
          notes={notesA}
          fmt={labelA}
          onSeek={(f) => {
            pause();
            seekFrame(f);
          }}
        />
      ) : null}
      {durB ? (
        <CompareTimeline
          label={`v${b.number}`}
          dur={durB}
          frame={sideB.frame}
          notes={notesB}
          fmt={labelB}
          onSeek={(f) => {
            pause();
            seekFrame(alignedFrame(f, tb, ta));
          }}
        />
      ) : null}
    </div>
  );
}

function CompareTimeline(p: {
  label: string;
  dur: number;
  frame: number;
  notes: Parameters<typeof Timeline>[0]["notes"];
  fmt: (f: number) => string;
  onSeek: (f: number) => void;
}) {
  return (
    <div className="compare-timeline" data-testid={`compare-timeline-${p.label}`}>
      <span className="muted small">{p.label}</span>
      <Timeline
        durationFrames={p.dur}
        frame={p.frame}
        notes={p.notes}
        marks={NO_MARKS}
        others={[]}
        selectedNoteId={null}
        label={p.fmt}
        onSeek={p.onSeek}
        onNoteClick={(n) => n.anchor.__typename === "TimeAnchor" && p.onSeek(n.anchor.startFrame)}
        compact
      />
    </div>
  );
}

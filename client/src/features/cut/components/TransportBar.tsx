import { CopyLink } from "../../../app/CopyLink";
import type { FrameRate } from "../../../lib/timecode";
import { rateLabel } from "../../../lib/timecode";
import type { Follow } from "../hooks/useFollow";
import type { useTransport } from "../hooks/useTransport";
import { JumpBox } from "./JumpBox";

interface Props {
  timecode: string;
  frame: number;
  /** The picture presents `frame` and nothing is in flight (tests compare the picture then). */
  settled: boolean;
  rate: FrameRate;
  duration: string | null;
  transport: ReturnType<typeof useTransport>;
  label: (frame: number) => string;
  follow: Follow;
  /** Go to a typed timecode, offset or frame; the problem with the entry, or null once there. */
  onJump: (text: string) => string | null;
  /** A link to this frame of this version, for "Copy link". */
  frameLink: string;
}

/** Timecode readout and transport buttons; every button has a key (see `?`). */
export function TransportBar(props: Props) {
  const { timecode, frame, settled, rate, duration, transport, label, follow, onJump, frameLink } = props;
  const { speed, marks } = transport;
  return (
    <div className="transport" role="toolbar" aria-label="Transport">
      <output
        className="tc mono"
        aria-live="off"
        data-testid="timecode"
        data-frame={frame}
        data-settled={settled}
        title={`Frame ${frame}`}
      >
        {timecode}
      </output>
      <span className="small muted mono">
        {rateLabel(rate)} · f{frame}
        {duration ? <span className="tc-duration"> / {duration}</span> : null}
      </span>
      <JumpBox onJump={onJump} />
      <CopyLink href={frameLink} label="Copy a link to this frame" testId="copy-frame-link" text="Link" />
      <div className="row transport-buttons">
        <button
          type="button"
          className="btn sm"
          onClick={() => transport.seekFrame(0)}
          aria-label="Go to start (Home)"
        >
          ⇤
        </button>
        <button
          type="button"
          className="btn sm"
          onClick={() => transport.step(-1)}
          aria-label="Previous frame (←)"
        >
          ◀︎|
        </button>
        <button
          type="button"
          className="btn sm primary play"
          onClick={transport.togglePlay}
          aria-label={speed !== 0 ? "Pause (Space)" : "Play (Space)"}
          data-testid="play"
        >
          {speed !== 0 ? "❚❚" : "▶︎"}
        </button>
        <button
          type="button"
          className="btn sm"
          onClick={() => transport.step(1)}
          aria-label="Next frame (→)"
        >
          |▶︎
        </button>
        {speed !== 0 && speed !== 1 ? (
          <span className="badge plain mono">{speed > 0 ? `${speed}×` : `◀ ${-speed}×`}</span>
        ) : null}
      </div>
      <div className="row small">
        <button type="button" className="btn sm" onClick={transport.markIn} aria-label="Mark in (I)">
          In {marks.in !== null ? <span className="mono">{label(marks.in)}</span> : null}
        </button>
        <button type="button" className="btn sm" onClick={transport.markOut} aria-label="Mark out (O)">
          Out {marks.out !== null ? <span className="mono">{label(marks.out)}</span> : null}
        </button>
        {marks.in !== null || marks.out !== null ? (
          <button
            type="button"
            className="btn ghost sm"
            onClick={transport.clearMarks}
            aria-label="Clear in and out (X)"
          >
            ✕
          </button>
        ) : null}
      </div>
      <span className="spacer" />
      <label className="row small">
        <span className="visually-hidden">Follow</span>
        <select
          className="select"
          value={follow.targetId ?? ""}
          onChange={(e) => follow.start(e.target.value || null)}
          aria-label="Follow another viewer's playhead"
          disabled={follow.candidates.length === 0}
          data-testid="follow"
        >
          <option value="">{follow.candidates.length ? "Follow: no one" : "Follow: no one else here"}</option>
          {follow.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

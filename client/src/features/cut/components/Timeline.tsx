import { memo, type PointerEvent, useCallback, useRef } from "react";
import type { CarriedTimePlacementFragment, NoteItemFragment } from "../../../gql/graphql";
import { personColor } from "../../presence/components/PresenceAvatars";
import type { InOut } from "../hooks/useTransport";
import { CarriedTimeMarkers } from "./CarriedTimeMarkers";

export interface OtherPlayhead {
  readonly id: string;
  readonly name: string;
  readonly initials: string;
  readonly frame: number;
}

interface Props {
  durationFrames: number;
  frame: number;
  notes: readonly NoteItemFragment[];
  marks: InOut;
  others: readonly OtherPlayhead[];
  selectedNoteId: string | null;
  label: (frame: number) => string;
  onSeek: (frame: number) => void;
  onNoteClick: (note: NoteItemFragment) => void;
  /** Notes carried onto this version by the conform, drawn at their new places. */
  carried?: readonly CarriedTimePlacementFragment[];
  carriedSelectedId?: string | null;
  onCarriedClick?: (c: CarriedTimePlacementFragment) => void;
  /** Mix: drawn over the waveform instead of below the picture. */
  compact?: boolean;
}

const pct = (f: number, d: number) => `${(Math.max(0, Math.min(f, d)) / d) * 100}%`;

/** The review timeline: note markers (points and ranges, coloured by status), in/out, playheads. */
export const Timeline = memo(function Timeline(props: Props) {
  const {
    durationFrames: d,
    frame,
    notes,
    marks,
    others,
    label,
    onSeek,
    onNoteClick,
    selectedNoteId,
  } = props;
  const trackRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const frameAtX = useCallback(
    (clientX: number) => {
      const rect = trackRef.current?.getBoundingClientRect();
      if (!rect || rect.width === 0) return 0;
      return Math.round(((clientX - rect.left) / rect.width) * (d - 1));
    },
    [d],
  );
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest(".tl-marker")) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    onSeek(frameAtX(e.clientX));
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) onSeek(frameAtX(e.clientX));
  };
  const onUp = () => {
    dragging.current = false;
  };

  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.min(d - 1, Math.round(t * (d - 1))));

  return (
    <div className={`timeline${props.compact ? " compact" : ""}`} data-testid="timeline">
      {!props.compact ? (
        <div className="tl-ruler mono" aria-hidden="true">
          {ticks.map((t) => (
            <span key={t} style={{ left: pct(t, d) }}>
              {label(t)}
            </span>
          ))}
        </div>
      ) : null}
      <div
        ref={trackRef}
        className="tl-track"
        role="slider"
        tabIndex={-1}
        aria-label="Timeline"
        aria-valuemin={0}
        aria-valuemax={d - 1}
        aria-valuenow={frame}
        aria-valuetext={label(frame)}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      >
        {marks.in !== null || marks.out !== null ? (
          <div
            className="tl-inout"
            style={{ left: pct(marks.in ?? 0, d), right: `calc(100% - ${pct((marks.out ?? d - 1) + 1, d)})` }}
            title={`In ${marks.in !== null ? label(marks.in) : "start"} – Out ${marks.out !== null ? label(marks.out) : "end"}`}
          />
        ) : null}
        {notes.map((n) => {
          if (n.anchor.__typename !== "TimeAnchor") return null;
          const range = n.anchor.endFrame > n.anchor.startFrame;
          return (
            <button
              key={n.id}
              type="button"
              className={`tl-marker${range ? " range" : ""}`}
              data-status={n.status}
              data-selected={n.id === selectedNoteId || undefined}
              style={{
                left: pct(n.anchor.startFrame, d),
                width: range ? pct(n.anchor.endFrame - n.anchor.startFrame + 1, d) : undefined,
              }}
              title={`${n.anchor.startTimecode} ${n.author.name}: ${n.body.slice(0, 80)}`}
              aria-label={`Note at ${n.anchor.startTimecode} by ${n.author.name}`}
              onClick={() => onNoteClick(n)}
              data-testid="timeline-marker"
            />
          );
        })}
        {props.carried?.length ? (
          <CarriedTimeMarkers
            carried={props.carried}
            durationFrames={d}
            selectedId={props.carriedSelectedId ?? null}
            onClick={(c) => props.onCarriedClick?.(c)}
          />
        ) : null}
        {others.map((o) => (
          <div
            key={o.id}
            className="tl-other"
            style={{ left: pct(o.frame, d), borderColor: personColor(o.id) }}
            title={`${o.name} at ${label(o.frame)}`}
          >
            <span className="tl-other-tag" style={{ background: personColor(o.id) }}>
              {o.initials}
            </span>
          </div>
        ))}
        <div className="tl-playhead" style={{ left: pct(frame, d) }} aria-hidden="true" />
      </div>
    </div>
  );
});

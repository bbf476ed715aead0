import { useEffect, useRef, useState } from "react";
import type { CarriedTimePlacementFragment, NoteItemFragment, Stem } from "../../../gql/graphql";
import { carriedFrom } from "../../cut/components/CarriedTimeMarkers";
import type { Peaks } from "../lib/peaksCache";
import { stemPeaks } from "../lib/stemPeaks";
import "./stem-lanes.css";

export interface StemTrackItem {
  readonly stem: Stem;
  readonly mediaUrl: string;
}

interface Props {
  tracks: readonly StemTrackItem[];
  labels: Record<Stem, string>;
  active: Stem;
  notes: readonly NoteItemFragment[];
  frame: number;
  durationFrames: number;
  selectedNoteId: string | null;
  /** Bumped when the main waveform cached a file's peaks, so a lane waiting on it redraws. */
  peaksVersion: number;
  onStem: (stem: Stem) => void;
  onNoteClick: (note: NoteItemFragment) => void;
  /** Notes carried onto this mix (from the previous mix, or following a picture recut), at their new places. */
  carried?: readonly CarriedTimePlacementFragment[];
  carriedSelectedId?: string | null;
  onCarriedClick?: (c: CarriedTimePlacementFragment) => void;
}

type Placement = CarriedTimePlacementFragment;

/** The carried notes drawn on a stem's lane: those whose new anchor is on it (no stem: the full mix). */
export function carriedOnLane(carried: readonly Placement[], stem: Stem): Placement[] {
  return carried.filter(
    (c) => c.anchor.__typename === "TimeAnchor" && (c.anchor.stem ?? "FULL_MIX") === stem,
  );
}

function LaneWave({ url, peaksVersion }: { url: string; peaksVersion: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [peaks, setPeaks] = useState<Peaks | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: peaksVersion is the trigger to re-read the cache
  useEffect(() => {
    let live = true;
    void stemPeaks(url).then((p) => live && setPeaks(p));
    return () => {
      live = false;
    };
  }, [url, peaksVersion]);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    const data = peaks?.channels[0];
    if (!c || !ctx || !data) return;
    const { width, height } = c;
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = "#56606e";
    const max = Math.max(1e-6, ...data);
    for (let x = 0; x < width; x++) {
      const v = (data[Math.floor((x / width) * data.length)] ?? 0) / max;
      const h = Math.max(1, v * (height - 2));
      ctx.fillRect(x, (height - h) / 2, 1, h);
    }
  }, [peaks]);
  return <canvas ref={canvas} className="lane-wave" width={800} height={28} data-drawn={!!peaks} />;
}

/**
 * One lane per stem under the main waveform: its waveform (peaks computed once, cached), its notes at
 * their place (a note with no stem is on the full mix), the notes carried onto this mix (hollow) and
 * the playhead. A lane's name switches to it.
 */
export function StemLanes(props: Props) {
  const { tracks, labels, active, notes, frame, durationFrames, selectedNoteId } = props;
  const at = (f: number) =>
    `${(Math.min(Math.max(f, 0), durationFrames) / Math.max(1, durationFrames)) * 100}%`;
  return (
    <div className="stem-lanes" data-testid="stem-lanes">
      {tracks.map((t) => {
        const mine = notes.filter(
          (n) => n.anchor.__typename === "TimeAnchor" && (n.anchor.stem ?? "FULL_MIX") === t.stem,
        );
        return (
          <div key={t.stem} className="lane" data-stem={t.stem} data-active={t.stem === active || undefined}>
            <button type="button" className="lane-name" onClick={() => props.onStem(t.stem)}>
              {labels[t.stem]}
            </button>
            <div className="lane-track" data-testid={`lane-${t.stem}`}>
              <LaneWave url={t.mediaUrl} peaksVersion={props.peaksVersion} />
              {mine.map((n) =>
                n.anchor.__typename === "TimeAnchor" ? (
                  <button
                    key={n.id}
                    type="button"
                    className="lane-marker"
                    data-status={n.status}
                    data-selected={n.id === selectedNoteId || undefined}
                    data-testid="lane-marker"
                    style={{ left: at(n.anchor.startFrame) }}
                    title={`${n.author.name} · ${n.anchor.startTimecode}: ${n.body.slice(0, 80)}`}
                    aria-label={`Note at ${n.anchor.startTimecode} by ${n.author.name}`}
                    onClick={() => props.onNoteClick(n)}
                  />
                ) : null,
              )}
              {carriedOnLane(props.carried ?? [], t.stem).map((c) =>
                c.anchor.__typename === "TimeAnchor" ? (
                  <button
                    key={c.id}
                    type="button"
                    className="lane-marker lane-carried"
                    data-status={c.note.status}
                    data-outcome={c.outcome}
                    data-selected={c.id === props.carriedSelectedId || undefined}
                    data-testid="lane-carried-marker"
                    style={{ left: at(c.anchor.startFrame) }}
                    title={`${c.anchor.startTimecode}, ${carriedFrom(c)}${c.detail ? ` (${c.detail})` : ""}\n${c.note.author.name}: ${c.note.body.slice(0, 80)}`}
                    aria-label={`Carried note at ${c.anchor.startTimecode}, ${carriedFrom(c)} by ${c.note.author.name}`}
                    onClick={() => props.onCarriedClick?.(c)}
                  />
                ) : null,
              )}
              <span className="lane-playhead" style={{ left: at(frame) }} aria-hidden="true" />
            </div>
          </div>
        );
      })}
    </div>
  );
}

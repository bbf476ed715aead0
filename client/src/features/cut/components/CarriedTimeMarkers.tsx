import { graphql } from "../../../gql";
import type { CarriedTimePlacementFragment } from "../../../gql/graphql";
import "./carried-time.css";

/** A note carried onto this cut or mix: where it sits now, where it was, and how it got here. */
export const CarriedTimePlacementFragmentDoc = graphql(`
  fragment CarriedTimePlacement on CarriedNote {
    id
    outcome
    method
    detail
    anchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem } }
    previousAnchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode stem } }
    fromVersion { id number }
    note { id body status deletedAt author { id name initials } }
  }
`);

type Placement = CarriedTimePlacementFragment;

/** Its provenance, for people: "carried from v1 at 01:00:10:00". */
export function carriedFrom(c: Placement): string {
  const at = c.previousAnchor.__typename === "TimeAnchor" ? ` at ${c.previousAnchor.startTimecode}` : "";
  return `carried from v${c.fromVersion.number}${at}`;
}

export const frameSpan = (c: Placement): { start: number; end: number } | null =>
  c.anchor.__typename === "TimeAnchor" ? { start: c.anchor.startFrame, end: c.anchor.endFrame } : null;

interface Props {
  carried: readonly Placement[];
  durationFrames: number;
  selectedId: string | null;
  onClick: (c: Placement) => void;
}

const pct = (f: number, d: number) => `${(Math.max(0, Math.min(f, d)) / Math.max(1, d)) * 100}%`;

/**
 * The carried notes' markers inside a timeline track (the track is their positioned parent), drawn
 * apart from the version's own notes: hollow, with the provenance in their name.
 */
export function CarriedTimeMarkers({ carried, durationFrames: d, selectedId, onClick }: Props) {
  return (
    <>
      {carried.map((c) => {
        const span = frameSpan(c);
        if (!span || c.anchor.__typename !== "TimeAnchor") return null;
        const range = span.end > span.start;
        const where = `${c.anchor.startTimecode}, ${carriedFrom(c)}`;
        return (
          <button
            key={c.id}
            type="button"
            // tl-marker: the timeline's pointerdown leaves markers to their own click.
            className={`tl-marker tl-carried${range ? " range" : ""}`}
            data-status={c.note.status}
            data-outcome={c.outcome}
            data-selected={c.id === selectedId || undefined}
            data-testid="carried-marker"
            style={{ left: pct(span.start, d), width: range ? pct(span.end - span.start + 1, d) : undefined }}
            title={`${where}${c.detail ? ` (${c.detail})` : ""}\n${c.note.author.name}: ${c.note.body.slice(0, 80)}`}
            aria-label={`Carried note at ${where} by ${c.note.author.name}`}
            onClick={() => onClick(c)}
          />
        );
      })}
    </>
  );
}

import { Link } from "react-router";
import type { CarriedTimePlacementFragment } from "../../../gql/graphql";
import { roomLink } from "../../versions/hooks/useRoomLink";
import type { CarriedTimeNotes } from "../hooks/useCarriedTimeNotes";
import { carriedFrom } from "./CarriedTimeMarkers";

interface Props {
  carried: CarriedTimeNotes;
}

const was = (c: CarriedTimePlacementFragment) =>
  c.previousAnchor.__typename === "TimeAnchor" ? c.previousAnchor.startTimecode : null;
const at = (c: CarriedTimePlacementFragment) =>
  c.anchor.__typename === "TimeAnchor" ? c.anchor.startTimecode : "";

/**
 * The notes the conform carried onto this version: each at its new place with where it came from
 * and what happened ("moved +00:00:17:00 (shot reordered)"), then those it could not place (the
 * shot is gone), each with a link to the frame it was on in the version it was written on.
 */
export function CarriedTimeList({ carried }: Props) {
  const { placed, unplaced, select, selectedId } = carried;
  if (placed.length === 0 && unplaced.length === 0) return null;
  return (
    <section className="carried-time" data-testid="carried-time" aria-label="Carried notes">
      {placed.length ? (
        <ul className="carried-time-list">
          {placed.map((c) => (
            <li key={c.id} data-testid="carried-time-note" data-outcome={c.outcome}>
              <button
                type="button"
                className="carried-time-item"
                aria-pressed={c.id === selectedId}
                onClick={() => select(c)}
              >
                <span className="mono">{at(c)}</span>
                <span className="carried-provenance" data-testid="carried-provenance">
                  {carriedFrom(c)}
                </span>
                {c.detail ? (
                  <span className="carry-badge" data-outcome={c.outcome} data-testid="carried-outcome">
                    {c.detail}
                  </span>
                ) : null}
                <span className="carried-body">{c.note.body}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {unplaced.length ? (
        <div className="carried-unplaced" data-testid="carried-unplaced">
          <h3 className="small">Not placed on this version ({unplaced.length})</h3>
          <ul className="carried-time-list">
            {unplaced.map((c) => (
              <li key={c.id} data-testid="carried-unplaced-note" data-outcome={c.outcome}>
                <span className="carry-badge" data-outcome={c.outcome}>
                  {c.detail ?? "not placed"}
                </span>
                <span className="carried-body">{c.note.body}</span>
                <Link
                  className="btn sm"
                  to={roomLink(c.fromVersion.id, { t: was(c), note: c.note.id })}
                  data-testid="carried-unplaced-link"
                >
                  {`Open v${c.fromVersion.number} at ${was(c) ?? "its note"}`}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

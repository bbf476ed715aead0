import { useState } from "react";
import { graphql } from "../../../gql";
import type { CarriedPlacementFragment } from "../../../gql/graphql";
import { personColor } from "../../presence/components/PresenceAvatars";

/** A note carried onto this version: where it sits, where it was, and how it got here. */
export const CarriedPlacementFragmentDoc = graphql(`
  fragment CarriedPlacement on CarriedNote {
    id
    outcome
    method
    detail
    run
    anchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }
    previousAnchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }
    fromVersion { id number }
    note { id body status deletedAt author { id name initials } }
  }
`);

const lines = (a: { lineStart: number; lineEnd: number }) =>
  a.lineStart === a.lineEnd ? `line ${a.lineStart}` : `lines ${a.lineStart}–${a.lineEnd}`;

/** The badge's words: "moved from line 95", "text changed", "lines removed". */
export function carryBadge(c: CarriedPlacementFragment): string | null {
  const before = c.previousAnchor.__typename === "ScriptAnchor" ? c.previousAnchor : null;
  switch (c.outcome) {
    case "MOVED":
      return before ? `moved from ${lines(before)}` : "moved";
    case "TEXT_CHANGED":
      return "text changed";
    case "LINES_REMOVED":
      return "lines removed";
    default:
      return null;
  }
}

export function CarriedMarginNote({ carried }: { carried: CarriedPlacementFragment }) {
  const [open, setOpen] = useState(false);
  const { note } = carried;
  const before = carried.previousAnchor.__typename === "ScriptAnchor" ? carried.previousAnchor : null;
  const now = carried.anchor.__typename === "ScriptAnchor" ? carried.anchor : null;
  const badge = carryBadge(carried);
  return (
    <span className="carried-note" data-testid="carried-margin-note" data-outcome={carried.outcome}>
      <button
        type="button"
        className="margin-note"
        data-status={note.status}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title={`From v${carried.fromVersion.number}: ${note.body}`}
      >
        <span className="avatar xs" style={{ background: personColor(note.author.id) }} aria-hidden="true">
          {note.author.initials}
        </span>
        <span className="badge plain">v{carried.fromVersion.number}</span>
        {badge ? (
          <span className="carry-badge" data-outcome={carried.outcome} data-testid="carry-badge">
            {badge}
          </span>
        ) : null}
        <span className="margin-text">{note.body.slice(0, 60)}</span>
      </button>
      {open ? (
        <span className="carry-detail" data-testid="carry-detail">
          {note.body}
          {before && carried.outcome === "TEXT_CHANGED" ? (
            <>
              {"\n"}
              Was ({lines(before)}): <del>{before.quote}</del>
              {"\n"}
              Now ({now ? lines(now) : ""}): <ins>{now?.quote}</ins>
            </>
          ) : null}
          {before && carried.outcome === "LINES_REMOVED" ? (
            <>
              {"\n"}
              Removed ({lines(before)}): <del>{before.quote}</del>
            </>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}

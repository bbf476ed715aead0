import { useQuery } from "@apollo/client/react";
import { useCallback, useMemo, useState } from "react";
import type { CarriedTimePlacementFragment } from "../../../gql/graphql";
import { TimedFollowDocument } from "../graphql/operations";

export interface CarriedTimeNotes {
  /** On this version's timeline, at the place the conform found. */
  readonly placed: readonly CarriedTimePlacementFragment[];
  /** The conform found no place (the shot is gone): listed, never drawn at a made-up frame. */
  readonly unplaced: readonly CarriedTimePlacementFragment[];
  /** The selected placement (its own id: the note lives on an earlier version, not in this room's list). */
  readonly selectedId: string | null;
  /** Selects a placement and goes to it; the room's own selection (and its link) is cleared. */
  readonly select: (c: CarriedTimePlacementFragment) => void;
}

interface Room {
  setSelectedNoteId: (id: string | null) => void;
  transport: { pause: () => void; seekFrame: (frame: number) => void };
}

const stillOpen = (c: CarriedTimePlacementFragment) =>
  !c.note.deletedAt && (c.note.status === "OPEN" || c.note.status === "IN_PROGRESS");

/**
 * The still-open notes carried onto a cut or mix version (Version.carriedNotes), split by whether
 * the conform placed them. A note resolved since it was carried no longer needs a place here.
 */
export function useCarriedTimeNotes(versionId: string, room: Room): CarriedTimeNotes {
  const { data } = useQuery(TimedFollowDocument, {
    variables: { versionId },
    fetchPolicy: "cache-and-network",
  });
  const { setSelectedNoteId, transport } = room;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const select = useCallback(
    (c: CarriedTimePlacementFragment) => {
      setSelectedNoteId(null);
      setSelectedId(c.id);
      if (c.anchor.__typename !== "TimeAnchor") return;
      transport.pause();
      transport.seekFrame(c.anchor.startFrame);
    },
    [transport, setSelectedNoteId],
  );
  const split = useMemo(() => {
    const open = (data?.version?.carriedNotes.edges ?? []).map((e) => e.node).filter(stillOpen);
    return {
      placed: open.filter((c) => c.outcome !== "SHOT_REMOVED" && c.anchor.__typename === "TimeAnchor"),
      unplaced: open.filter((c) => c.outcome === "SHOT_REMOVED"),
    };
  }, [data]);
  return useMemo(() => ({ ...split, selectedId, select }), [split, selectedId, select]);
}

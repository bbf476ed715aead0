import { graphql } from "../../../gql";
import type { CarriedConfirmationFragment } from "../../../gql/graphql";
import { fullDate, timeAgo } from "../../../lib/format";

/** A carried note's placement in this version, as far as "still applies" goes. */
export const CarriedConfirmationFragmentDoc = graphql(`
  fragment CarriedConfirmation on CarriedNote {
    id
    stillApplies
    confirmedAt
    confirmedBy { ...NoteUser }
    note { id }
  }
`);

interface Props {
  placement: CarriedConfirmationFragment;
  /** The viewer may act on the note from this room (its `viewerCan(inVersionId)`), and the room is open. */
  canConfirm: boolean;
  busy: boolean;
  onConfirm: () => void;
}

/**
 * "Still applies" for a note carried from an earlier version: a button until someone confirms it,
 * then who did and when (the placement is normalised, so a confirmation from another browser shows live).
 */
export function StillApplies({ placement, canConfirm, busy, onConfirm }: Props) {
  if (placement.stillApplies) {
    const who = placement.confirmedBy?.name ?? "Someone";
    const at = placement.confirmedAt;
    return (
      <p className="muted small" data-testid="still-applies">
        {"Still applies · confirmed by "}
        <strong>{who}</strong>
        {at ? (
          <>
            {" "}
            <time dateTime={at} title={fullDate(at)}>
              {timeAgo(at)}
            </time>
          </>
        ) : null}
      </p>
    );
  }
  if (!canConfirm) return null;
  return (
    <button type="button" className="btn ghost sm" onClick={onConfirm} disabled={busy}>
      Still applies
    </button>
  );
}

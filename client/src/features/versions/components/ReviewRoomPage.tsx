import { Fragment, type ReactNode } from "react";
import { useParams } from "react-router";
import type { AssetKind } from "../../../gql/graphql";
import { type ReviewRoom, useReviewRoom } from "../hooks/useReviewRoom";
import type { RoomVersion } from "../hooks/useVersionRoom";
import { RoomGate } from "./RoomGate";

export type ReadyRoom = ReviewRoom & { version: RoomVersion };

/**
 * A review screen's route: loads the room for `:versionId` and shows its loading/error/wrong-kind
 * states; the screen renders once the version is there. `render` is called with a fresh key per version
 * so switching versions resets the screen's local state (marks, selection).
 */
export function ReviewRoomPage({
  kind,
  render,
}: {
  kind: AssetKind;
  render: (room: ReadyRoom) => ReactNode;
}) {
  const { versionId = "" } = useParams();
  const room = useReviewRoom(versionId);
  return (
    <RoomGate room={room} kind={kind}>
      {(r) => <Fragment key={r.version.id}>{render(r)}</Fragment>}
    </RoomGate>
  );
}

import { Navigate, useLocation, useParams } from "react-router";
import { useReviewRoom } from "../hooks/useReviewRoom";
import { KIND_PATH } from "./ReviewRoomLayout";
import { RoomGate } from "./RoomGate";

/**
 * `/v/:versionId?t=…&note=…`, the shareable address of any version: opens the room of the version's
 * kind with the same query, which then seeks to `t` or opens `note`.
 */
export function VersionLinkPage() {
  const { versionId = "" } = useParams();
  const { search } = useLocation();
  const room = useReviewRoom(versionId);
  const kind = room.version?.asset.kind;
  return (
    <RoomGate room={room} kind={kind ?? "CUT"}>
      {(r) => <Navigate to={`/${KIND_PATH[r.version.asset.kind]}/${r.version.id}${search}`} replace />}
    </RoomGate>
  );
}
